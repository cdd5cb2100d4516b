// SPDX-License-Identifier: Apache-2.0

/// One sign-in in progress: what `/start` sent the browser to the identity provider with, kept
/// server-side until the callback consumes it (once).
///
/// Only the SHA-256 of `state` is stored, so the table cannot be used to complete someone else's
/// sign-in. The PKCE verifier and nonce bind the callback to this start.
package struct SSOLoginState: Sendable, Equatable {
    package var stateHash: String
    package var tenantID: TenantID
    package var providerID: String
    package var nonce: String
    package var codeVerifier: String
    /// The `redirect_uri` sent to the provider; the token request must repeat it exactly.
    package var redirectURI: String
    package var createdAt: Int64
    package var expiresAt: Int64

    package init(
        stateHash: String, tenantID: TenantID, providerID: String, nonce: String, codeVerifier: String, redirectURI: String,
        createdAt: Int64, expiresAt: Int64
    ) {
        self.stateHash = stateHash
        self.tenantID = tenantID
        self.providerID = providerID
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// How long a started sign-in may take: long enough for an MFA prompt, short enough that a
    /// leaked state is soon useless.
    package static let lifetime: Int64 = 10 * 60 * 1000
}
