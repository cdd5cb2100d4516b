// SPDX-License-Identifier: Apache-2.0

/// SCIM 2.0 provisioning: each tenant's SCIM bearer tokens (hashed), and the SCIM attribute
/// document of every user and group the identity provider wrote, with its version.
///
/// `scim_resources` has no foreign key to `users` or `user_groups`: deleting a user through
/// `/v1` deletes its document in the same transaction (see `deleteUser`), and a foreign key would
/// only turn a missed path into a failed delete.
struct M0007SCIM: Migration {
    let id = "0007_scim"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE scim_tokens (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created_by TEXT,
                created_at BIGINT NOT NULL,
                last_used_at BIGINT,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX scim_tokens_tenant ON scim_tokens (tenant_id, id)",
            """
            CREATE TABLE scim_resources (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                resource_type TEXT NOT NULL,
                resource_id TEXT NOT NULL,
                external_id TEXT,
                attributes TEXT NOT NULL,
                version BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, resource_type, resource_id)
            )
            """,
            "CREATE INDEX scim_resources_external ON scim_resources (tenant_id, resource_type, external_id)",
        ]
    }
}
