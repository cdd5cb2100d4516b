// SPDX-License-Identifier: Apache-2.0

/// An OpenID Connect identity provider a tenant's users sign in with.
///
/// The client secret is not part of the value: it is a tenant secret, encrypted with the tenant's
/// data key (see ``clientSecretName``), so it is re-encrypted by key rotation like every other
/// secret and never read back out through the API.
package struct SSOProvider: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    /// The provider's name in URLs: `/v1/auth/sso/{tenant}/{name}/start`. Slug rules.
    package var name: String
    package var displayName: String?
    /// The issuer URL (`https://login.example.com`); discovery is read from
    /// `{issuer}/.well-known/openid-configuration`. May contain Entra's `{tenantid}` placeholder.
    package var issuer: String
    package var clientID: String
    package var hasClientSecret: Bool
    package var scopes: [String]
    /// The ID token claims a Rampart user's username, e-mail and groups come from.
    package var usernameClaim: String
    package var emailClaim: String
    package var groupsClaim: String
    /// Lower-case e-mail domains allowed to sign in; empty allows any.
    package var allowedDomains: [String]
    /// Whether a first sign-in creates the user (with the `user` role); otherwise the user must
    /// exist (provisioned by SCIM or an administrator).
    package var jitProvisioning: Bool
    /// IdP group (a value of the groups claim) to Rampart group name. Mapped groups follow the
    /// token at each sign-in; other memberships are left alone.
    package var groupMapping: [String: String]
    package var enabled: Bool
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        id: String, tenantID: TenantID, name: String, displayName: String?, issuer: String, clientID: String, hasClientSecret: Bool,
        scopes: [String], usernameClaim: String, emailClaim: String, groupsClaim: String, allowedDomains: [String],
        jitProvisioning: Bool, groupMapping: [String: String], enabled: Bool, createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.displayName = displayName
        self.issuer = issuer
        self.clientID = clientID
        self.hasClientSecret = hasClientSecret
        self.scopes = scopes
        self.usernameClaim = usernameClaim
        self.emailClaim = emailClaim
        self.groupsClaim = groupsClaim
        self.allowedDomains = allowedDomains
        self.jitProvisioning = jitProvisioning
        self.groupMapping = groupMapping
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The tenant secret holding this provider's client secret.
    package var clientSecretName: String { Self.clientSecretName(id) }

    package static func clientSecretName(_ id: String) -> String { "sso-client-secret:\(id)" }
}
