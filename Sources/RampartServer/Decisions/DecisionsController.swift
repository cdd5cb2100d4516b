// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Prometheus
import RampartApp
import RampartAuditLog
import RampartCore
import RampartPolicy
import RampartStorage

/// The decision API: `/v1/authorize` and `/v1/authorize/batch`.
///
/// Reads the request (a strict fast path, or `Codable` for anything else), asks ``Decisions``
/// and writes the answer.
struct DecisionsController {
    let services: RampartServices
    let cache: PolicySnapshotCache
    /// Decisions answered in batches (`allowed="batch"`), registered with the server's metrics
    /// when the controller is made, so the series exists before the first batch.
    private let batchDecisions: Counter

    init(services: RampartServices, cache: PolicySnapshotCache) {
        self.services = services
        self.cache = cache
        batchDecisions = services.metrics.makeCounter(
            descriptor: .init(metricName: "rampart_decisions", unitName: "total", helpText: "Authorization decisions"),
            labels: [("allowed", "batch")])
    }

    typealias DecisionRequest = DecisionQuestion
    typealias Decision = AccessDecision

    struct BatchRequest: Decodable, Sendable {
        var requests: [DecisionRequest]
    }

    private var decisions: Decisions { Decisions(services: services, cache: cache) }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/authorize", .tenant(.decisionsRequest), authorize)
        api.add(.post, "/v1/authorize/batch", .tenant(.decisionsRequest), authorizeBatch)
    }

    @Sendable func authorize(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let buffer = try await JSONBody.body(request, limit: services.maximumBodySize)
        let body = try buffer.withUnsafeReadableBytes(DecisionRequestReader.single) ?? JSONBody.decode(DecisionRequest.self, from: buffer)
        let decision = try await decisions.authorize(body, tenant: principal.tenantID, audit: context.audit)
        services.metrics.makeCounter(
            descriptor: .init(metricName: "rampart_decisions", unitName: "total", helpText: "Authorization decisions"),
            labels: [("allowed", String(decision.allowed))]
        ).increment()
        return Self.response(DecisionResponseWriter.single(decision))
    }

    @Sendable func authorizeBatch(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let buffer = try await JSONBody.body(request, limit: max(services.maximumBodySize, 8 << 20))
        let body =
            try buffer.withUnsafeReadableBytes(DecisionRequestReader.batch).map(BatchRequest.init(requests:))
            ?? JSONBody.decode(BatchRequest.self, from: buffer)
        let result = try await decisions.authorize(batch: body.requests, tenant: principal.tenantID, audit: context.audit)
        batchDecisions.increment(by: Int64(result.count))
        return Self.response(DecisionResponseWriter.batch(result))
    }

    static func response(_ body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
    }
}
