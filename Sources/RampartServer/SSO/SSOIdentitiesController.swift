// SPDX-License-Identifier: Apache-2.0

import Foundation
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
        let id = try context.id("id", as: UserID.self, what: "user")
        let links = try await services.store.read { tx in
            guard try await tx.user(id, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
            return try await tx.ssoIdentityLinks(user: id, in: principal.tenantID)
        }
        return try JSONBody.response(PageResponse(Page(items: links, nextCursor: nil), SSOIdentityLinkResponse.init))
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let body = try await JSONBody.decode(LinkRequest.self, from: request, limit: services.maximumBodySize)
        guard UUIDv7.isWellFormed(body.providerId) else { throw RampartError.notFound("identity provider") }
        guard (1...255).contains(body.subject.utf8.count) else { throw RampartError.validation("must be 1-255 bytes", field: "subject") }
        let now = services.clock.now()
        let link: SSOIdentityLink = try await services.store.write { tx in
            guard try await tx.user(id, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
            guard let provider = try await tx.ssoProvider(id: body.providerId, in: principal.tenantID) else {
                throw RampartError.notFound("identity provider")
            }
            let issuer = try Self.issuer(body.issuer, provider: provider)
            if try await tx.ssoIdentityLink(issuer: issuer, subject: body.subject, in: principal.tenantID) != nil {
                throw RampartError(.conflict, "this identity is already linked to a user", field: "subject")
            }
            if try await tx.ssoIdentityLinks(user: id, in: principal.tenantID).contains(where: { $0.providerID == provider.id }) {
                throw RampartError(.conflict, "the user already has an identity at this provider; remove it first", field: "providerId")
            }
            let link = SSOIdentityLink(
                tenantID: principal.tenantID, providerID: provider.id, issuer: issuer, subject: body.subject, userID: id, createdAt: now,
                lastLoginAt: now)
            try await tx.insertSSOIdentityLink(link)
            return link
        }
        return try JSONBody.response(SSOIdentityLinkResponse(link), status: .created)
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        guard let provider = context.parameters.get("providerId"), UUIDv7.isWellFormed(provider) else {
            throw RampartError.notFound("identity link")
        }
        guard try await services.store.write({ try await $0.deleteSSOIdentityLink(provider: provider, user: id, in: principal.tenantID) }) else {
            throw RampartError.notFound("identity link")
        }
        return Response(status: .noContent)
    }

    /// The issuer a link is stored under: the provider's own, or for an Entra multi-tenant
    /// provider one naming an organisation the provider allows (a link for any other could never
    /// be used, since such tokens are refused).
    static func issuer(_ given: String?, provider: SSOProvider) throws -> String {
        if SSOProvider.isMultiTenantIssuer(provider.issuer) {
            guard let given, given.utf8.count <= 2048, URLComponents(string: given)?.host != nil else {
                throw RampartError.validation("is required for a multi-tenant Entra provider: the token's iss", field: "issuer")
            }
            let segments = given.lowercased().split(separator: "/").map(String.init)
            guard provider.allowedTenantIDs.contains(where: segments.contains) else {
                throw RampartError.validation("must name one of the provider's allowedTenantIds", field: "issuer")
            }
            return given
        }
        guard let given else { return provider.issuer }
        guard OIDCDiscovery.trimmed(given) == OIDCDiscovery.trimmed(provider.issuer) else {
            throw RampartError.validation("must be the provider's issuer", field: "issuer")
        }
        return given
    }
}
