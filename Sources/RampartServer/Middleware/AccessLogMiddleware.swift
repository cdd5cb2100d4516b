// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Logging
import RampartApp
import RampartCore

/// One log line per request: method, path (never the query string, which may carry tokens),
/// status, duration, actor and request id.
package struct AccessLogMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext

    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code),
                "duration_us": .stringConvertible(microseconds),
                "source_ip": .string(context.sourceIP ?? "-"),
            ])
        return response
    }
}
