// SPDX-License-Identifier: Apache-2.0

/// The tamper-evident audit log: records (the Merkle tree's leaves), each tenant's tree head
/// (size and compact frontier, so an append never reads old leaves), signed checkpoints, the public
/// halves of the checkpoint signing keys, and the export cursors of the syslog forwarder.
///
/// There is no foreign key to `tenants`: the platform's own log is kept under the platform tenant
/// id, which has no row there, and records must outlive the rows they describe.
struct M0004Audit: Migration {
    let id = "0004_audit"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE audit_records (
                tenant_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                time_us BIGINT NOT NULL,
                actor_type TEXT NOT NULL,
                actor_id TEXT,
                source_ip TEXT,
                user_agent TEXT,
                method TEXT,
                path TEXT,
                entity_type TEXT,
                entity_id TEXT,
                operation TEXT NOT NULL,
                outcome TEXT NOT NULL,
                status INTEGER,
                request_id TEXT,
                batch_id TEXT,
                service TEXT,
                resource TEXT,
                access_type TEXT,
                policy_id TEXT,
                policy_version BIGINT,
                details TEXT,
                leaf_hash TEXT NOT NULL,
                PRIMARY KEY (tenant_id, seq)
            )
            """,
            "CREATE INDEX audit_records_time ON audit_records (tenant_id, time_us)",
            """
            CREATE TABLE audit_heads (
                tenant_id TEXT PRIMARY KEY,
                size BIGINT NOT NULL,
                frontier TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE audit_checkpoints (
                tenant_id TEXT NOT NULL,
                tree_size BIGINT NOT NULL,
                root_hash TEXT NOT NULL,
                time_us BIGINT NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL,
                PRIMARY KEY (tenant_id, tree_size)
            )
            """,
            """
            CREATE TABLE audit_signing_keys (
                tenant_id TEXT NOT NULL,
                key_id TEXT NOT NULL,
                public_key TEXT NOT NULL,
                wrapped_private_key TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, key_id)
            )
            """,
            """
            CREATE TABLE audit_export_cursors (
                sink TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (sink, tenant_id)
            )
            """,
        ]
    }
}
