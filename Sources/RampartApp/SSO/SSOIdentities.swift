// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage

/// Which identities at the tenant's OpenID providers sign in as a user, managed by
/// tenant-admins, and whether the tenant signs in through SSO only.
///
/// Sign-in links an identity by itself only when that cannot hand over an account someone else
/// holds (a new user, or the `linkExistingUsers` opt-in for passwordless ordinary users). Every
/// other link, an administrator's account included, is made here, by an administrator who knows
/// which identity is whose.
package struct SSOIdentities: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    package func links(of id: UserID, in tenant: TenantID) async throws -> [SSOIdentityLink] {
        try await services.store.read { tx in
            guard try await tx.user(id, in: tenant) != nil else { throw RampartError.notFound("user") }
            return try await tx.ssoIdentityLinks(user: id, in: tenant)
        }
    }

    /// Links the identity (`issuer`, `subject`) at the provider to the user; `issuer` defaults to
    /// the provider's and is required for an Entra multi-tenant provider.
    package func link(
        _ id: UserID, providerID: String, subject: String, issuer: String?, in tenant: TenantID, audit: AuditContext?
    ) async throws -> SSOIdentityLink {
        guard UUIDv7.isWellFormed(providerID) else { throw RampartError.notFound("identity provider") }
        guard (1...255).contains(subject.utf8.count) else { throw RampartError.validation("must be 1-255 bytes", field: "subject") }
        let now = services.clock.now()
        let link: SSOIdentityLink = try await services.store.recording(audit).write { tx in
            guard try await tx.user(id, in: tenant) != nil else { throw RampartError.notFound("user") }
            guard let provider = try await tx.ssoProvider(id: providerID, in: tenant) else {
                throw RampartError.notFound("identity provider")
            }
            let linkedIssuer = try Self.issuer(issuer, provider: provider)
            if try await tx.ssoIdentityLink(issuer: linkedIssuer, subject: subject, in: tenant) != nil {
                throw RampartError(.conflict, "this identity is already linked to a user", field: "subject")
            }
            if try await tx.ssoIdentityLinks(user: id, in: tenant).contains(where: { $0.providerID == provider.id }) {
                throw RampartError(.conflict, "the user already has an identity at this provider; remove it first", field: "providerId")
            }
            let link = SSOIdentityLink(
                tenantID: tenant, providerID: provider.id, issuer: linkedIssuer, subject: subject, userID: id, createdAt: now,
                lastLoginAt: now)
            try await tx.insertSSOIdentityLink(link)
            return link
        }
        return link
    }

    package func unlink(_ id: UserID, providerID: String, in tenant: TenantID, audit: AuditContext?) async throws {
        guard UUIDv7.isWellFormed(providerID),
            try await services.store.recording(audit).write({ try await $0.deleteSSOIdentityLink(provider: providerID, user: id, in: tenant) })
        else { throw RampartError.notFound("identity link") }
    }

    package func ssoOnly(in tenant: TenantID) async throws -> Bool {
        try await services.store.read { try await $0.ssoSettings(tenant) }.ssoOnly
    }

    /// Makes SSO the only way to sign in, or not; refused while no provider is enabled, or the
    /// tenant would lock itself out.
    package func setSSOOnly(_ ssoOnly: Bool, in tenant: TenantID, audit: AuditContext?) async throws {
        let now = services.clock.now()
        try await services.store.recording(audit).write { tx in
            if ssoOnly {
                let providers = try await tx.ssoProviders(in: tenant, page: PageRequest(limit: PageRequest.maximumLimit))
                guard providers.items.contains(where: \.enabled) else {
                    throw RampartError(.conflict, "enable an identity provider before making SSO the only way to sign in", field: "ssoOnly")
                }
            }
            try await tx.setSSOSettings(SSOSettings(ssoOnly: ssoOnly), in: tenant, at: now)
        }
    }

    /// The issuer a link is stored under: the provider's own, or for an Entra multi-tenant
    /// provider one naming an organisation the provider allows (a link for any other could never
    /// be used, since such tokens are refused).
    package static func issuer(_ given: String?, provider: SSOProvider) throws -> String {
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
