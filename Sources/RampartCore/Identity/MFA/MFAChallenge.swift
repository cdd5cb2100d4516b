// SPDX-License-Identifier: Apache-2.0

/// The short-lived proof that a password was right, exchanged for a session once the second
/// factor is given.
///
/// Like sessions, only the SHA-256 of the challenge token is stored. A challenge is single use
/// (deleted when it yields a session) and dies after ``maximumFailures`` wrong codes, so the
/// password must be typed again before more codes can be guessed.
package struct MFAChallenge: Sendable, Equatable {
    package enum Purpose: String, Sendable, Codable {
        /// Give a TOTP or recovery code.
        case verify
        /// The tenant requires two-factor login and the account has none yet: the challenge
        /// allows enrolling an authenticator and nothing else.
        case enrol
    }

    /// Wrong codes after which the challenge is discarded.
    package static let maximumFailures = 5

    package var id: String
    package var tokenHash: String
    package var tenantID: TenantID
    package var subjectKind: Session.SubjectKind
    package var subjectID: String
    package var purpose: Purpose
    package var failures: Int
    package var createdAt: Int64
    package var expiresAt: Int64

    package init(
        id: String, tokenHash: String, tenantID: TenantID, subjectKind: Session.SubjectKind, subjectID: String, purpose: Purpose,
        failures: Int, createdAt: Int64, expiresAt: Int64
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.tenantID = tenantID
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.purpose = purpose
        self.failures = failures
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    package func isValid(at now: Int64) -> Bool { now < expiresAt && failures < Self.maximumFailures }
}
