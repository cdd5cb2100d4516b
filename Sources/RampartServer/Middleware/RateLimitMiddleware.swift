// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// The whole-API rate limit: every authenticated request takes a token from its API key's bucket
/// (if it came with a key) and from its tenant's. Over the limit the answer is `429` with
/// `Retry-After`, before any handler runs. Decision requests have buckets of their own
/// (``SecurityMonitor/RequestClass``).
///
/// It sits after authentication because the buckets are per credential; anonymous requests
/// (login, health) are left to the login throttle.
package struct RateLimitMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext
    let monitor: SecurityMonitor

    package init(monitor: SecurityMonitor) { self.monitor = monitor }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let principal = context.principal else { return try await next(request, context) }
        var apiKey: String?
        if case .apiKey(let keyID, _) = principal.kind { apiKey = keyID }
        let requestClass: SecurityMonitor.RequestClass = Self.isDecision(request.uri.path) ? .decisions : .api
        if case .limited(let retryAfter) = try await monitor.admit(
            apiKey: apiKey, tenant: principal.tenantID, requestClass: requestClass, keyLimit: principal.decisionRateLimit, audit: context.audit)
        {
            return ProblemDetails.tooManyRequests(
                "rate limit exceeded; retry after \(retryAfter) seconds", retryAfter: retryAfter, instance: request.uri.path,
                requestID: context.requestID)
        }
        return try await next(request, context)
    }

    /// `/v1/authorize` and `/v1/authorize/batch`.
    static func isDecision(_ path: String) -> Bool {
        path == "/v1/authorize" || path == "/v1/authorize/batch"
    }
}
