// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartAuditLog
import RampartCore
import Prometheus
import RampartPolicy
import RampartStorage

/// Ranger policy import/export and the decision API.
struct PoliciesController {
    let services: RampartServices
    let cache: PolicySnapshotCache

    static let maximumBatch = 1000

    struct ImportResponse: Encodable {
        var service: String
        var version: Int64
        var policies: Int
    }

    struct DecisionRequest: Decodable {
        var service: String
        var user: String
        var groups: [String]?
        var roles: [String]?
        var resource: [String: String]
        var accessType: String
        var context: [String: String]?
    }

    struct BatchRequest: Decodable {
        var requests: [DecisionRequest]
    }

    struct Mask: Encodable {
        var type: String
        var value: String?
        var condition: String?
        var policyId: Int64
    }

    struct RowFilter: Encodable {
        var expression: String
        var policyId: Int64
    }

    struct Decision: Encodable {
        var allowed: Bool
        var audited: Bool
        var policyId: Int64?
        var policyVersion: Int64
        var reason: String?
        var mask: Mask?
        var rowFilter: RowFilter?
    }

    struct BatchResponse: Encodable {
        var decisions: [Decision]
    }

    func register(on api: APIRouter) {
        let store = services.store
        let limit = services.maximumBodySize
        let cache = self.cache

        api.add(.post, "/v1/policies/import", .tenant(.policiesWrite)) { request, context in
            let principal = try context.require(.policiesWrite)
            let data = try await JSONBody.collect(request, limit: max(limit, 16 << 20))
            let imported = try await PolicyImport.run(data, tenant: principal.tenantID, services: services)
            return try JSONBody.response(ImportResponse(service: imported.service, version: imported.version, policies: imported.policies))
        }

        api.add(.get, "/v1/policies/export", .tenant(.policiesRead)) { request, context in
            let principal = try context.require(.policiesRead)
            guard let name = request.uri.queryParameters["service"].map(String.init), !name.isEmpty else {
                throw RampartError(.badRequest, "`service` query parameter is required", field: "service")
            }
            guard let stored = try await store.read({ try await $0.policyService(name, in: principal.tenantID) }) else {
                throw RampartError.notFound("service `\(name.prefix(64))`")
            }
            let object: [String: Any] = [
                "metaDataInfo": ["Exported by": "rampart", "serviceVersion": String(stored.version)],
                "serviceDef": try JSONSerialization.jsonObject(with: Data(stored.serviceDefJSON.utf8)),
                "service": try JSONSerialization.jsonObject(with: Data(stored.serviceJSON.utf8)),
                "policies": try JSONSerialization.jsonObject(with: Data(stored.policiesJSON.utf8)),
            ]
            let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: body)))
        }

        api.add(.post, "/v1/authorize", .tenant(.decisionsRequest)) { request, context in
            let principal = try context.require(.decisionsRequest)
            let body = try await JSONBody.decode(DecisionRequest.self, from: request, limit: limit)
            let decision = try await decide(body, tenant: principal.tenantID, cache: cache)
            try await services.security.noteDecision(allowed: decision.allowed, user: body.user, tenant: principal.tenantID)
            try await services.auditWriter.append(
                [Self.auditRecord(body, decision, tenant: principal.tenantID, batchID: nil, now: services.clock.nowMicroseconds())],
                tenant: principal.tenantID)
            services.metrics.makeCounter(
                descriptor: .init(metricName: "rampart_decisions", unitName: "total", helpText: "Authorization decisions"),
                labels: [("allowed", String(decision.allowed))]
            ).increment()
            return try JSONBody.response(decision)
        }

        api.add(.post, "/v1/authorize/batch", .tenant(.decisionsRequest)) { request, context in
            let principal = try context.require(.decisionsRequest)
            let body = try await JSONBody.decode(BatchRequest.self, from: request, limit: max(limit, 8 << 20))
            guard (1...Self.maximumBatch).contains(body.requests.count) else {
                throw RampartError.validation("a batch holds 1 to \(Self.maximumBatch) requests", field: "requests")
            }
            var decisions: [Decision] = []
            decisions.reserveCapacity(body.requests.count)
            var memo = DecisionMemo()
            for item in body.requests { decisions.append(try await decide(item, tenant: principal.tenantID, cache: cache, memo: &memo)) }
            for (item, decision) in zip(body.requests, decisions) {
                try await services.security.noteDecision(allowed: decision.allowed, user: item.user, tenant: principal.tenantID)
            }
            let batchID = UUIDv7.generate()
            let now = services.clock.nowMicroseconds()
            try await services.auditWriter.append(
                zip(body.requests, decisions).map { Self.auditRecord($0, $1, tenant: principal.tenantID, batchID: batchID, now: now) },
                tenant: principal.tenantID)
            services.metrics.makeCounter(
                descriptor: .init(metricName: "rampart_decisions", unitName: "total", helpText: "Authorization decisions"),
                labels: [("allowed", "batch")]
            ).increment(by: Int64(decisions.count))
            return try JSONBody.response(BatchResponse(decisions: decisions))
        }
    }

    /// Users unknown to the tenant are denied, not errors; groups default to stored memberships.
    static func auditRecord(_ body: DecisionRequest, _ decision: Decision, tenant: TenantID, batchID: String?, now: Int64) -> AuditRecord {
        DecisionAudit.record(
            scope: AuditScope.current, tenant: tenant, user: body.user, service: body.service, resource: body.resource,
            accessType: body.accessType, allowed: decision.allowed, policyID: decision.policyId, policyVersion: decision.policyVersion,
            batchID: batchID, now: now)
    }

    /// What one batch has looked up already: each service's snapshot and each user's groups are
    /// read once per batch (not once per decision), and every decision of a batch sees the same
    /// policy version.
    struct DecisionMemo {
        var snapshots: [String: (PolicySnapshot, Int64)?] = [:]
        var users: [String: (User, [Group])?] = [:]
    }

    private func decide(_ body: DecisionRequest, tenant: TenantID, cache: PolicySnapshotCache) async throws -> Decision {
        var memo = DecisionMemo()
        return try await decide(body, tenant: tenant, cache: cache, memo: &memo)
    }

    private func decide(_ body: DecisionRequest, tenant: TenantID, cache: PolicySnapshotCache, memo: inout DecisionMemo) async throws -> Decision {
        guard !body.accessType.isEmpty, body.accessType.count <= 128 else {
            throw RampartError.validation("must be a non-empty access type", field: "accessType")
        }
        let resolved: (PolicySnapshot, Int64)?
        if let known = memo.snapshots[body.service] {
            resolved = known
        } else {
            resolved = try await cache.snapshot(tenant: tenant, service: body.service, store: services.store)
            memo.snapshots[body.service] = resolved
        }
        guard let (snapshot, version) = resolved else {
            throw RampartError.notFound("service `\(body.service.prefix(64))`")
        }
        let stored: (User, [Group])?
        if let known = memo.users[body.user] {
            stored = known
        } else {
            stored = try await services.store.read { tx in
                guard let user = try await tx.user(username: body.user, in: tenant), user.status == .active else { return nil }
                return (user, try await tx.groups(of: user.id, in: tenant))
            }
            memo.users[body.user] = stored
        }
        guard let (_, memberships) = stored else {
            return Decision(allowed: false, audited: true, policyId: nil, policyVersion: version, reason: "unknown user")
        }
        let request = AccessRequest(
            resource: AccessResource(body.resource), accessType: body.accessType, user: body.user,
            userGroups: Set(body.groups ?? memberships.map(\.name)), userRoles: body.roles.map(Set.init),
            context: body.context ?? [:])
        let result = snapshot.evaluate(request)
        var decision = Decision(
            allowed: result.isAllowed, audited: result.isAudited, policyId: result.policyId >= 0 ? result.policyId : nil,
            policyVersion: version, reason: result.reason)
        if result.isAllowed {
            let mask = snapshot.evaluateDataMask(request)
            if let type = mask.maskType, type != "MASK_NONE" {
                decision.mask = Mask(type: type, value: mask.maskedValue, condition: mask.maskCondition, policyId: mask.policyId)
            }
            let filter = snapshot.evaluateRowFilter(request)
            if let expression = filter.filterExpr, !expression.isEmpty {
                decision.rowFilter = RowFilter(expression: expression, policyId: filter.policyId)
            }
        }
        return decision
    }

}

