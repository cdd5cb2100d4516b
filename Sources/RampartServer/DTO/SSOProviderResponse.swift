// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// An identity provider as the admin API shows it: everything but the client secret, plus the
/// two URLs an administrator needs (where sign-in starts, and the redirect URI to register at
/// the provider).
package struct SSOProviderResponse: Codable, Sendable {
    package struct Claims: Codable, Sendable {
        package var username: String
        package var email: String
        package var groups: String
    }

    package var id: String
    package var name: String
    package var displayName: String?
    package var issuer: String
    package var clientId: String
    package var hasClientSecret: Bool
    package var scopes: [String]
    package var claims: Claims
    package var allowedDomains: [String]
    package var jitProvisioning: Bool
    package var linkExistingUsers: Bool
    package var allowedTenantIds: [String]
    /// `amr` values that count as a second factor (see ``SSOProvider/trustedAMR``).
    package var trustedAmr: [String]
    /// `acr` values that count as a second factor.
    package var trustedAcr: [String]
    package var groupMapping: [String: String]
    package var enabled: Bool
    package var startUrl: String
    package var redirectUri: String
    package var createdAt: String
    package var updatedAt: String

    package init(_ provider: SSOProvider, tenantSlug: String, baseURL: String) {
        id = provider.id
        name = provider.name
        displayName = provider.displayName
        issuer = provider.issuer
        clientId = provider.clientID
        hasClientSecret = provider.hasClientSecret
        scopes = provider.scopes
        claims = Claims(username: provider.usernameClaim, email: provider.emailClaim, groups: provider.groupsClaim)
        allowedDomains = provider.allowedDomains
        jitProvisioning = provider.jitProvisioning
        linkExistingUsers = provider.linkExistingUsers
        allowedTenantIds = provider.allowedTenantIDs
        trustedAmr = provider.trustedAMR
        trustedAcr = provider.trustedACR
        groupMapping = provider.groupMapping
        enabled = provider.enabled
        startUrl = "\(baseURL)/v1/auth/sso/\(tenantSlug)/\(provider.name)/start"
        redirectUri = baseURL + SSOSignIn.callbackPath
        createdAt = Timestamp.rfc3339(milliseconds: provider.createdAt)
        updatedAt = Timestamp.rfc3339(milliseconds: provider.updatedAt)
    }
}
