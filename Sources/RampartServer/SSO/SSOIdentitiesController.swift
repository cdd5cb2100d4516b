// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/users/{id}/sso-identities`: which identities at the tenant's OpenID providers sign in as a
/// user, for tenant-admins.
///
/// Sign-in links an identity by itself only when that cannot hand over an account someone else
/// holds (a new user, or the `linkExistingUsers` opt-in for passwordless ordinary users). Every
/// other link, an administrator's account included, is made here, by an administrator who knows
/// which identity is whose; and a link is removed here when a person's identity at the provider
/// changes.
struct SSOIdentitiesController {
    let services: RampartServices
    private var identities: SSOIdentities { SSOIdentities(services: services) }

    struct LinkRequest: Decodable {
        var providerId: String
        var subject: String
        /// The token's `iss`; defaults to the provider's issuer. Required for an Entra
        /// multi-tenant provider, where it names the organisation.
        var issuer: String?
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/users/{id}/sso-identities", .tenant(.usersWrite), list)
        api.add(.post, "/v1/users/{id}/sso-identities", .tenant(.usersWrite), create)
        api.add(.delete, "/v1/users/{id}/sso-identities/{providerId}", .tenant(.usersWrite), delete)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let links = try await identities.links(of: try context.id("id", as: UserID.self, what: "user"), in: principal.tenantID)
        return try JSONBody.response(PageResponse(Page(items: links, nextCursor: nil), SSOIdentityLinkResponse.init))
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let body = try await JSONBody.decode(LinkRequest.self, from: request, limit: services.maximumBodySize)
        let link = try await identities.link(
            id, providerID: body.providerId, subject: body.subject, issuer: body.issuer, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(SSOIdentityLinkResponse(link), status: .created)
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        try await identities.unlink(id, providerID: context.parameters.get("providerId") ?? "", in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
