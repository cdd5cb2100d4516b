// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// The second step of a sign-in: a challenge from ``PasswordLogin`` redeemed with a code from
/// the authenticator or a recovery code, ending in a session.
///
/// The API's `POST /v1/auth/mfa` and the console's sign-in page both call it. The challenge and
/// the code are used up in the session's own transaction, so two requests racing with one code
/// get one session; a wrong or replayed code counts against the challenge and the login throttle.
package struct MFALogin: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// What proves the second factor.
    package enum Proof: Sendable {
        case code(Secret<String>)
        case recoveryCode(Secret<String>)
    }

    /// Where the sign-in comes from.
    package struct Origin: Sendable {
        package var deviceFingerprint: String
        package var deviceLabel: String
        /// The browser's signals (``BrowserSignals``), when its sign-in page's script ran.
        package var browser: BrowserSignals?
        package var sourceIP: String?
        package var userAgent: String?

        package init(deviceFingerprint: String, deviceLabel: String, browser: BrowserSignals? = nil, sourceIP: String?, userAgent: String?) {
            self.deviceFingerprint = deviceFingerprint
            self.deviceLabel = deviceLabel
            self.browser = browser
            self.sourceIP = sourceIP
            self.userAgent = userAgent
        }
    }

    package enum Outcome: Sendable {
        /// The throttle refused the attempt before the code was looked at.
        case throttled(retryAfter: Int)
        case signedIn(AuthenticatedSubject, SessionOpening.Opened)
    }

    /// A concurrent request used the challenge or the code first; the transaction that found
    /// out rolls back and this request fails.
    private enum Race: Error {
        case challengeUsed
        case replayed
        case recoveryCodeUsed
    }

    /// Redeems `challenge` with `proof`.
    ///
    /// - Throws: ``RampartError`` `unauthenticated` for an unknown, expired or used challenge and
    ///   for a wrong, replayed or used code.
    package func verify(challenge token: Secret<String>, proof: Proof, origin: Origin, audit: AuditContext?) async throws -> Outcome {
        let mfa = MFAService(services: services)
        let (challenge, subject) = try await mfa.redeem(token, purpose: .verify, audit: audit)
        let gate = try await LoginGate.make(subject, deviceFingerprint: origin.deviceFingerprint, sourceIP: origin.sourceIP, services: services)
        if let retryAfter = try await gate.retryAfter(services.security, audit: audit) { return .throttled(retryAfter: retryAfter) }
        let opening = SessionOpening(services: services)
        switch proof {
        case .code(let code):
            let result = try await mfa.check(subject, code: code)
            guard case .accepted(let step) = result else {
                throw try await failed(result == .replayed ? .mfaReplayRejected : .mfaFailed, method: "totp", challenge, subject, gate, audit: audit)
            }
            do {
                audit?.event(SecurityEventKind.mfaSucceeded.rawValue, ["method": "totp"])
                let opened = try await opening.open(
                    subject, deviceFingerprint: origin.deviceFingerprint, deviceLabel: origin.deviceLabel, browser: origin.browser,
                    sourceIP: origin.sourceIP,
                    userAgent: origin.userAgent, audit: audit
                ) { tx in
                    guard try await tx.deleteMFAChallenge(id: challenge.id, in: challenge.tenantID) else { throw Race.challengeUsed }
                    guard try await tx.consumeTOTPStep(step, subjectID: subject.id, in: subject.tenantID) else { throw Race.replayed }
                }
                return .signedIn(subject, opened)
            } catch Race.replayed {
                throw try await failed(.mfaReplayRejected, method: "totp", challenge, subject, gate, audit: audit)
            } catch Race.challengeUsed {
                throw RampartError(.unauthenticated, "invalid or expired challenge; sign in again")
            }
        case .recoveryCode(let recoveryCode):
            guard let hash = try await mfa.matchRecoveryCode(subject, code: recoveryCode) else {
                throw try await failed(.mfaFailed, method: "recovery-code", challenge, subject, gate, audit: audit)
            }
            let opened: SessionOpening.Opened
            do {
                audit?.event(SecurityEventKind.recoveryUsed.rawValue)
                opened = try await opening.open(
                    subject, deviceFingerprint: origin.deviceFingerprint, deviceLabel: origin.deviceLabel, browser: origin.browser,
                    sourceIP: origin.sourceIP,
                    userAgent: origin.userAgent, audit: audit
                ) { tx in
                    guard try await tx.deleteMFAChallenge(id: challenge.id, in: challenge.tenantID) else { throw Race.challengeUsed }
                    guard try await tx.consumeRecoveryCode(hash: hash, subjectID: subject.id, in: subject.tenantID) else {
                        throw Race.recoveryCodeUsed
                    }
                }
            } catch Race.recoveryCodeUsed {
                throw try await failed(.mfaFailed, method: "recovery-code", challenge, subject, gate, audit: audit)
            } catch Race.challengeUsed {
                throw RampartError(.unauthenticated, "invalid or expired challenge; sign in again")
            }
            let remaining = try await mfa.recoveryCodesRemaining(subject)
            try await services.security.raise(
                .recoveryUsed, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id,
                details: ["remaining": String(remaining)], audit: audit)
            return .signedIn(subject, opened)
        }
    }

    /// Starts enrolling an authenticator for the person a sign-in stopped because the tenant
    /// requires a second factor (a challenge of purpose `enrol`).
    package func beginEnrolment(challenge token: Secret<String>, audit: AuditContext?) async throws -> TOTPEnrollment {
        let mfa = MFAService(services: services)
        let (_, subject) = try await mfa.redeem(token, purpose: .enrol, audit: audit)
        return try await mfa.beginEnrolment(subject, audit: audit)
    }

    /// What activating at sign-in decided.
    package enum Activation: Sendable {
        case throttled(retryAfter: Int)
        /// The authenticator is on and a session is open; the recovery codes are shown once.
        case signedIn(AuthenticatedSubject, SessionOpening.Opened, recoveryCodes: [Secret<String>])
    }

    /// Turns on the authenticator enrolled with ``beginEnrolment(challenge:audit:)`` with its first
    /// code and opens the session, using up the challenge in the session's transaction.
    ///
    /// - Throws: ``RampartError`` `validation-failed` for a wrong code (counted against the challenge
    ///   and the throttle), `unauthenticated` for an unknown, expired or used challenge.
    package func activate(challenge token: Secret<String>, code: Secret<String>, origin: Origin, audit: AuditContext?) async throws -> Activation {
        let mfa = MFAService(services: services)
        let (challenge, subject) = try await mfa.redeem(token, purpose: .enrol, audit: audit)
        let gate = try await LoginGate.make(subject, deviceFingerprint: origin.deviceFingerprint, sourceIP: origin.sourceIP, services: services)
        if let retryAfter = try await gate.retryAfter(services.security, audit: audit) { return .throttled(retryAfter: retryAfter) }
        let batch: RecoveryCodeBatch
        do {
            batch = try await mfa.activate(subject, code: code, audit: audit)
        } catch let error as RampartError where error.code == .validationFailed {
            _ = try await mfa.recordFailure(challenge)
            try await gate.failed(services.security, audit: audit)
            throw error
        }
        audit?.event(SecurityEventKind.mfaEnrolled.rawValue)
        do {
            let opened = try await SessionOpening(services: services).open(
                subject, deviceFingerprint: origin.deviceFingerprint, deviceLabel: origin.deviceLabel, browser: origin.browser,
                sourceIP: origin.sourceIP,
                userAgent: origin.userAgent, audit: audit
            ) { tx in
                guard try await tx.deleteMFAChallenge(id: challenge.id, in: challenge.tenantID) else { throw Race.challengeUsed }
            }
            return .signedIn(subject, opened, recoveryCodes: batch.codes)
        } catch Race.challengeUsed {
            throw RampartError(.unauthenticated, "invalid or expired challenge; sign in again")
        }
    }

    /// Book-keeps a wrong or replayed second factor and returns the error to throw: the challenge
    /// counts the failure (and dies at the limit), the throttle counts it against the account and
    /// address, and the event is recorded.
    private func failed(
        _ kind: SecurityEventKind, method: String, _ challenge: MFAChallenge, _ subject: AuthenticatedSubject, _ gate: LoginGate,
        audit: AuditContext?
    ) async throws -> RampartError {
        audit?.event(kind.rawValue, ["method": method])
        let failures = try await MFAService(services: services).recordFailure(challenge)
        try await gate.failed(services.security, audit: audit)
        try await services.security.raise(
            kind, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id,
            details: ["method": method, "failures": String(failures)], audit: audit)
        return RampartError(.unauthenticated, "invalid code")
    }
}
