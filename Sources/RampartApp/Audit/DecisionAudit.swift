// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Audit records of policy decisions: one per decision, grouped by a batch id when they came in
/// one batch call, carrying who asked (the request's actor), for whom (the entity), and what the
/// engine answered.
package enum DecisionAudit {
    /// What every record of one call shares: read once per call, not once per decision.
    package struct Call {
        package let tenant: TenantID
        package let actorType: String
        package let actorID: String?
        package let sourceIP: String?
        package let userAgent: String?
        package let method: String?
        package let path: String?
        package let requestID: String?
        package let batchID: String?
        package let now: Int64

        /// - Parameter audit: the request that asked, whose actor and origin every record carries.
        package init(audit: AuditContext?, tenant: TenantID, batchID: String?, now: Int64) {
            let facts = audit?.current
            self.tenant = tenant
            actorType = facts?.actorType ?? "anonymous"
            actorID = facts?.actorID
            sourceIP = audit?.sourceIP
            userAgent = audit?.userAgent
            method = audit?.method
            path = audit?.path
            requestID = audit?.requestID
            self.batchID = batchID
            self.now = now
        }
    }

    package static func record(
        _ call: Call, user: String, service: String, resource: [String: String], accessType: String, allowed: Bool, policyID: Int64?,
        policyVersion: Int64
    ) -> AuditRecord {
        AuditRecord(
            seq: 0, time: call.now, tenantID: call.tenant.rawValue, actorType: call.actorType, actorID: call.actorID,
            sourceIP: call.sourceIP, userAgent: call.userAgent, method: call.method, path: call.path, entityType: "user",
            entityID: truncated(user, to: 256), operation: "decision",
            outcome: allowed ? AuditOutcome.allowed.rawValue : AuditOutcome.denied.rawValue, status: nil, requestID: call.requestID,
            batchID: call.batchID, service: truncated(service, to: 256), resource: truncated(text(resource), to: 1024),
            accessType: truncated(accessType, to: 128), policyID: policyID.map(String.init), policyVersion: policyVersion, details: nil)
    }

    /// `key=value` pairs sorted by key, comma-separated.
    package static func text(_ resource: [String: String]) -> String {
        var out = ""
        for (index, key) in resource.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            out += key
            out += "="
            out += resource[key] ?? ""
        }
        return out
    }

    /// The first `limit` characters; a string of at most `limit` UTF-8 bytes has no more
    /// characters than that, so the common case skips counting them.
    package static func truncated(_ value: String, to limit: Int) -> String {
        value.utf8.count <= limit ? value : String(value.prefix(limit))
    }
}
