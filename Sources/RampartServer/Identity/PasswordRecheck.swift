// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Checks the current password of someone already signed in (changing the password, turning off
/// two-factor) with the same throttle as the login step.
///
/// Without it, a stolen session was an unthrottled password oracle: each wrong guess cost the
/// server a full scrypt hash and the attacker nothing. Failures count against the account, the
/// address and the tenant exactly like failed logins (so guesses here and at the login form share
/// one budget), a throttled check is answered 429 without looking at the password, and each wrong
/// password raises `password.recheck_failed`.
struct PasswordRecheck {
    let services: RampartServices

    /// What the check found.
    enum Outcome {
        case verified
        /// The throttle refused the attempt: the 429 answer to return as is.
        case throttled(Response)
    }

    /// Checks `password` for `subject`.
    ///
    /// - Throws: ``RampartError`` `validation-failed` naming `field` when the password is wrong.
    func check(
        _ subject: AuthenticatedSubject, password: Secret<String>, field: String, request: Request, context: RampartRequestContext
    ) async throws -> Outcome {
        let gate = try await LoginGate.make(subject, request: request, context: context, services: services)
        if let refused = gate.refusal(services.security, request: request, context: context) { return .throttled(refused) }
        let hash: String? = try await services.store.read { tx in
            switch subject {
            case .user(let tenant, let user): try await tx.user(user.id, in: tenant.id)?.passwordHash
            case .operator(_, let username): try await tx.operatorCredentials(username: username)?.passwordHash
            }
        }
        // The decoy keeps an account without a password (SSO-only) as slow to refuse as a wrong one.
        guard services.passwordHasher.verify(password, against: hash ?? services.decoyPasswordHash), hash != nil else {
            try await gate.failed(services.security, audit: context.audit)
            _ = try await services.security.raise(
                .passwordRecheckFailed, tenant: subject.tenantID, actorType: subject.actorType, actorID: subject.id,
                details: ["username": subject.username, "field": field], audit: context.audit)
            throw RampartError.validation("the \(field == "currentPassword" ? "current password" : "password") is incorrect", field: field)
        }
        return .verified
    }
}
