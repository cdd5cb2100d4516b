// SPDX-License-Identifier: Apache-2.0

/// Tenants, operators, users, groups, API keys, sessions and the keyring.
///
/// Every tenant-owned table leads with `tenant_id` and is indexed by it, because every query the
/// store makes is scoped by tenant.
struct M0001Foundation: Migration {
    let id = "0001_foundation"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE operators (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                username TEXT NOT NULL,
                display_name TEXT,
                email TEXT,
                roles TEXT NOT NULL,
                status TEXT NOT NULL,
                password_hash TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (tenant_id, username)
            )
            """,
            """
            CREATE TABLE user_groups (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                description TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (tenant_id, name)
            )
            """,
            """
            CREATE TABLE group_members (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                group_id TEXT NOT NULL REFERENCES user_groups(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                added_at BIGINT NOT NULL,
                PRIMARY KEY (group_id, user_id)
            )
            """,
            "CREATE INDEX group_members_user ON group_members (tenant_id, user_id)",
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                owner_id TEXT NOT NULL REFERENCES users(id),
                name TEXT NOT NULL,
                roles TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT,
                last_used_at BIGINT,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX api_keys_tenant ON api_keys (tenant_id, id)",
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                tenant_id TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                idle_expires_at BIGINT NOT NULL,
                absolute_expires_at BIGINT NOT NULL,
                source_ip TEXT,
                user_agent TEXT
            )
            """,
            "CREATE INDEX sessions_subject ON sessions (tenant_id, subject_id)",
            """
            CREATE TABLE tenant_keys (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                version BIGINT NOT NULL,
                wrapped_key TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, version)
            )
            """,
            """
            CREATE TABLE tenant_secrets (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                ciphertext TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, name)
            )
            """,
            """
            CREATE TABLE server_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """,
        ]
    }
}
