// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/scim/tokens`: the tenant's SCIM provisioning tokens, managed by tenant-admins.
///
/// A SCIM token can create, change and delete every user and group of the tenant, so managing
/// tokens needs `users:write` (tenant-admins only). The secret is shown once, in the creation
/// response, and stored as its SHA-256.
struct SCIMTokensController {
    let services: RampartServices
    let publicURL: PublicBaseURL

    struct CreateRequest: Decodable {
        var name: String
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/scim/tokens", .tenant(.usersWrite), create)
        api.add(.get, "/v1/scim/tokens", .tenant(.usersWrite), list)
        api.add(.delete, "/v1/scim/tokens/{id}", .tenant(.usersWrite), revoke)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let name = try Validation.name(body.name, field: "name")
        let secret = Secret(RandomToken.generate())
        let token = SCIMToken(
            id: SCIMToken.generateID(), tenantID: principal.tenantID, name: name, secretHash: RandomToken.digest(secret.exposedValue),
            createdBy: principal.userID, createdAt: services.clock.now(), lastUsedAt: nil, revokedAt: nil)
        context.audit?.setEntity("scim-tokens", token.id)
        let tenant = try await services.store.recording(context.audit).write { tx in
            try await tx.insertSCIMToken(token)
            return try await tx.tenant(id: principal.tenantID)
        }
        let baseURL = tenant.map { publicURL.resolve(request) + "/scim/v2/" + $0.slug }
        return try JSONBody.response(
            SCIMTokenResponse(token, secret: secret, baseURL: baseURL), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try context.page(request)
        let tokens = try await services.store.read { try await $0.scimTokens(in: principal.tenantID, page: page) }
        return try JSONBody.response(PageResponse(tokens) { SCIMTokenResponse($0) })
    }

    @Sendable func revoke(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id"), id.hasPrefix("st_"), id.count <= 64 else {
            throw RampartError.notFound("SCIM token")
        }
        let now = services.clock.now()
        guard try await services.store.recording(context.audit).write({ try await $0.revokeSCIMToken(id: id, in: principal.tenantID, at: now) })
        else {
            throw RampartError.notFound("SCIM token")
        }
        return Response(status: .noContent)
    }
}
