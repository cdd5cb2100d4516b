// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage

/// The settings of an identity provider as a request gives them; on an update a `nil` field is
/// left as it is, and `clientSecret: ""` removes the secret.
package struct SSOProviderSettings: Decodable, Sendable {
    package struct Claims: Decodable, Sendable {
        package var username: String?
        package var email: String?
        package var groups: String?
    }

    package var name: String?
    package var displayName: String?
    package var issuer: String?
    package var clientId: String?
    package var clientSecret: Secret<String>?
    package var scopes: [String]?
    package var claims: Claims?
    package var allowedDomains: [String]?
    package var jitProvisioning: Bool?
    package var linkExistingUsers: Bool?
    package var allowedTenantIds: [String]?
    package var trustedAmr: [String]?
    package var trustedAcr: [String]?
    package var groupMapping: [String: String]?
    package var enabled: Bool?
}

/// A tenant's OpenID Connect identity providers, managed by tenant-admins (who can already
/// manage every user, which is what a provider's sign-ins amount to). The client secret is a
/// tenant secret, write-only, and dropped when the issuer it is sent to changes.
package struct SSOProviders: Sendable {
    package let services: RampartServices
    package let policy: OIDCEndpointPolicy

    package init(services: RampartServices, policy: OIDCEndpointPolicy) {
        self.services = services
        self.policy = policy
    }

    /// Creates a provider; returns it with the tenant's slug (part of its sign-in URL).
    package func create(
        _ body: SSOProviderSettings, in tenant: TenantID, audit: AuditContext?
    ) async throws -> (provider: SSOProvider, tenantSlug: String) {
        guard let name = body.name else { throw RampartError.validation("is required", field: "name") }
        guard body.issuer != nil else { throw RampartError.validation("is required", field: "issuer") }
        guard body.clientId != nil else { throw RampartError.validation("is required", field: "clientId") }
        let now = services.clock.now()
        var provider = SSOProvider(
            id: UUIDv7.generate(), tenantID: tenant, name: try Validation.slug(name, field: "name"), displayName: nil,
            issuer: "", clientID: "", hasClientSecret: false, scopes: ["openid", "email", "profile"], usernameClaim: "preferred_username",
            emailClaim: "email", groupsClaim: "groups", allowedDomains: [], jitProvisioning: false, groupMapping: [:], enabled: true,
            createdAt: now, updatedAt: now)
        try apply(body, to: &provider)
        let secret = try Self.clientSecret(body.clientSecret)
        provider.hasClientSecret = secret != nil
        audit?.setEntity("sso-providers", provider.id)
        let keyring = services.keyring
        let found: Tenant? = try await services.store.recording(audit).write { [provider] tx in
            if try await tx.ssoProvider(name: provider.name, in: tenant) != nil {
                throw RampartError(.conflict, "an identity provider named `\(provider.name)` already exists", field: "name")
            }
            try await tx.insertSSOProvider(provider)
            if let secret {
                try await keyring.putSecret(
                    provider.clientSecretName, Secret(Array(secret.exposedValue.utf8)), tenant: tenant, in: tx, at: now)
            }
            return try await tx.tenant(id: tenant)
        }
        return (provider, found?.slug ?? "")
    }

    package func list(in tenant: TenantID, page: PageRequest) async throws -> (providers: Page<SSOProvider>, tenantSlug: String) {
        let (providers, found) = try await services.store.read { tx in
            (try await tx.ssoProviders(in: tenant, page: page), try await tx.tenant(id: tenant))
        }
        return (providers, found?.slug ?? "")
    }

    package func get(_ id: String, in tenant: TenantID) async throws -> (provider: SSOProvider, tenantSlug: String) {
        let (provider, found) = try await services.store.read { tx in (try await tx.ssoProvider(id: id, in: tenant), try await tx.tenant(id: tenant))
        }
        guard let provider else { throw RampartError.notFound("identity provider") }
        return (provider, found?.slug ?? "")
    }

    package func update(
        _ id: String, with body: SSOProviderSettings, in tenant: TenantID, audit: AuditContext?
    ) async throws -> (provider: SSOProvider, tenantSlug: String) {
        let name = try body.name.map { try Validation.slug($0, field: "name") }
        let secret = try Self.clientSecret(body.clientSecret)
        let now = services.clock.now()
        let keyring = services.keyring
        let (provider, found): (SSOProvider, Tenant?) = try await services.store.recording(audit).write { tx in
            guard var provider = try await tx.ssoProvider(id: id, in: tenant) else {
                throw RampartError.notFound("identity provider")
            }
            if let name, name != provider.name {
                if try await tx.ssoProvider(name: name, in: tenant) != nil {
                    throw RampartError(.conflict, "an identity provider named `\(name)` already exists", field: "name")
                }
                provider.name = name
            }
            let issuerBefore = provider.issuer
            try apply(body, to: &provider)
            // The client secret is sent to the issuer's token endpoint (found from the issuer):
            // a new issuer drops the stored secret unless the request gives it again, or it would
            // follow the provider to a server whoever edits the provider chooses.
            if provider.hasClientSecret, body.clientSecret == nil, provider.issuer != issuerBefore {
                try await tx.deleteSecret(provider.clientSecretName, in: tenant)
                provider.hasClientSecret = false
                audit?.event("sso.provider.secret_dropped", ["reason": "issuer changed"])
            }
            if body.clientSecret != nil {
                if let secret {
                    try await keyring.putSecret(
                        provider.clientSecretName, Secret(Array(secret.exposedValue.utf8)), tenant: tenant, in: tx, at: now)
                } else {
                    try await tx.deleteSecret(provider.clientSecretName, in: tenant)
                }
                provider.hasClientSecret = secret != nil
            }
            provider.updatedAt = now
            try await tx.updateSSOProvider(provider)
            return (provider, try await tx.tenant(id: tenant))
        }
        return (provider, found?.slug ?? "")
    }

    /// Deletes the provider, its secret and (by the store) its identity links.
    package func delete(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        let deleted = try await services.store.recording(audit).write { tx in
            let deleted = try await tx.deleteSSOProvider(id: id, in: tenant)
            if deleted { try await tx.deleteSecret(SSOProvider.clientSecretName(id), in: tenant) }
            return deleted
        }
        guard deleted else { throw RampartError.notFound("identity provider") }
    }

    /// A client secret from a body: `nil` when absent or empty (a public client using PKCE only).
    package static func clientSecret(_ value: Secret<String>?) throws -> Secret<String>? {
        guard let value, !value.exposedValue.isEmpty else { return nil }
        guard value.exposedValue.utf8.count <= 1024 else { throw RampartError.validation("must be at most 1024 bytes", field: "clientSecret") }
        return value
    }

    /// Validates and copies the fields present in `body` onto `provider` (all but name and secret).
    func apply(_ body: SSOProviderSettings, to provider: inout SSOProvider) throws {
        if let issuer = body.issuer {
            var trimmed = issuer.trimmingWhitespace()
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            guard policy.allows(trimmed), !trimmed.contains("?") else {
                throw RampartError.validation(
                    policy.allowHTTPLoopback ? "must be an https:// URL (or http:// on loopback)" : "must be an https:// URL", field: "issuer")
            }
            provider.issuer = trimmed
        }
        if let clientID = body.clientId { provider.clientID = try Validation.token(clientID, field: "clientId", maximum: 256) }
        if body.displayName != nil { provider.displayName = try Validation.optionalText(body.displayName, field: "displayName", maximum: 200) }
        if let scopes = body.scopes {
            var list = try scopes.map { try Validation.token($0, field: "scopes", maximum: 128) }
            // OpenID Connect needs `openid`; without it the provider issues no ID token.
            if !list.contains("openid") { list.insert("openid", at: 0) }
            guard list.count <= 32 else { throw RampartError.validation("at most 32 scopes", field: "scopes") }
            provider.scopes = list
        }
        if let claims = body.claims {
            if let name = claims.username { provider.usernameClaim = try Validation.token(name, field: "claims.username", maximum: 128) }
            if let name = claims.email { provider.emailClaim = try Validation.token(name, field: "claims.email", maximum: 128) }
            if let name = claims.groups { provider.groupsClaim = try Validation.token(name, field: "claims.groups", maximum: 128) }
        }
        if let domains = body.allowedDomains {
            guard domains.count <= 100 else { throw RampartError.validation("at most 100 domains", field: "allowedDomains") }
            provider.allowedDomains = try domains.map { domain in
                let lowered = domain.trimmingWhitespace().lowercased()
                guard (1...253).contains(lowered.utf8.count), lowered.contains("."),
                    lowered.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D })
                else { throw RampartError.validation("`\(domain.prefix(64))` is not a domain name", field: "allowedDomains") }
                return lowered
            }
        }
        if let jit = body.jitProvisioning { provider.jitProvisioning = jit }
        if let mapping = body.groupMapping {
            guard mapping.count <= 500 else { throw RampartError.validation("at most 500 entries", field: "groupMapping") }
            var checked: [String: String] = [:]
            for (idpGroup, name) in mapping {
                guard (1...256).contains(idpGroup.utf8.count) else {
                    throw RampartError.validation("IdP group names must be 1-256 bytes", field: "groupMapping")
                }
                checked[idpGroup] = try Validation.name(name, field: "groupMapping")
            }
            provider.groupMapping = checked
        }
        if let enabled = body.enabled { provider.enabled = enabled }
        if let link = body.linkExistingUsers { provider.linkExistingUsers = link }
        if let tenants = body.allowedTenantIds {
            guard tenants.count <= 100 else { throw RampartError.validation("at most 100 tenant ids", field: "allowedTenantIds") }
            var checked: [String] = []
            for tenant in tenants {
                let lowered = tenant.trimmingWhitespace().lowercased()
                guard (1...64).contains(lowered.utf8.count),
                    lowered.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
                else { throw RampartError.validation("`\(tenant.prefix(64))` is not an Entra tenant id", field: "allowedTenantIds") }
                if !checked.contains(lowered) { checked.append(lowered) }
            }
            provider.allowedTenantIDs = checked
        }
        if let values = body.trustedAmr { provider.trustedAMR = try Self.claimValues(values, field: "trustedAmr") }
        if let values = body.trustedAcr { provider.trustedACR = try Self.claimValues(values, field: "trustedAcr") }
        // An Entra multi-tenant endpoint (`common`, `organizations`, `{tenantid}`) vouches for
        // every organisation's accounts: the provider must say which organisations are its own.
        if SSOProvider.isMultiTenantIssuer(provider.issuer), provider.allowedTenantIDs.isEmpty {
            throw RampartError.validation(
                "is required for a multi-tenant Entra issuer: the tenant ids (tid) whose accounts may sign in", field: "allowedTenantIds")
        }
    }

    /// `amr`/`acr` values: at most 20, each a printable, space-free token (an `acr` may be a URI).
    package static func claimValues(_ values: [String], field: String) throws -> [String] {
        guard values.count <= 20 else { throw RampartError.validation("at most 20 values", field: field) }
        var checked: [String] = []
        for value in values where !checked.contains(value) { checked.append(try Validation.token(value, field: field, maximum: 256)) }
        return checked
    }
}
