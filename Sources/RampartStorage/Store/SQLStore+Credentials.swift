// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: API keys

    func insertApiKey(_ key: ApiKey) async throws {
        try await sql.raw(ApiKeysTable.insert(key)).run()
    }

    func apiKeyForAuthentication(id: String) async throws -> ApiKey? {
        try await sql.raw("SELECT * FROM api_keys WHERE id = \(bind: id)").first().map(ApiKeysTable.decode)
    }

    func apiKey(id: String, in tenant: TenantID) async throws -> ApiKey? {
        try await sql.raw(
            "SELECT * FROM api_keys WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().map(ApiKeysTable.decode)
    }

    func apiKeys(in tenant: TenantID, owner: UserID?, page: PageRequest) async throws -> Page<ApiKey> {
        let rows: [any SQLRow]
        if let owner {
            rows = try await sql.raw(
                """
                SELECT * FROM api_keys WHERE tenant_id = \(bind: tenant.rawValue) AND owner_id = \(bind: owner.rawValue)
                    AND id > \(bind: page.after ?? "") ORDER BY id LIMIT \(bind: page.limit + 1)
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                SELECT * FROM api_keys WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
                ORDER BY id LIMIT \(bind: page.limit + 1)
                """
            ).all()
        }
        return try paged(rows, page: page, id: \.id, decode: ApiKeysTable.decode)
    }

    func revokeApiKey(id: String, in tenant: TenantID, at: Int64) async throws -> Bool {
        !(try await sql.raw(
            """
            UPDATE api_keys SET revoked_at = \(bind: at)
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """
        ).all()).isEmpty
    }

    func touchApiKey(id: String, in tenant: TenantID, at: Int64) async throws {
        try await sql.raw(
            "UPDATE api_keys SET last_used_at = \(bind: at) WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).run()
    }

    // MARK: Sessions

    func insertSession(_ session: Session) async throws {
        try await sql.raw(SessionsTable.insert(session)).run()
    }

    func sessionForAuthentication(tokenHash: String) async throws -> Session? {
        try await sql.raw("SELECT * FROM sessions WHERE token_hash = \(bind: tokenHash)").first().map(SessionsTable.decode)
    }

    func touchSession(_ id: SessionID, in tenant: TenantID, lastSeenAt: Int64, idleExpiresAt: Int64) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET last_seen_at = \(bind: lastSeenAt), idle_expires_at = \(bind: idleExpiresAt)
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue)
            """
        ).run()
    }

    func deleteSession(_ id: SessionID, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            "DELETE FROM sessions WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue) RETURNING id"
        ).all()).isEmpty
    }

    func deleteSessions(subjectID: String, in tenant: TenantID) async throws -> Int {
        try await sql.raw(
            "DELETE FROM sessions WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID) RETURNING id"
        ).all().count
    }

    func deleteExpiredSessions(now: Int64) async throws -> Int {
        try await sql.raw(
            "DELETE FROM sessions WHERE idle_expires_at <= \(bind: now) OR absolute_expires_at <= \(bind: now) RETURNING id"
        ).all().count
    }

    // MARK: Keyring

    func wrappedTenantKeys(_ tenant: TenantID) async throws -> [(version: Int, wrapped: String)] {
        try await sql.raw(
            "SELECT version, wrapped_key FROM tenant_keys WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY version"
        ).all().map { row in
            (Int(try row.decode(column: "version", as: Int64.self)), try row.decode(column: "wrapped_key", as: String.self))
        }
    }

    func allWrappedTenantKeys() async throws -> [(tenant: TenantID, version: Int, wrapped: String)] {
        try await sql.raw("SELECT tenant_id, version, wrapped_key FROM tenant_keys ORDER BY tenant_id, version").all().map { row in
            (
                TenantID(try row.decode(column: "tenant_id", as: String.self)),
                Int(try row.decode(column: "version", as: Int64.self)),
                try row.decode(column: "wrapped_key", as: String.self)
            )
        }
    }

    func insertWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String, at: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO tenant_keys (tenant_id, version, wrapped_key, created_at)
            VALUES (\(bind: tenant.rawValue), \(bind: Int64(version)), \(bind: wrapped), \(bind: at))
            """
        ).run()
    }

    func replaceWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String) async throws {
        try await sql.raw(
            """
            UPDATE tenant_keys SET wrapped_key = \(bind: wrapped)
            WHERE tenant_id = \(bind: tenant.rawValue) AND version = \(bind: Int64(version))
            """
        ).run()
    }

    // MARK: Secrets

    func putSecret(_ name: String, ciphertext: String, in tenant: TenantID, at: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO tenant_secrets (tenant_id, name, ciphertext, updated_at)
            VALUES (\(bind: tenant.rawValue), \(bind: name), \(bind: ciphertext), \(bind: at))
            ON CONFLICT (tenant_id, name) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at
            """
        ).run()
    }

    func secret(_ name: String, in tenant: TenantID) async throws -> String? {
        try await sql.raw(
            "SELECT ciphertext FROM tenant_secrets WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)"
        ).first()?.decode(column: "ciphertext", as: String.self)
    }

    func secrets(in tenant: TenantID) async throws -> [(name: String, ciphertext: String)] {
        try await sql.raw(
            "SELECT name, ciphertext FROM tenant_secrets WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY name"
        ).all().map { row in
            (try row.decode(column: "name", as: String.self), try row.decode(column: "ciphertext", as: String.self))
        }
    }
}
