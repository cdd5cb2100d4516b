// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Prometheus
import RampartApp

/// Counts requests and records their latency by route pattern (not raw path, which would make one
/// time series per id) and status.
package struct MetricsMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext
    let registry: PrometheusCollectorRegistry

    package init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))]
        registry.makeCounter(
            descriptor: .init(metricName: "rampart_http_requests", unitName: "total", helpText: "HTTP requests served"),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(metricName: "rampart_http_request_duration", unitName: "seconds", helpText: "HTTP request latency"),
            labels: [("method", request.method.rawValue), ("route", route)],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)]
        ).record(ContinuousClock.now - start)
        return response
    }
}
