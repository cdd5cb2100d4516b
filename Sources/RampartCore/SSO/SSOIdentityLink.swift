// SPDX-License-Identifier: Apache-2.0

/// The link between an identity at an OpenID provider and the Rampart user it signs in as.
///
/// An identity is the ID token's (`iss`, `sub`): OpenID Connect Core §2 makes `sub` unique and
/// never reassigned within an issuer, unlike the username, e-mail or name claims, which the
/// provider's users or administrators can change. Once linked, an identity always signs in as the
/// same user, whatever its username claim becomes.
package struct SSOIdentityLink: Sendable, Equatable {
    package var tenantID: TenantID
    /// The provider the link was made through (deleting it deletes its links).
    package var providerID: String
    /// The token's `iss`, as it appeared in the token (for Entra, with the tenant id filled in).
    package var issuer: String
    package var subject: String
    package var userID: UserID
    package var createdAt: Int64
    package var lastLoginAt: Int64

    package init(
        tenantID: TenantID, providerID: String, issuer: String, subject: String, userID: UserID, createdAt: Int64, lastLoginAt: Int64
    ) {
        self.tenantID = tenantID
        self.providerID = providerID
        self.issuer = issuer
        self.subject = subject
        self.userID = userID
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
    }
}
