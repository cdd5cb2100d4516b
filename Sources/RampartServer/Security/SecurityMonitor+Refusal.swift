// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

extension SecurityMonitor {
    /// `nil` when the login attempt may go on; otherwise the `429` answer (with `Retry-After`),
    /// to be returned without checking the password or code, so throttled attempts are no guesses.
    package func refusal(
        _ attempt: LoginAttempt, knownDevice: Bool, policy: ThrottlePolicy, instance: String, requestID: String
    ) -> Response? {
        let decision = assessLogin(attempt, knownDevice: knownDevice, policy: policy)
        guard let retryAfter = decision.retryAfterSeconds(now: now()) else { return nil }
        let reason: String =
            switch decision {
            case .allow: "none"
            case .delay(_, let reason), .blocked(_, let reason): reason.rawValue
            }
        AuditDetails.event(SecurityEventKind.loginThrottled.rawValue, ["username": attempt.account, "reason": reason])
        return ProblemDetails.tooManyRequests(
            "too many failed sign-in attempts; retry after \(retryAfter) seconds", retryAfter: retryAfter, instance: instance,
            requestID: requestID)
    }
}
