// SPDX-License-Identifier: Apache-2.0

/// Discovery: datasources, scan jobs and their per-column results, tagging rules, custom
/// classifiers, and the tags discovery assigned (current and history).
///
/// Every table is keyed by tenant. Datasource passwords are not here: they are tenant secrets
/// (`tenant_secrets`), like SSO client secrets. Masked samples are sealed with the tenant key.
struct M0009Discovery: Migration {
    let id = "0009_discovery"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE discovery_datasources (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                config TEXT NOT NULL,
                has_credentials BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (tenant_id, name)
            )
            """,
            """
            CREATE TABLE discovery_scans (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                datasource_id TEXT NOT NULL,
                status TEXT NOT NULL,
                options TEXT NOT NULL,
                tables_done BIGINT NOT NULL,
                tables_total BIGINT NOT NULL,
                rows_read BIGINT NOT NULL,
                bytes_read BIGINT NOT NULL,
                current_table TEXT,
                error TEXT,
                cancel_requested BIGINT NOT NULL,
                instance TEXT,
                heartbeat_at BIGINT,
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT
            )
            """,
            "CREATE INDEX discovery_scans_status ON discovery_scans (status, created_at)",
            "CREATE INDEX discovery_scans_tenant ON discovery_scans (tenant_id, datasource_id)",
            """
            CREATE TABLE discovery_column_results (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                scan_id TEXT NOT NULL,
                table_name TEXT NOT NULL,
                column_name TEXT NOT NULL,
                classes TEXT NOT NULL,
                confidence TEXT NOT NULL,
                prevalence TEXT NOT NULL,
                rows_scanned BIGINT NOT NULL,
                sealed_samples TEXT,
                PRIMARY KEY (tenant_id, scan_id, table_name, column_name)
            )
            """,
            """
            CREATE TABLE discovery_tagging_rules (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                data_class TEXT NOT NULL,
                min_confidence DOUBLE PRECISION NOT NULL,
                tag TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (tenant_id, data_class, tag)
            )
            """,
            """
            CREATE TABLE discovery_classifiers (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (tenant_id, name)
            )
            """,
            """
            CREATE TABLE discovery_tags (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                datasource_id TEXT NOT NULL,
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                column_name TEXT NOT NULL,
                tag TEXT NOT NULL,
                data_class TEXT NOT NULL,
                confidence DOUBLE PRECISION NOT NULL,
                scan_id TEXT NOT NULL,
                assigned_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, datasource_id, database_name, table_name, column_name, tag)
            )
            """,
            """
            CREATE TABLE discovery_tag_history (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                datasource_id TEXT NOT NULL,
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                column_name TEXT NOT NULL,
                tag TEXT NOT NULL,
                action TEXT NOT NULL,
                scan_id TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX discovery_tag_history_tenant ON discovery_tag_history (tenant_id, id)",
        ]
    }
}
