// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertEncryptionScheme(_ scheme: EncryptionScheme) async throws {
        try await sql.raw(EncryptionSchemesTable.insert(scheme)).run()
    }

    func encryptionSchemes(in tenant: TenantID) async throws -> [EncryptionScheme] {
        try await sql.raw("SELECT * FROM encryption_schemes WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY name").all()
            .map(EncryptionSchemesTable.decode)
    }

    func encryptionScheme(named name: String, in tenant: TenantID) async throws -> EncryptionScheme? {
        try await sql.raw("SELECT * FROM encryption_schemes WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)").first()
            .map(EncryptionSchemesTable.decode)
    }

    func deleteEncryptionScheme(id: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw("DELETE FROM token_vault WHERE tenant_id = \(bind: tenant.rawValue) AND scheme_id = \(bind: id)").run()
        return
            !(try await sql.raw(
                "DELETE FROM encryption_schemes WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
            ).all()).isEmpty
    }

    func insertVaultEntries(_ entries: [VaultEntry]) async throws {
        // Rows per statement: 6 binds each, under SQLite's and PostgreSQL's bind limits.
        for start in stride(from: 0, to: entries.count, by: 500) {
            let slice = entries[start..<min(start + 500, entries.count)]
            var query: SQLQueryString = "INSERT INTO token_vault (\(unsafeRaw: TokenVaultTable.columns.map(\.name).joined(separator: ", "))) VALUES "
            for (index, entry) in slice.enumerated() {
                query.appendInterpolation(unsafeRaw: index == 0 ? "(" : ", (")
                query.appendInterpolation(binds: TokenVaultTable.columns.map { $0.bind(entry) })
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: " ON CONFLICT (tenant_id, scheme_id, token) DO NOTHING")
            try await sql.raw(query).run()
        }
    }

    func vaultEntries(scheme: String, tokens: [String], in tenant: TenantID) async throws -> [String: VaultEntry] {
        var found: [String: VaultEntry] = [:]
        for start in stride(from: 0, to: tokens.count, by: 500) {
            let slice = Array(tokens[start..<min(start + 500, tokens.count)])
            let rows = try await sql.raw(
                "SELECT * FROM token_vault WHERE tenant_id = \(bind: tenant.rawValue) AND scheme_id = \(bind: scheme) AND token IN (\(binds: slice))"
            ).all()
            for row in rows {
                let entry = try TokenVaultTable.decode(row)
                found[entry.token] = entry
            }
        }
        return found
    }

    func vaultEntries(olderThanKeyVersion version: Int, in tenant: TenantID, limit: Int) async throws -> [VaultEntry] {
        try await sql.raw(
            """
            SELECT * FROM token_vault WHERE tenant_id = \(bind: tenant.rawValue) AND key_version < \(bind: Int64(version))
            ORDER BY scheme_id, token LIMIT \(bind: Int64(max(1, limit)))
            """
        ).all().map(TokenVaultTable.decode)
    }

    func replaceVaultEntry(_ entry: VaultEntry) async throws {
        try await sql.raw(TokenVaultTable.update(entry)).run()
    }

    func countVaultEntries(olderThanKeyVersion version: Int, in tenant: TenantID) async throws -> Int {
        let row = try await sql.raw(
            "SELECT COUNT(*) AS n FROM token_vault WHERE tenant_id = \(bind: tenant.rawValue) AND key_version < \(bind: Int64(version))"
        ).first()
        return Int(clamping: try row?.decode(column: "n", as: Int64.self) ?? 0)
    }
}
