// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/sso/providers`: a tenant's OpenID Connect identity providers (``SSOProviders``).
struct SSOProvidersController {
    let services: RampartServices
    let providers: SSOProviders
    let publicURL: PublicBaseURL

    func register(on api: APIRouter) {
        api.add(.post, "/v1/sso/providers", .tenant(.usersWrite), create)
        api.add(.get, "/v1/sso/providers", .tenant(.usersWrite), list)
        api.add(.get, "/v1/sso/providers/{id}", .tenant(.usersWrite), get)
        api.add(.patch, "/v1/sso/providers/{id}", .tenant(.usersWrite), update)
        api.add(.delete, "/v1/sso/providers/{id}", .tenant(.usersWrite), delete)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(SSOProviderSettings.self, from: request, limit: services.maximumBodySize)
        let (provider, slug) = try await providers.create(body, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(SSOProviderResponse(provider, tenantSlug: slug, baseURL: publicURL.resolve(request)), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let (page, slug) = try await providers.list(in: principal.tenantID, page: try context.page(request))
        let base = publicURL.resolve(request)
        return try JSONBody.response(PageResponse(page) { SSOProviderResponse($0, tenantSlug: slug, baseURL: base) })
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let (provider, slug) = try await providers.get(try Self.id(context), in: principal.tenantID)
        return try JSONBody.response(SSOProviderResponse(provider, tenantSlug: slug, baseURL: publicURL.resolve(request)))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        let body = try await JSONBody.decode(SSOProviderSettings.self, from: request, limit: services.maximumBodySize)
        let (provider, slug) = try await providers.update(id, with: body, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(SSOProviderResponse(provider, tenantSlug: slug, baseURL: publicURL.resolve(request)))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await providers.delete(try Self.id(context), in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    static func id(_ context: RampartRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), UUIDv7.isWellFormed(id) else { throw RampartError.notFound("identity provider") }
        return id
    }
}