/// Importing a Ranger export into a tenant: shared by the API and `rampart policy import`.
package enum PolicyImport {
    /// Parses, validates with the engine, and stores; returns the service name, its new version
    /// and the number of policies.
    package static func run(_ data: Data, tenant: TenantID, services: RampartServices) async throws
        -> (service: String, version: Int64, policies: Int)
    {
        let stored = try parse(data, at: services.clock.now())
        _ = try PolicySnapshotCache.build(stored)  // refuse what the engine cannot load
        let version = try await services.store.write { tx in
            guard try await tx.tenant(id: tenant) != nil else { throw RampartError.notFound("tenant") }
            return try await tx.putPolicyService(stored, in: tenant)
        }
        let count = (try? PolicyLoader.policies(from: Data(stored.policiesJSON.utf8)).count) ?? 0
        return (stored.name, version, count)
    }

    /// Accepts a Ranger export (`{"policies": [...]}`) plus `serviceDef` (or `serviceDefs`) and an
    /// optional `service` (object or name).
    static func parse(_ data: Data, at now: Int64) throws -> StoredPolicyService {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RampartError(.malformedJSON, "request body must be a JSON object")
        }
        guard let serviceDef = (object["serviceDef"] as? [String: Any]) ?? (object["serviceDefs"] as? [[String: Any]])?.first else {
            throw RampartError(.malformedJSON, "missing field `serviceDef`", field: "serviceDef")
        }
        guard let policies = object["policies"] as? [[String: Any]] else {
            throw RampartError(.malformedJSON, "missing field `policies` (an array)", field: "policies")
        }
        var service: [String: Any]
        switch object["service"] {
        case let given as [String: Any]: service = given
        case let name as String: service = ["name": name]
        default:
            let name = (policies.first?["service"] as? String) ?? (serviceDef["name"] as? String) ?? ""
            service = ["name": name]
        }
        guard let name = service["name"] as? String, !name.isEmpty, name.count <= 255 else {
            throw RampartError.validation("the service needs a name (give `service` or name it in the policies)", field: "service")
        }
        if service["type"] == nil, let type = serviceDef["name"] { service["type"] = type }
        func text(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        }
        return StoredPolicyService(
            name: name, serviceDefJSON: try text(serviceDef), serviceJSON: try text(service), policiesJSON: try text(policies),
            version: 0, updatedAt: now)
    }
}
