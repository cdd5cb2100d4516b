// SPDX-License-Identifier: Apache-2.0

/// Access requests: escalation after a timeout, and the tenant's cap on requested durations.
struct M0022AccessRequestEscalation: Migration {
    let id = "0022_access_request_escalation"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE approval_rules ADD COLUMN escalation_group TEXT",
            "ALTER TABLE access_requests ADD COLUMN escalated BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE tenant_security_settings ADD COLUMN access_request_maximum_seconds BIGINT",
        ]
    }
}
