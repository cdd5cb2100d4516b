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
    /// Whether a first sign-in of an identity no user is linked to may link it to the existing user
    /// of the same username. Off by default: a username claim is not proof of being that user.
    /// Even when on, only a user without a password and without an admin role is linked (one
    /// created by SCIM or by an earlier SSO sign-in), so a provider account cannot take over a
    /// local administrator or a password account.
    package var linkExistingUsers: Bool
    /// The Entra tenant ids (`tid`) a multi-tenant issuer (one whose discovery issuer is
    /// `…/{tenantid}/v2.0`) accepts tokens from. Required for such issuers: without it, any
    /// organisation's Entra accounts could sign in. Lower-case.
    package var allowedTenantIDs: [String]
    /// IdP group (a value of the groups claim) to Rampart group name. Mapped groups follow the
    /// token at each sign-in; other memberships are left alone.
    package var groupMapping: [String: String]
    /// ID token `amr` values (RFC 8176: `mfa`, `hwk`, `otp`…) that prove a second factor to
    /// Rampart. When a sign-in needs two-factor (the tenant requires it, or the user enrolled
    /// Rampart TOTP) and the token names none of these (nor an ``trustedACR`` value), the user
    /// steps up with Rampart TOTP after the provider. Empty: the provider's MFA is never trusted.
    package var trustedAMR: [String]
    /// ID token `acr` values that prove a second factor, like ``trustedAMR``.
    package var trustedACR: [String]
    package var enabled: Bool
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        id: String, tenantID: TenantID, name: String, displayName: String?, issuer: String, clientID: String, hasClientSecret: Bool,
        scopes: [String], usernameClaim: String, emailClaim: String, groupsClaim: String, allowedDomains: [String],
        jitProvisioning: Bool, groupMapping: [String: String], enabled: Bool, createdAt: Int64, updatedAt: Int64,
        linkExistingUsers: Bool = false, allowedTenantIDs: [String] = [], trustedAMR: [String] = [], trustedACR: [String] = []
    ) {
        self.trustedAMR = trustedAMR
        self.trustedACR = trustedACR
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
        self.linkExistingUsers = linkExistingUsers
        self.allowedTenantIDs = allowedTenantIDs
        self.groupMapping = groupMapping
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether an ID token's `amr`/`acr` claims show a second factor this provider is trusted for.
    package func vouchesForSecondFactor(amr: [String], acr: String?) -> Bool {
        amr.contains(where: trustedAMR.contains) || acr.map(trustedACR.contains) == true
    }

    /// The tenant secret holding this provider's client secret.
    package var clientSecretName: String { Self.clientSecretName(id) }

    package static func clientSecretName(_ id: String) -> String { "sso-client-secret:\(id)" }

    /// Entra's placeholder in a multi-tenant discovery issuer, filled in with each token's `tid`.
    package static let tenantPlaceholder = "{tenantid}"

    /// Whether `issuer` is an Entra multi-tenant one: the `{tenantid}` template itself, or an
    /// `…/common/v2.0`, `…/organizations/v2.0` or `…/consumers/v2.0` endpoint, whose discovery
    /// document publishes the template. (A discovery document publishing the template for another
    /// issuer is caught at sign-in: the allow-list is checked there too.)
    package static func isMultiTenantIssuer(_ issuer: String) -> Bool {
        let lowered = issuer.lowercased()
        if lowered.contains(tenantPlaceholder) { return true }
        let segments = lowered.split(separator: "/").map(String.init)
        guard segments.count >= 2, segments.last == "v2.0" else { return false }
        return ["common", "organizations", "consumers"].contains(segments[segments.count - 2])
    }
}
