// SPDX-License-Identifier: Apache-2.0

/// The last enforcement run of each PostgreSQL datasource (the datasource's `sync` settings live
/// in its `config`).
struct M0014DatasourceSync: Migration {
    let id = "0014_datasource_sync"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE datasource_sync_state (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                datasource_id TEXT NOT NULL,
                policy_version BIGINT,
                inputs TEXT,
                last_run_at BIGINT NOT NULL,
                outcome TEXT NOT NULL,
                statements BIGINT NOT NULL,
                findings BIGINT NOT NULL,
                drift BIGINT NOT NULL,
                error TEXT,
                PRIMARY KEY (tenant_id, datasource_id)
            )
            """
        ]
    }
}
