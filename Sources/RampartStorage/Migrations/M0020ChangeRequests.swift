// SPDX-License-Identifier: Apache-2.0

/// Four-eyes policy changes: the tenant setting that turns them on and the change requests.
struct M0020ChangeRequests: Migration {
    let id = "0020_change_requests"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE tenant_security_settings ADD COLUMN change_approval BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE change_requests (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL,
                author TEXT NOT NULL,
                subject TEXT NOT NULL,
                operation TEXT NOT NULL,
                object_id TEXT,
                base_version BIGINT,
                before_document TEXT,
                after_document TEXT,
                comment TEXT,
                state TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                decided_by TEXT,
                decided_at BIGINT,
                decision_comment TEXT,
                emergency BIGINT NOT NULL,
                reviewed_by TEXT,
                reviewed_at BIGINT,
                review_overdue_raised BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            "CREATE INDEX change_requests_unreviewed ON change_requests (emergency, reviewed_at)",
        ]
    }
}
