// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

extension ProblemDetails {
    /// The `429` (with `Retry-After`) of a sign-in attempt the throttle refused.
    static func loginThrottled(retryAfter: Int, request: Request, context: RampartRequestContext) -> Response {
        tooManyRequests(
            "too many failed sign-in attempts; retry after \(retryAfter) seconds", retryAfter: retryAfter, instance: request.uri.path,
            requestID: context.requestID)
    }
}

extension LoginGate {
    /// The gate of a subject signing in from this request's device and address.
    static func make(
        _ subject: AuthenticatedSubject, request: Request, context: RampartRequestContext, services: RampartServices
    ) async throws
        -> LoginGate
    {
        try await make(subject, deviceFingerprint: LoginDevice(request: request).fingerprint.hex, sourceIP: context.sourceIP, services: services)
    }

    /// The throttle's `429` for this attempt, or `nil` when it may be checked.
    func refusal(_ security: SecurityMonitor, request: Request, context: RampartRequestContext) async throws -> Response? {
        try await retryAfter(security, audit: context.audit).map { ProblemDetails.loginThrottled(retryAfter: $0, request: request, context: context) }
    }
}
