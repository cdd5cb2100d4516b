// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Audit records of policy decisions: one per decision, grouped by a batch id when they came in
/// one batch call, carrying who asked (the request's actor), for whom (the entity), and what the
/// engine answered.
enum DecisionAudit {
    static func record(
        scope: AuditScope?, tenant: TenantID, user: String, service: String, resource: [String: String], accessType: String,
        allowed: Bool, policyID: Int64?, policyVersion: Int64, batchID: String?, now: Int64
    ) -> AuditRecord {
        let facts = scope?.current
        return AuditRecord(
            seq: 0, time: now, tenantID: tenant.rawValue, actorType: facts?.actorType ?? "anonymous", actorID: facts?.actorID,
            sourceIP: scope?.sourceIP, userAgent: scope?.userAgent, method: scope?.method, path: scope?.path, entityType: "user",
            entityID: String(user.prefix(256)), operation: "decision", outcome: allowed ? AuditOutcome.allowed.rawValue : AuditOutcome.denied.rawValue,
            status: nil, requestID: scope?.requestID, batchID: batchID, service: String(service.prefix(256)),
            resource: resource.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",").prefix(1024).description,
            accessType: String(accessType.prefix(128)), policyID: policyID.map(String.init), policyVersion: policyVersion, details: nil)
    }
}
