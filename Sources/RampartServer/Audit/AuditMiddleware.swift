// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Logging
import RampartApp
import RampartAuditLog
import RampartCore

/// Records every API request in the audit log of the tenant it acted in.
///
/// It creates the request's ``AuditContext`` and passes it on in the request context
/// (`context.audit`), for the route to arm and the handler to hand to the use cases it calls. If no
/// state change recorded the request in its own transaction, the record is appended here once the
/// response is known, and the response is only sent after the record is durable. When the log
/// cannot be written the request fails with 503: an unrecorded request is worse than a refused
/// one. Probes (`/healthz`, `/readyz`, `/metrics`) get no context and are not recorded; they carry
/// no identity and would drown the log.
package struct AuditMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext
    let writer: AuditWriter
    let clock: any RampartClock

    static let unaudited: Set<String> = ["/healthz", "/readyz", "/metrics"]

    package init(writer: AuditWriter, clock: any RampartClock) {
        self.writer = writer
        self.clock = clock
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.unaudited.contains(path) { return try await next(request, context) }
        let audit = AuditContext(
            requestID: context.requestID, method: request.method.rawValue,
            path: AuditPath.redacted(path: String(path.prefix(2048)), query: request.uri.query.map { String($0.prefix(2048)) }),
            sourceIP: context.sourceIP, userAgent: request.boundedUserAgent, clock: clock)
        var context = context
        context.audit = audit
        let response = try await next(request, context)
        if !audit.current.recorded {
            let status = Int(response.status.code)
            let record = audit.record(outcome: AuditOutcome(status: status), status: status)
            do {
                try await writer.append([record], tenant: TenantID(rawValue: record.tenantID))
            } catch {
                return ProblemDetails(
                    RampartError(.unavailable, "the audit log could not be written; retry later"), instance: path,
                    requestId: context.requestID
                ).response()
            }
        }
        return response
    }
}
