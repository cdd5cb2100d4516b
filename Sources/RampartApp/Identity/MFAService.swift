// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// Two-factor login for one server: TOTP enrolment and verification, recovery codes, and the
/// challenges that sit between the password and the second factor.
///
/// Secrets (TOTP seeds, codes, recovery codes, challenge tokens) only ever travel in
/// ``Secret`` wrappers and in the one response that shows them; none is logged, audited or put in
/// an error message.
package struct MFAService: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// What checking a TOTP code found. Verification does not consume the code: the caller
    /// consumes ``accepted(step:)`` with ``StoreTransaction/consumeTOTPStep(_:subjectID:in:)``
    /// in the transaction that acts on it, so a replay race has exactly one winner.
    package enum CodeCheck: Sendable, Equatable {
        case accepted(step: Int64)
        /// The code was right but its time step was already used.
        case replayed
        case wrong
        case notEnrolled
    }

    // MARK: State

    package func credential(_ subject: AuthenticatedSubject) async throws -> TOTPCredential? {
        try await services.store.read { try await $0.totpCredential(subjectID: subject.id, in: subject.tenantID) }
    }

    package func isActive(_ subject: AuthenticatedSubject) async throws -> Bool {
        try await credential(subject)?.status == .active
    }

    package func recoveryCodesRemaining(_ subject: AuthenticatedSubject) async throws -> Int {
        try await services.store.read { try await $0.recoveryCodes(subjectID: subject.id, in: subject.tenantID)?.hashes.count ?? 0 }
    }

    // MARK: Enrolment

    /// Starts (or restarts) enrolment: a new secret, stored sealed and `pending`, returned once
    /// as the `otpauth://` URI and QR code.
    ///
    /// - Throws: `conflict` when two-factor login is already on (turn it off first, so an
    ///   attacker holding a session cannot silently swap the authenticator).
    package func beginEnrolment(_ subject: AuthenticatedSubject, audit: AuditContext?) async throws -> TOTPEnrollment {
        let enrollment = try TOTPEnrollment.begin(issuer: services.security.configuration.totpIssuer, account: subject.accountLabel)
        let now = services.clock.now()
        let keyring = services.keyring
        try await services.store.recording(audit).write { tx in
            if try await tx.totpCredential(subjectID: subject.id, in: subject.tenantID)?.status == .active {
                throw RampartError(.conflict, "two-factor login is already on; turn it off before enrolling a new authenticator")
            }
            let sealed = try await keyring.sealTOTPSecret(enrollment.totp.secret, subjectID: subject.id, tenant: subject.tenantID, in: tx)
            try await tx.putTOTPCredential(
                TOTPCredential(
                    tenantID: subject.tenantID, subjectKind: subject.kind, subjectID: subject.id, sealedSecret: sealed, status: .pending,
                    lastUsedStep: nil, createdAt: now, activatedAt: nil))
        }
        return enrollment
    }

    /// Finishes enrolment once `code` matches the pending secret; returns the new recovery codes,
    /// which the caller shows once.
    package func activate(_ subject: AuthenticatedSubject, code: Secret<String>, audit: AuditContext?) async throws -> RecoveryCodeBatch {
        let now = services.clock.now()
        guard let (credential, totp) = try await load(subject) else {
            throw RampartError(.validationFailed, "start enrolment first: POST /v1/me/mfa/totp", field: "code")
        }
        guard credential.status == .pending else { throw RampartError(.conflict, "two-factor login is already on") }
        guard let step = code.withValue({ totp.verify($0, at: now) }) else {
            throw RampartError(.validationFailed, "the code does not match; check the authenticator's clock and try the next code", field: "code")
        }
        let batch = RecoveryCodes.generate()
        try await services.store.recording(audit).write { tx in
            guard var current = try await tx.totpCredential(subjectID: subject.id, in: subject.tenantID), current.status == .pending,
                current.sealedSecret == credential.sealedSecret
            else { throw RampartError(.conflict, "the enrolment changed meanwhile; start again") }
            current.status = .active
            // The code just shown proves possession; it is used up like any other.
            current.lastUsedStep = step
            current.activatedAt = now
            try await tx.putTOTPCredential(current)
            try await tx.replaceRecoveryCodes(subjectID: subject.id, in: subject.tenantID, salt: batch.salt, hashes: batch.hashes, at: now)
        }
        try await services.security.raise(
            .mfaEnrolled, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id, audit: audit)
        return batch
    }

    /// Replaces the recovery codes; the old ones stop working at once.
    package func regenerateRecoveryCodes(_ subject: AuthenticatedSubject, audit: AuditContext?) async throws -> RecoveryCodeBatch {
        guard try await isActive(subject) else {
            throw RampartError(.validationFailed, "two-factor login is not on; enrol an authenticator first", field: "totp")
        }
        let batch = RecoveryCodes.generate()
        let now = services.clock.now()
        try await services.store.recording(audit).write { tx in
            try await tx.replaceRecoveryCodes(subjectID: subject.id, in: subject.tenantID, salt: batch.salt, hashes: batch.hashes, at: now)
        }
        try await services.security.raise(
            .recoveryRegenerated, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id, audit: audit)
        return batch
    }

    // MARK: Verification

    package func check(_ subject: AuthenticatedSubject, code: Secret<String>) async throws -> CodeCheck {
        guard let (credential, totp) = try await load(subject), credential.status == .active else { return .notEnrolled }
        let now = services.clock.now()
        guard let step = code.withValue({ totp.verify($0, at: now) }) else { return .wrong }
        guard credential.replayGuard.permits(step: step) else { return .replayed }
        return .accepted(step: step)
    }

    /// The stored hash of the recovery code typed, or `nil` when it is not one of the subject's
    /// unused codes. The caller deletes that hash to use the code.
    package func matchRecoveryCode(_ subject: AuthenticatedSubject, code: Secret<String>) async throws -> String? {
        guard let stored = try await services.store.read({ try await $0.recoveryCodes(subjectID: subject.id, in: subject.tenantID) })
        else { return nil }
        guard let index = code.withValue({ RecoveryCodes.match($0, salt: stored.salt, hashes: stored.hashes) }) else { return nil }
        return stored.hashes[index]
    }

    private func load(_ subject: AuthenticatedSubject) async throws -> (TOTPCredential, TOTP)? {
        let keyring = services.keyring
        return try await services.store.read { tx -> (TOTPCredential, TOTP)? in
            guard let credential = try await tx.totpCredential(subjectID: subject.id, in: subject.tenantID) else { return nil }
            let secret = try await keyring.openTOTPSecret(credential.sealedSecret, subjectID: subject.id, tenant: subject.tenantID, in: tx)
            return (credential, try TOTP(secret: secret))
        }
    }

    // MARK: Challenges

    /// Issues the token a client exchanges for a session once it gives the second factor (or,
    /// for `.enrol`, once it has enrolled one).
    package func issueChallenge(
        _ subject: AuthenticatedSubject, purpose: MFAChallenge.Purpose, audit: AuditContext?
    ) async throws
        -> (token: Secret<String>, challenge: MFAChallenge)
    {
        let token = Secret(RandomToken.generate())
        let now = services.clock.now()
        let challenge = MFAChallenge(
            id: UUIDv7.generate(), tokenHash: RandomToken.digest(token.exposedValue), tenantID: subject.tenantID, subjectKind: subject.kind,
            subjectID: subject.id, purpose: purpose, failures: 0, createdAt: now,
            expiresAt: now + services.security.configuration.mfaChallengeLifetime)
        try await services.store.recording(audit).write { try await $0.insertMFAChallenge(challenge) }
        return (token, challenge)
    }

    /// The usable challenge for `token` with the subject it belongs to, or 401.
    ///
    /// The subject is re-read: a user disabled (or a tenant suspended) after the password step
    /// gets no session.
    package func redeem(
        _ token: Secret<String>, purpose: MFAChallenge.Purpose, audit: AuditContext?
    ) async throws -> (MFAChallenge, AuthenticatedSubject) {
        let invalid = RampartError(.unauthenticated, "invalid or expired challenge; sign in again")
        let hash = RandomToken.digest(token.exposedValue)
        let now = services.clock.now()
        let found: (MFAChallenge, AuthenticatedSubject)? = try await services.store.read { tx in
            guard let challenge = try await tx.mfaChallenge(tokenHash: hash), challenge.isValid(at: now), challenge.purpose == purpose
            else { return nil }
            switch challenge.subjectKind {
            case .operator:
                let id = OperatorID(challenge.subjectID)
                guard challenge.tenantID == .platform, let username = try await tx.operatorUsername(id: id) else { return nil }
                return (challenge, .operator(id, username: username))
            case .user:
                guard let tenant = try await tx.tenant(id: challenge.tenantID), tenant.status == .active,
                    let user = try await tx.user(UserID(challenge.subjectID), in: tenant.id), user.status == .active
                else { return nil }
                return (challenge, .user(tenant, user))
            }
        }
        guard let found else { throw invalid }
        found.1.bindAudit(audit)
        return found
    }

    /// Counts a wrong code against `challenge`, discarding it after the last allowed failure.
    /// Written outside the request's audited transaction: the request fails, and its own record
    /// says so.
    package func recordFailure(_ challenge: MFAChallenge) async throws -> Int {
        try await services.security.store.write { tx in
            let failures = try await tx.recordMFAChallengeFailure(id: challenge.id, in: challenge.tenantID)
            if failures >= MFAChallenge.maximumFailures { _ = try await tx.deleteMFAChallenge(id: challenge.id, in: challenge.tenantID) }
            return failures
        }
    }

    /// An administrator's reset of user `id`'s two-factor login: the authenticator and recovery
    /// codes go, and so does every session (whoever holds one may be why the reset is needed).
    package func reset(user id: UserID, in tenant: TenantID, audit: AuditContext?) async throws {
        let removed = try await services.store.recording(audit).write { tx -> Bool in
            guard try await tx.user(id, in: tenant) != nil else { throw RampartError.notFound("user") }
            let removed = try await tx.deleteMFA(subjectID: id.rawValue, in: tenant)
            _ = try await tx.deleteSessions(subjectID: id.rawValue, in: tenant)
            return removed
        }
        if removed {
            try await services.security.raise(
                .mfaDisabled, tenant: tenant, details: ["user": id.rawValue, "reason": "reset by an administrator"], audit: audit)
        }
    }
}
