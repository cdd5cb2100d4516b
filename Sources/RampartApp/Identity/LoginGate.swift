// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// The throttle's view of one sign-in attempt (a password or a second factor): the account's
/// attempt key, whether the device is known, and the tenant's policy.
package struct LoginGate: Sendable {
    package var attempt: LoginAttempt
    package var knownDevice: Bool
    package var policy: ThrottlePolicy

    package init(attempt: LoginAttempt, knownDevice: Bool, policy: ThrottlePolicy) {
        self.attempt = attempt
        self.knownDevice = knownDevice
        self.policy = policy
    }

    /// The gate of a subject that has already given its password (second factor, re-check).
    package static func make(
        _ subject: AuthenticatedSubject, deviceFingerprint: String, sourceIP: String?, services: RampartServices
    ) async throws
        -> LoginGate
    {
        let (known, stored) = try await services.store.read { tx -> (Bool, String?) in
            let known = try await tx.isKnownSource(.device, deviceFingerprint, subjectID: subject.id, in: subject.tenantID)
            guard subject.tenantID != .platform else { return (known, nil) }
            return (known, try await tx.tenantSecuritySettings(subject.tenantID)?.loginThrottleJSON)
        }
        return LoginGate(
            attempt: subject.loginAttempt(ip: sourceIP), knownDevice: known,
            policy: ThrottlePolicyDocument.policy(stored: stored, base: services.security.configuration.loginThrottle))
    }

    /// The seconds to wait when the throttle refuses the attempt, or `nil` when it may be
    /// checked. A refused attempt is answered without looking at the password or code, so
    /// throttled attempts are no guesses; the refusal is noted in the request's audit record
    /// (`audit`).
    package func retryAfter(_ security: SecurityMonitor, audit: AuditContext?) async throws -> Int? {
        let decision = try await security.assessLogin(attempt, knownDevice: knownDevice, policy: policy)
        guard let retryAfter = decision.retryAfterSeconds(now: security.now()) else { return nil }
        let reason: String =
            switch decision {
            case .allow: "none"
            case .delay(_, let reason), .blocked(_, let reason): reason.rawValue
            }
        audit?.event(SecurityEventKind.loginThrottled.rawValue, ["username": attempt.account, "reason": reason])
        return retryAfter
    }

    /// Counts a wrong answer against the account, the address and the tenant.
    package func failed(_ security: SecurityMonitor, audit: AuditContext?) async throws {
        try await security.loginFailed(attempt, policy: policy, audit: audit)
    }
}
