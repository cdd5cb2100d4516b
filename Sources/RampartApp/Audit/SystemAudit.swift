// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Audit records of what the server does by itself, with no request to carry them: a sweep
/// expiring access, a deadline revoking grants. The actor is `system`.
package enum SystemAudit {
    package static func record(
        tenant: TenantID, entityType: String, entityID: String, operation: String, service: String? = nil, policyID: String? = nil,
        details: [String: String], at microseconds: Int64
    ) -> AuditRecord {
        AuditRecord(
            seq: 0, time: microseconds, tenantID: tenant.rawValue, actorType: "system", entityType: entityType, entityID: entityID,
            operation: operation, outcome: AuditOutcome.allowed.rawValue, service: service, policyID: policyID, details: AuditDetails.json(details))
    }
}
