// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// What a signed-in person does to their own account: see who they are, sign out, change their
/// password, turn two-factor login off.
///
/// Re-entering the current password (or a two-factor code) goes through the login step's
/// throttle: without it, a stolen session was an unthrottled password oracle, and each wrong
/// guess cost the server a full scrypt hash and the attacker nothing. Failures count against the
/// account, the address and the tenant exactly like failed logins (guesses here and at the login
/// form share one budget), a throttled check is refused without looking at the answer, and each
/// wrong password raises `password.recheck_failed` (a wrong code, `mfa.failed`).
package struct OwnAccount: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// Where a re-check comes from: the browser's device and the source address, which the
    /// throttle counts.
    package struct Origin: Sendable {
        package var deviceFingerprint: String
        package var sourceIP: String?

        package init(deviceFingerprint: String, sourceIP: String?) {
            self.deviceFingerprint = deviceFingerprint
            self.sourceIP = sourceIP
        }
    }

    /// What a change that needs the current password or code came to.
    package enum Outcome: Sendable, Equatable {
        case done
        /// The throttle refused the attempt; retry after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Who the principal is: its tenant, its user and the user's groups (none for the operator
    /// and for API keys' owners' tenant-less views).
    package func profile(of principal: Principal) async throws -> (tenant: Tenant?, user: User?, groups: [Group]) {
        try await services.store.read { tx in
            guard let userID = principal.userID else { return (nil, nil, []) }
            return (
                try await tx.tenant(id: principal.tenantID), try await tx.user(userID, in: principal.tenantID),
                try await tx.groups(of: userID, in: principal.tenantID)
            )
        }
    }

    /// Ends the principal's session.
    ///
    /// - Throws: ``RampartError`` `forbidden` for an API key, which is revoked, not logged out.
    package func logout(_ principal: Principal, audit: AuditContext?) async throws {
        guard let session = principal.sessionID else {
            throw RampartError(.forbidden, "API keys are revoked, not logged out: DELETE /v1/api-keys/{id}")
        }
        _ = try await services.store.recording(audit).write { try await $0.deleteSession(session, in: principal.tenantID) }
    }

    /// Whether the principal's tenant requires two-factor login.
    package func mfaRequired(_ subject: AuthenticatedSubject) async throws -> Bool {
        try await services.store.read { try await $0.tenantSecuritySettings(subject.tenantID)?.mfaRequired ?? false }
    }

    /// Sets a new password after checking the current one, and ends every session of the user,
    /// this one included: whoever else held one may be the reason for the change.
    ///
    /// - Throws: ``RampartError`` `forbidden` unless a signed-in user asks; `validation-failed`
    ///   naming `newPassword` (policy) or `currentPassword` (wrong).
    package func changePassword(
        _ principal: Principal, current: Secret<String>, new: Secret<String>, origin: Origin, audit: AuditContext?
    ) async throws -> Outcome {
        guard case .user(let userID, _) = principal.kind else {
            throw RampartError(.forbidden, "only a signed-in user can change their password")
        }
        try services.passwordPolicy.validate(new, username: principal.username, field: "newPassword")
        let subject = try await AuthenticatedSubject.of(principal, store: services.store)
        if case .throttled(let retryAfter) = try await recheck(subject, password: current, field: "currentPassword", origin: origin, audit: audit) {
            return .throttled(retryAfter: retryAfter)
        }
        let newHash = try services.passwordHasher.hash(new)
        let now = services.clock.now()
        try await services.store.recording(audit).write { tx in
            guard var user = try await tx.user(userID, in: principal.tenantID) else { throw RampartError.notFound("user") }
            user.passwordHash = newHash
            user.updatedAt = now
            try await tx.updateUser(user)
            _ = try await tx.deleteSessions(subjectID: userID.rawValue, in: principal.tenantID)
        }
        return .done
    }

    /// Turns two-factor login off after a current `code` (used up) or the `password`.
    ///
    /// - Throws: ``RampartError`` `validation-failed` naming `code` or `password` when neither is
    ///   given or the one given is wrong.
    package func disableMFA(
        _ subject: AuthenticatedSubject, code: Secret<String>?, password: Secret<String>?, origin: Origin, audit: AuditContext?
    ) async throws -> Outcome {
        var step: Int64?
        if let code {
            let gate = try await LoginGate.make(
                subject, deviceFingerprint: origin.deviceFingerprint, sourceIP: origin.sourceIP, services: services)
            if let retryAfter = try await gate.retryAfter(services.security, audit: audit) { return .throttled(retryAfter: retryAfter) }
            guard case .accepted(let accepted) = try await MFAService(services: services).check(subject, code: code) else {
                try await gate.failed(services.security, audit: audit)
                try await services.security.raise(
                    .mfaFailed, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id,
                    details: ["method": "totp", "purpose": "disable"], audit: audit)
                throw RampartError(.validationFailed, "the code is incorrect or already used", field: "code")
            }
            step = accepted
        } else if let password {
            if case .throttled(let retryAfter) = try await recheck(subject, password: password, field: "password", origin: origin, audit: audit) {
                return .throttled(retryAfter: retryAfter)
            }
        } else {
            throw RampartError(.validationFailed, "give a current `code` or your `password`", field: "code")
        }
        let spent = step
        let removed = try await services.store.recording(audit).write { tx -> Bool in
            if let step = spent, !(try await tx.consumeTOTPStep(step, subjectID: subject.id, in: subject.tenantID)) {
                throw RampartError(.validationFailed, "the code is incorrect or already used", field: "code")
            }
            return try await tx.deleteMFA(subjectID: subject.id, in: subject.tenantID)
        }
        if removed {
            try await services.security.raise(
                .mfaDisabled, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id, audit: audit)
        }
        return .done
    }

    /// Checks `password` for `subject` with the login step's throttle.
    ///
    /// - Throws: ``RampartError`` `validation-failed` naming `field` when the password is wrong.
    private func recheck(
        _ subject: AuthenticatedSubject, password: Secret<String>, field: String, origin: Origin, audit: AuditContext?
    ) async throws -> Outcome {
        let gate = try await LoginGate.make(subject, deviceFingerprint: origin.deviceFingerprint, sourceIP: origin.sourceIP, services: services)
        if let retryAfter = try await gate.retryAfter(services.security, audit: audit) { return .throttled(retryAfter: retryAfter) }
        let hash: String? = try await services.store.read { tx in
            switch subject {
            case .user(let tenant, let user): try await tx.user(user.id, in: tenant.id)?.passwordHash
            case .operator(_, let username): try await tx.operatorCredentials(username: username)?.passwordHash
            }
        }
        // The decoy keeps an account without a password (SSO-only) as slow to refuse as a wrong one.
        guard services.passwordHasher.verify(password, against: hash ?? services.decoyPasswordHash), hash != nil else {
            try await gate.failed(services.security, audit: audit)
            _ = try await services.security.raise(
                .passwordRecheckFailed, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id,
                details: ["username": subject.username, "field": field], audit: audit)
            throw RampartError.validation("the \(field == "currentPassword" ? "current password" : "password") is incorrect", field: field)
        }
        return .done
    }
}
