// SPDX-License-Identifier: Apache-2.0

/// Encryption schemes (their keys are tenant secrets) and the token vault of reversible token
/// schemes.
struct M0018EncryptionSchemes: Migration {
    let id = "0018_encryption_schemes"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE encryption_schemes (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                definition TEXT NOT NULL,
                description TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, id),
                UNIQUE (tenant_id, name)
            )
            """,
            """
            CREATE TABLE token_vault (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                scheme_id TEXT NOT NULL,
                token TEXT NOT NULL,
                ciphertext TEXT NOT NULL,
                key_version BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, scheme_id, token)
            )
            """,
            "CREATE INDEX token_vault_key_version ON token_vault (tenant_id, key_version)",
        ]
    }
}
