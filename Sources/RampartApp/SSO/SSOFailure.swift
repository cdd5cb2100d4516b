// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Why a single sign-on did not complete, as a stable code.
///
/// The browser (and the API client driving it) gets a 401 `unauthenticated` problem whose detail
/// names the code; the audit record keeps the code in its details. Nothing from the token or the
/// provider's answer is echoed beyond that.
package struct SSOFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package let code: String

    private init(_ code: String) { self.code = code }

    package var description: String { "single sign-on failed: \(code)" }

    package static let unknownState = SSOFailure("unknown-or-used-state")
    package static let expiredState = SSOFailure("expired-state")
    /// The callback came from a browser that does not hold the sign-in's state cookie: another
    /// browser started it (login CSRF), or cookies are off.
    package static let stateNotBound = SSOFailure("state-not-bound-to-browser")
    /// The server is reachable beyond loopback and has no `--public-url` to build the redirect
    /// URI from; it will not take it from the request's `Host` header.
    package static let publicURLRequired = SSOFailure("public-url-required")
    package static let providerError = SSOFailure("provider-error")
    package static let providerUnavailable = SSOFailure("provider-unavailable")
    package static let discoveryMismatch = SSOFailure("discovery-issuer-mismatch")
    package static let tokenExchangeFailed = SSOFailure("token-exchange-failed")
    package static let malformedToken = SSOFailure("malformed-id-token")
    package static let unsupportedAlgorithm = SSOFailure("unsupported-algorithm")
    package static let unknownKey = SSOFailure("unknown-signing-key")
    package static let badSignature = SSOFailure("bad-signature")
    package static let wrongIssuer = SSOFailure("wrong-issuer")
    package static let wrongAudience = SSOFailure("wrong-audience")
    package static let expired = SSOFailure("expired-id-token")
    package static let issuedInFuture = SSOFailure("id-token-issued-in-the-future")
    package static let nonceMismatch = SSOFailure("nonce-mismatch")
    /// A claim the verifier computes with is out of range (`exp: 1e300`, a negative `iat`).
    package static let invalidToken = SSOFailure("invalid-id-token")
    package static let missingUsername = SSOFailure("missing-username-claim")
    package static let missingSubject = SSOFailure("missing-subject-claim")
    /// The token's identity is linked to no user, and a user of its username exists that the
    /// provider may not link to (no opt-in, or the user has a password or an admin role). Never
    /// resolved by linking silently: an administrator decides.
    package static let accountNotLinked = SSOFailure("existing-account-not-linked")
    /// An Entra multi-tenant issuer, and the token's `tid` is not in the provider's
    /// `allowedTenantIds` (or the list is empty).
    package static let tenantNotAllowed = SSOFailure("entra-tenant-not-allowed")
    package static let domainNotAllowed = SSOFailure("email-domain-not-allowed")
    package static let unverifiedEmail = SSOFailure("email-not-verified")
    package static let unknownUser = SSOFailure("user-not-provisioned")
    package static let disabledUser = SSOFailure("user-disabled")
    package static let providerDisabled = SSOFailure("provider-disabled")
    /// The issuer or one of its endpoints resolves to an address the outbound address policy
    /// refuses (loopback, private, link-local…; see `--outbound-allow`). Nothing was sent there.
    package static let destinationNotAllowed = SSOFailure(OutboundDestinationRefused.code)

    /// The problem the HTTP layer answers with.
    package var rampartError: RampartError {
        self == .destinationNotAllowed ? RampartError(.destinationNotAllowed, description) : RampartError(.unauthenticated, description)
    }
}
