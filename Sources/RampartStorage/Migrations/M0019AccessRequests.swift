// SPDX-License-Identifier: Apache-2.0

/// Access requests: the approval rules, the requests and the approvers' votes (one per approver
/// and request, by the primary key).
struct M0019AccessRequests: Migration {
    let id = "0019_access_requests"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE approval_rules (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL,
                service TEXT NOT NULL,
                resource TEXT NOT NULL,
                approver_group TEXT NOT NULL,
                required_approvals BIGINT NOT NULL,
                denial_threshold BIGINT NOT NULL,
                maximum_duration_seconds BIGINT NOT NULL,
                timeout_seconds BIGINT NOT NULL,
                justification_pattern TEXT,
                break_glass_maximum_seconds BIGINT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            """
            CREATE TABLE access_requests (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL,
                requester TEXT NOT NULL,
                service TEXT NOT NULL,
                resource TEXT NOT NULL,
                access_types TEXT NOT NULL,
                unmask BIGINT NOT NULL,
                break_glass BIGINT NOT NULL,
                reviewed_by TEXT,
                reviewed_at BIGINT,
                review_overdue_raised BIGINT NOT NULL,
                duration_seconds BIGINT NOT NULL,
                justification TEXT NOT NULL,
                state TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                required_approvals BIGINT NOT NULL,
                denial_threshold BIGINT NOT NULL,
                approvals BIGINT NOT NULL,
                denials BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                times_out_at BIGINT NOT NULL,
                decided_at BIGINT,
                starts_at BIGINT,
                expires_at BIGINT,
                policy_id BIGINT,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            "CREATE INDEX access_requests_due ON access_requests (state, expires_at)",
            """
            CREATE TABLE access_request_votes (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                request_id TEXT NOT NULL,
                approver TEXT NOT NULL,
                approve BIGINT NOT NULL,
                comment TEXT,
                at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, request_id, approver)
            )
            """,
        ]
    }
}
