// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/api-keys`: machine credentials. Everyone manages their own; tenant-admins see all.
struct ApiKeysController {
    let services: RampartServices

    struct CreateRequest: Decodable {
        var name: String
        var roles: [String]?
        var expiresInDays: Int?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/api-keys", .tenant(.apiKeysManageOwn), create)
        api.add(.get, "/v1/api-keys", .tenant(.apiKeysManageOwn), list)
        api.add(.get, "/v1/api-keys/{id}", .tenant(.apiKeysManageOwn), get)
        api.add(.delete, "/v1/api-keys/{id}", .tenant(.apiKeysManageOwn), revoke)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let owner = principal.userID else { throw RampartError(.forbidden, "only tenant users own API keys") }
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let name = try Validation.name(body.name, field: "name")
        let roles = try UserAdministration.roles(body.roles) ?? principal.roles
        // Compared by permissions, so a tenant-admin may mint a key with the narrower `user` role.
        guard roles.permissions.isSubset(of: principal.roles.permissions) else {
            // Who asks decides, not the body's shape: an authorization refusal.
            throw RampartError(.forbidden, "an API key cannot hold a permission its creator does not have", field: "roles")
        }
        guard !roles.isEmpty else { throw RampartError.validation("an API key needs at least one role", field: "roles") }
        if let days = body.expiresInDays, !(1...3650).contains(days) {
            throw RampartError.validation("must be from 1 to 3650", field: "expiresInDays")
        }
        let secret = Secret(RandomToken.generate())
        let now = services.clock.now()
        let key = ApiKey(
            id: ApiKey.generateID(), tenantID: principal.tenantID, ownerID: owner, name: name, roles: roles,
            secretHash: RandomToken.digest(secret.exposedValue), createdAt: now,
            expiresAt: body.expiresInDays.map { now + Int64($0) * 86_400_000 }, lastUsedAt: nil, revokedAt: nil)
        try await services.store.write { try await $0.insertApiKey(key) }
        return try JSONBody.response(ApiKeyResponse(key, secret: secret), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try context.page(request)
        let owner = principal.has(.apiKeysManageAll) ? nil : principal.userID
        let keys = try await services.store.read { try await $0.apiKeys(in: principal.tenantID, owner: owner, page: page) }
        return try JSONBody.response(PageResponse(keys) { ApiKeyResponse($0) })
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let key = try await visibleKey(context, principal)
        return try JSONBody.response(ApiKeyResponse(key))
    }

    @Sendable func revoke(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let key = try await visibleKey(context, principal)
        let now = services.clock.now()
        _ = try await services.store.write { try await $0.revokeApiKey(id: key.id, in: principal.tenantID, at: now) }
        return Response(status: .noContent)
    }

    /// The key named in the path, if the caller may see it; otherwise 404 (not 403), so key ids of
    /// other users are not confirmed to exist.
    private func visibleKey(_ context: RampartRequestContext, _ principal: Principal) async throws -> ApiKey {
        guard let id = context.parameters.get("id"), id.hasPrefix("rk_"), id.count <= 64 else {
            throw RampartError.notFound("API key")
        }
        guard let key = try await services.store.read({ try await $0.apiKey(id: id, in: principal.tenantID) }),
            principal.has(.apiKeysManageAll) || key.ownerID == principal.userID
        else { throw RampartError.notFound("API key") }
        return key
    }
}
