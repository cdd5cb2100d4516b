// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/api-keys`: machine credentials. Everyone manages their own; tenant-admins see all.
struct ApiKeysController {
    let services: RampartServices
    private var keys: ApiKeyAdministration { ApiKeyAdministration(services: services) }

    struct CreateRequest: Decodable {
        var name: String
        var roles: [String]?
        var expiresInDays: Int?
        var decisionRateLimit: DecisionRateLimitBody?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/api-keys", .tenant(.apiKeysManageOwn), create)
        api.add(.get, "/v1/api-keys", .tenant(.apiKeysManageOwn), list)
        api.add(.get, "/v1/api-keys/{id}", .tenant(.apiKeysManageOwn), get)
        api.add(.delete, "/v1/api-keys/{id}", .tenant(.apiKeysManageOwn), revoke)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard principal.userID != nil else { throw RampartError(.forbidden, "only tenant users own API keys") }
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let (key, secret) = try await keys.create(
            name: body.name, roles: body.roles, expiresInDays: body.expiresInDays,
            decisionRateLimit: body.decisionRateLimit.map { (burst: $0.burst, requestsPerSecond: $0.requestsPerSecond) }, by: principal,
            audit: context.audit)
        return try JSONBody.response(ApiKeyResponse(key, secret: secret), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(PageResponse(try await keys.list(by: principal, page: try context.page(request))) { ApiKeyResponse($0) })
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(ApiKeyResponse(try await keys.get(context.parameters.get("id") ?? "", by: principal)))
    }

    @Sendable func revoke(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await keys.revoke(context.parameters.get("id") ?? "", by: principal, audit: context.audit)
        return Response(status: .noContent)
    }
}
