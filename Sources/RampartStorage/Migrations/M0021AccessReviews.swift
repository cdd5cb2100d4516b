// SPDX-License-Identifier: Apache-2.0

/// Access-review campaigns and their grants.
struct M0021AccessReviews: Migration {
    let id = "0021_access_reviews"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE access_reviews (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                service TEXT NOT NULL,
                tag TEXT,
                resource TEXT NOT NULL,
                reviewer_group TEXT NOT NULL,
                on_deadline TEXT NOT NULL,
                deadline_at BIGINT NOT NULL,
                state TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                closed_at BIGINT,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            "CREATE INDEX access_reviews_due ON access_reviews (state, deadline_at)",
            """
            CREATE TABLE access_review_grants (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                review_id TEXT NOT NULL,
                id BIGINT NOT NULL,
                policy_id BIGINT NOT NULL,
                policy_name TEXT NOT NULL,
                service TEXT NOT NULL,
                item_index BIGINT NOT NULL,
                principal_kind TEXT NOT NULL,
                principal TEXT NOT NULL,
                access_types TEXT NOT NULL,
                resource TEXT NOT NULL,
                reviewer_group TEXT NOT NULL,
                state TEXT NOT NULL,
                decided_by TEXT,
                decided_at BIGINT,
                comment TEXT,
                PRIMARY KEY (tenant_id, review_id, id)
            )
            """,
        ]
    }
}
