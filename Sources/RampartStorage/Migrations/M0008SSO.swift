// SPDX-License-Identifier: Apache-2.0

/// OpenID Connect single sign-on: each tenant's identity providers, the sign-ins in progress
/// (single-use state, PKCE verifier and nonce), and the tenant's SSO-only switch.
///
/// Client secrets are not here: they are tenant secrets (`tenant_secrets`), encrypted with the
/// tenant's data key. Booleans are `BIGINT` 0/1, read the same way on both engines.
struct M0008SSO: Migration {
    let id = "0008_sso"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE sso_providers (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                display_name TEXT,
                issuer TEXT NOT NULL,
                client_id TEXT NOT NULL,
                has_client_secret BIGINT NOT NULL,
                scopes TEXT NOT NULL,
                username_claim TEXT NOT NULL,
                email_claim TEXT NOT NULL,
                groups_claim TEXT NOT NULL,
                allowed_domains TEXT NOT NULL,
                jit_provisioning BIGINT NOT NULL,
                group_mapping TEXT NOT NULL,
                enabled BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (tenant_id, name)
            )
            """,
            """
            CREATE TABLE sso_login_states (
                state_hash TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                provider_id TEXT NOT NULL,
                nonce TEXT NOT NULL,
                code_verifier TEXT NOT NULL,
                redirect_uri TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX sso_login_states_expiry ON sso_login_states (expires_at)",
            """
            CREATE TABLE sso_settings (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
                sso_only BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
        ]
    }
}
