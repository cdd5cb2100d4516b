// SPDX-License-Identifier: Apache-2.0

/// People's verdicts on discovery's tags (``TagReview``): one per tag on a column, and who gave
/// each in the tag history (append-only, where a later verdict cannot overwrite it).
struct M0027TagReviews: Migration {
    let id = "0027_tag_reviews"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE discovery_tag_reviews (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                datasource_id TEXT NOT NULL,
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                column_name TEXT NOT NULL,
                tag TEXT NOT NULL,
                verdict TEXT NOT NULL,
                reviewer_id TEXT NOT NULL,
                reviewed_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, datasource_id, database_name, table_name, column_name, tag)
            )
            """,
            "ALTER TABLE discovery_tag_history ADD COLUMN actor TEXT",
        ]
    }
}
