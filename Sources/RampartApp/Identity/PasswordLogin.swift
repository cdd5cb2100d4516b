// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// The password step of a sign-in, for a tenant's user or (without a tenant) the platform
/// operator.
///
/// Throttled attempts are refused before the password is looked at. An unknown account, a wrong
/// password and a disabled user are one answer, verified against a decoy hash when there is no
/// account so timing does not tell them apart; only a caller who knows the password learns that
/// the tenant is suspended. A right password ends in a session or, when the account has a second
/// factor (or must enrol one), in a challenge.
package struct PasswordLogin: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// What the password step decided.
    package enum Outcome: Sendable {
        /// The throttle refused the attempt; retry after this many seconds.
        case throttled(retryAfter: Int)
        /// The password was right and no second factor is due: open a session.
        case signedIn(AuthenticatedSubject)
        /// The password was right; the second factor must be proved, or enrolled (`purpose`).
        case challenged(AuthenticatedSubject, token: Secret<String>, challenge: MFAChallenge)
    }

    /// Checks `password` for `username` of the tenant `tenantSlug` (the operator when `nil` or empty).
    ///
    /// - Throws: ``RampartError`` `unauthenticated` for a wrong password, an unknown account or a
    ///   disabled user; `forbidden` when the tenant signs in through SSO only; `tenant-suspended`.
    package func run(
        tenantSlug: String?, username: String, password: Secret<String>, deviceFingerprint: String, sourceIP: String?, audit: AuditContext?
    ) async throws -> Outcome {
        let hasher = services.passwordHasher
        let account = try await self.account(
            tenantSlug: tenantSlug, username: username, deviceFingerprint: deviceFingerprint, sourceIP: sourceIP, audit: audit)
        if let retryAfter = try await account.gate.retryAfter(services.security, audit: audit) { return .throttled(retryAfter: retryAfter) }
        let verified = hasher.verify(password, against: account.passwordHash ?? services.decoyPasswordHash)
        guard verified, let subject = account.subject else { throw try await failed(account.gate, username: username, audit: audit) }
        subject.bindAudit(audit)
        if case .user(let tenant, let user) = subject {
            guard tenant.status == .active else { throw RampartError(.tenantSuspended, "tenant `\(tenant.slug)` is suspended") }
            guard user.status == .active else { throw try await failed(account.gate, username: username, reason: "disabled", audit: audit) }
            if let hash = user.passwordHash, hasher.needsRehash(hash) {
                let upgraded = try hasher.hash(password)
                try await services.store.recording(audit).write { tx in
                    guard var current = try await tx.user(user.id, in: tenant.id) else { return }
                    current.passwordHash = upgraded
                    try await tx.updateUser(current)
                }
            }
        }
        let mfa = MFAService(services: services)
        let purpose: MFAChallenge.Purpose
        if try await mfa.isActive(subject) {
            purpose = .verify
        } else if account.mfaRequired {
            purpose = .enrol
        } else {
            audit?.event("login.succeeded")
            return .signedIn(subject)
        }
        audit?.event(purpose == .verify ? "login.mfa_challenged" : "login.mfa_enrolment_required")
        let (token, challenge) = try await mfa.issueChallenge(subject, purpose: purpose, audit: audit)
        return .challenged(subject, token: token, challenge: challenge)
    }

    /// The account a login names, as far as it exists.
    private struct Account {
        var subject: AuthenticatedSubject?
        var passwordHash: String?
        var mfaRequired: Bool
        var gate: LoginGate
    }

    private func account(
        tenantSlug: String?, username: String, deviceFingerprint: String, sourceIP: String?, audit: AuditContext?
    ) async throws -> Account {
        let base = services.security.configuration.loginThrottle
        guard let tenantSlug, !tenantSlug.isEmpty else {
            let (credentials, known) = try await services.store.read { tx -> ((id: OperatorID, passwordHash: String)?, Bool) in
                guard let credentials = try await tx.operatorCredentials(username: username) else { return (nil, false) }
                return (credentials, try await tx.isKnownSource(.device, deviceFingerprint, subjectID: credentials.id.rawValue, in: .platform))
            }
            let attempt = LoginAttempt(tenant: nil, tenantSlug: nil, username: username, ip: sourceIP)
            return Account(
                subject: credentials.map { .operator($0.id, username: username) }, passwordHash: credentials?.passwordHash, mfaRequired: false,
                gate: LoginGate(attempt: attempt, knownDevice: known, policy: base))
        }
        let (tenant, user, settings, known): (Tenant?, User?, TenantSecuritySettings?, Bool) = try await services.store.read { tx in
            guard let tenant = try await tx.tenant(slug: tenantSlug) else { return (nil, nil, nil, false) }
            let user = try await tx.user(username: username, in: tenant.id)
            let settings = try await tx.tenantSecuritySettings(tenant.id)
            var known = false
            if let user { known = try await tx.isKnownSource(.device, deviceFingerprint, subjectID: user.id.rawValue, in: tenant.id) }
            return (tenant, user, settings, known)
        }
        if let tenant {
            audit?.update { $0.tenant = tenant.id }
            if try await services.store.read({ try await $0.ssoSettings(tenant.id) }).ssoOnly {
                audit?.event("login.refused", ["username": username, "reason": "sso-only"])
                throw RampartError(.forbidden, "tenant `\(tenant.slug)` signs in through single sign-on only")
            }
        }
        let attempt = LoginAttempt(tenant: tenant?.id, tenantSlug: tenantSlug, username: username, ip: sourceIP)
        var subject: AuthenticatedSubject?
        if let tenant, let user { subject = .user(tenant, user) }
        return Account(
            subject: subject, passwordHash: user?.passwordHash, mfaRequired: settings?.mfaRequired ?? false,
            gate: LoginGate(
                attempt: attempt, knownDevice: known, policy: ThrottlePolicyDocument.policy(stored: settings?.loginThrottleJSON, base: base)))
    }

    /// Records a failed attempt and returns the one answer every failure gets.
    private func failed(_ gate: LoginGate, username: String, reason: String? = nil, audit: AuditContext?) async throws -> RampartError {
        var details = ["username": username]
        if let reason { details["reason"] = reason }
        audit?.event("login.failed", details)
        // A disabled user's right password is not a guess, and is not counted against the account.
        if reason == nil { try await gate.failed(services.security, audit: audit) }
        return RampartError(.unauthenticated, "invalid username or password")
    }
}
