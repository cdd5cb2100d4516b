// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertTenant(_ tenant: Tenant) async throws {
        try await sql.raw(TenantsTable.insert(tenant)).run()
    }

    func tenant(id: TenantID) async throws -> Tenant? {
        try await sql.raw("SELECT * FROM tenants WHERE id = \(bind: id.rawValue)").first().map(TenantsTable.decode)
    }

    func tenant(slug: String) async throws -> Tenant? {
        try await sql.raw("SELECT * FROM tenants WHERE slug = \(bind: slug)").first().map(TenantsTable.decode)
    }

    func tenants(page: PageRequest) async throws -> Page<Tenant> {
        let rows = try await sql.raw(
            "SELECT * FROM tenants WHERE id > \(bind: page.after ?? "") ORDER BY id LIMIT \(bind: page.limit + 1)"
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: TenantsTable.decode)
    }

    func updateTenant(_ tenant: Tenant) async throws {
        try await sql.raw(TenantsTable.update(tenant)).run()
    }

    func tenantDatasourceRoot(_ tenant: TenantID) async throws -> String? {
        try await sql.raw("SELECT datasource_root FROM tenants WHERE id = \(bind: tenant.rawValue)").first()?
            .decode(column: "datasource_root", as: String?.self)
    }

    func setTenantDatasourceRoot(_ root: String?, for tenant: TenantID) async throws {
        try await sql.raw("UPDATE tenants SET datasource_root = \(bind: root) WHERE id = \(bind: tenant.rawValue)").run()
    }

    // MARK: Operators

    func operatorCount() async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM operators").first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    func insertOperator(id: OperatorID, username: String, passwordHash: String, at: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO operators (id, username, password_hash, created_at, updated_at)
            VALUES (\(bind: id.rawValue), \(bind: username), \(bind: passwordHash), \(bind: at), \(bind: at))
            """
        ).run()
    }

    func operatorCredentials(username: String) async throws -> (id: OperatorID, passwordHash: String)? {
        guard let row = try await sql.raw("SELECT id, password_hash FROM operators WHERE username = \(bind: username)").first()
        else { return nil }
        return (OperatorID(try row.decode(column: "id", as: String.self)), try row.decode(column: "password_hash", as: String.self))
    }

    func operatorUsername(id: OperatorID) async throws -> String? {
        try await sql.raw("SELECT username FROM operators WHERE id = \(bind: id.rawValue)").first()?
            .decode(column: "username", as: String.self)
    }

    // MARK: Settings

    func setting(_ name: String) async throws -> String? {
        try await sql.raw("SELECT value FROM server_settings WHERE name = \(bind: name)").first()?
            .decode(column: "value", as: String.self)
    }

    func setSetting(_ name: String, value: String) async throws {
        try await sql.raw(
            """
            INSERT INTO server_settings (name, value) VALUES (\(bind: name), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """
        ).run()
    }
}
