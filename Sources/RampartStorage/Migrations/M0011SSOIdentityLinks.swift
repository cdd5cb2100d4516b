// SPDX-License-Identifier: Apache-2.0

/// Which identity at which issuer is which Rampart user, and the provider settings that decide
/// how a link may first be made.
///
/// A sign-in used to find its user by the username claim alone, which an identity provider lets
/// its users (or its administrators) change: a provider account named like a local
/// tenant-admin signed in as that admin. A link ties the provider's immutable (`iss`, `sub`) to
/// one user instead. It is unique per tenant for an identity (one identity is one user, whichever
/// provider of that issuer it came through) and per provider for a user. Rows are deleted
/// explicitly with the user or the provider (the store does it in the same transaction); the
/// foreign keys keep a backup's tables in an order a restore can insert them in.
///
/// `link_existing_users` is the administrator's opt-in to link an existing, unlinked user by
/// username on a first sign-in (only a user without a password or admin role);
/// `allowed_tenant_ids` is the comma-separated list of Entra tenant ids a `{tenantid}` issuer
/// accepts (empty: none).
struct M0011SSOIdentityLinks: Migration {
    let id = "0011_sso_identity_links"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE sso_identity_links (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                provider_id TEXT NOT NULL REFERENCES sso_providers(id),
                issuer TEXT NOT NULL,
                subject TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                last_login_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, issuer, subject),
                UNIQUE (tenant_id, provider_id, user_id)
            )
            """,
            "CREATE INDEX sso_identity_links_user ON sso_identity_links (tenant_id, user_id)",
            "ALTER TABLE sso_providers ADD COLUMN link_existing_users BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE sso_providers ADD COLUMN allowed_tenant_ids TEXT NOT NULL DEFAULT ''",
        ]
    }
}
