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
/// Decisions read the tenant's published policy set (no database read, no lock held while
/// evaluating); the only database work per request is one query for the users' groups.
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

    static let maximumBatch = 1000

    struct DecisionRequest: Decodable, Sendable {
        var service: String
        var user: String
        var groups: [String]?
        var roles: [String]?
        var resource: [String: String]
        var accessType: String
        var context: [String: String]?
    }

    struct BatchRequest: Decodable, Sendable {
        var requests: [DecisionRequest]
    }

    typealias Decision = AccessDecision

    func register(on api: APIRouter) {
        api.add(.post, "/v1/authorize", .tenant(.decisionsRequest), authorize)
        api.add(.post, "/v1/authorize/batch", .tenant(.decisionsRequest), authorizeBatch)
    }

    @Sendable func authorize(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let buffer = try await JSONBody.body(request, limit: services.maximumBodySize)
        let body = try buffer.withUnsafeReadableBytes(DecisionRequestReader.single) ?? JSONBody.decode(DecisionRequest.self, from: buffer)
        guard let decision = try await decide([body], tenant: principal.tenantID, fieldPrefix: nil).first else {
            throw RampartError(.internalError, "no decision")
        }
        try await services.security.noteDecision(allowed: decision.allowed, user: body.user, tenant: principal.tenantID, audit: context.audit)
        let call = DecisionAudit.Call(audit: context.audit, tenant: principal.tenantID, batchID: nil, now: services.clock.nowMicroseconds())
        try await services.auditWriter.append([Self.auditRecord(body, decision, call)], tenant: principal.tenantID)
        // The decision's record carries the request (actor, address, path, request id): it
        // records the request too, so no second record and commit follow in the middleware.
        context.audit?.markRecorded()
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
        guard (1...Self.maximumBatch).contains(body.requests.count) else {
            throw RampartError.validation("a batch holds 1 to \(Self.maximumBatch) requests", field: "requests")
        }
        let result = try await decide(body.requests, tenant: principal.tenantID, fieldPrefix: "requests")
        var denials: [String: Int] = [:]
        for (item, decision) in zip(body.requests, result) where !decision.allowed { denials[item.user, default: 0] += 1 }
        for (user, count) in denials {
            try await services.security.noteDenials(count, user: user, tenant: principal.tenantID, audit: context.audit)
        }
        // One audit record per decision, sharing a batch id, durable before the answer.
        let call = DecisionAudit.Call(
            audit: context.audit, tenant: principal.tenantID, batchID: UUIDv7.generate(), now: services.clock.nowMicroseconds())
        try await services.auditWriter.append(zip(body.requests, result).map { Self.auditRecord($0, $1, call) }, tenant: principal.tenantID)
        context.audit?.markRecorded()
        batchDecisions.increment(by: Int64(result.count))
        return Self.response(DecisionResponseWriter.batch(result))
    }

    static func response(_ body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
    }

    static func auditRecord(_ body: DecisionRequest, _ decision: Decision, _ call: DecisionAudit.Call) -> AuditRecord {
        DecisionAudit.record(
            call, user: body.user, service: body.service, resource: body.resource, accessType: body.accessType, allowed: decision.allowed,
            policyID: decision.policyId, policyVersion: decision.policyVersion)
    }

    /// Users unknown to the tenant (or disabled) are denied, not errors; groups default to the
    /// stored memberships, read for the whole batch in one query.
    private func decide(_ requests: [DecisionRequest], tenant: TenantID, fieldPrefix: String?) async throws -> [Decision] {
        let set = try await cache.current(tenant)
        var targets: [ServicePolicies] = []
        targets.reserveCapacity(requests.count)
        for (index, body) in requests.enumerated() {
            guard !body.accessType.isEmpty, body.accessType.count <= 128 else {
                throw RampartError.validation(
                    "must be a non-empty access type", field: fieldPrefix.map { "\($0)[\(index)].accessType" } ?? "accessType")
            }
            guard let service = set.services[body.service] else { throw RampartError.notFound("service `\(body.service.prefix(64))`") }
            targets.append(service)
        }
        let usernames = Array(Set(requests.map(\.user)))
        let memberships = try await services.store.read { try await $0.activeUserGroups(usernames: usernames, in: tenant) }
        guard requests.count >= 2 * Self.evaluationSlice else {
            return Self.evaluate(requests[...], targets: targets[...], memberships: memberships)
        }
        return await Self.evaluateInSlices(requests, targets: targets, memberships: memberships)
    }

    /// A large batch is evaluated in slices on all cores: the snapshot is immutable and
    /// evaluation pure, and a batch's answer then waits for its longest slice, not their sum.
    static func evaluateInSlices(
        _ requests: [DecisionRequest], targets: [ServicePolicies], memberships: [String: [String]]
    ) async -> [Decision] {
        await withTaskGroup(of: (Int, [Decision]).self) { group in
            for start in stride(from: 0, to: requests.count, by: evaluationSlice) {
                let range = start..<min(start + evaluationSlice, requests.count)
                group.addTask { (start, evaluate(requests[range], targets: targets[range], memberships: memberships)) }
            }
            var slices: [(Int, [Decision])] = []
            for await slice in group { slices.append(slice) }
            return slices.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Requests per evaluation task of a batch.
    static let evaluationSlice = 250

    static func evaluate(
        _ requests: ArraySlice<DecisionRequest>, targets: ArraySlice<ServicePolicies>, memberships: [String: [String]]
    ) -> [Decision] {
        var decisions: [Decision] = []
        decisions.reserveCapacity(requests.count)
        for (body, target) in zip(requests, targets) {
            guard let stored = memberships[body.user] else {
                decisions.append(Decision(allowed: false, audited: true, policyId: nil, policyVersion: target.version, reason: "unknown user"))
                continue
            }
            decisions.append(evaluate(body, groups: stored, on: target))
        }
        return decisions
    }

    static func evaluate(_ body: DecisionRequest, groups stored: [String], on target: ServicePolicies) -> Decision {
        let request = AccessRequest(
            resource: AccessResource(body.resource), accessType: body.accessType, user: body.user,
            userGroups: Set(body.groups ?? stored), userRoles: body.roles.map(Set.init), context: body.context ?? [:])
        return AccessDecision.evaluate(request, on: target)
    }
}
