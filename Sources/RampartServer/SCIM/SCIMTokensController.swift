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

    private var tokens: SCIMTokens { SCIMTokens(services: services) }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let issued = try await tokens.issue(name: body.name, by: principal, audit: context.audit)
        let baseURL = issued.tenantSlug.map { publicURL.resolve(request) + "/scim/v2/" + $0 }
        return try JSONBody.response(
            SCIMTokenResponse(issued.token, secret: issued.secret, baseURL: baseURL), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try await tokens.list(in: principal.tenantID, page: try context.page(request))
        return try JSONBody.response(PageResponse(page) { SCIMTokenResponse($0) })
    }

    @Sendable func revoke(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await tokens.revoke(context.parameters.get("id") ?? "", in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
