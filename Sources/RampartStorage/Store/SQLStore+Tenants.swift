// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertTenant(_ tenant: Tenant) async throws {
        try await sql.raw(
            """
            INSERT INTO tenants (id, slug, display_name, status, created_at, updated_at)
            VALUES (\(bind: tenant.id.rawValue), \(bind: tenant.slug), \(bind: tenant.displayName),
                    \(bind: tenant.status.rawValue), \(bind: tenant.createdAt), \(bind: tenant.updatedAt))
            """
        ).run()
    }

    func tenant(id: TenantID) async throws -> Tenant? {
        try await sql.raw("SELECT * FROM tenants WHERE id = \(bind: id.rawValue)").first().map(Self.decodeTenant)
    }

    func tenant(slug: String) async throws -> Tenant? {
        try await sql.raw("SELECT * FROM tenants WHERE slug = \(bind: slug)").first().map(Self.decodeTenant)
    }

    func tenants(page: PageRequest) async throws -> Page<Tenant> {
        let rows = try await sql.raw(
            "SELECT * FROM tenants WHERE id > \(bind: page.after ?? "") ORDER BY id LIMIT \(bind: page.limit + 1)"
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: Self.decodeTenant)
    }

    func updateTenant(_ tenant: Tenant) async throws {
        try await sql.raw(
            """
            UPDATE tenants SET display_name = \(bind: tenant.displayName), status = \(bind: tenant.status.rawValue),
                updated_at = \(bind: tenant.updatedAt)
            WHERE id = \(bind: tenant.id.rawValue)
            """
        ).run()
    }

    func tenantDatasourceRoot(_ tenant: TenantID) async throws -> String? {
        try await sql.raw("SELECT datasource_root FROM tenants WHERE id = \(bind: tenant.rawValue)").first()?
            .decode(column: "datasource_root", as: String?.self)
    }

    func setTenantDatasourceRoot(_ root: String?, for tenant: TenantID) async throws {
        try await sql.raw("UPDATE tenants SET datasource_root = \(bind: root) WHERE id = \(bind: tenant.rawValue)").run()
    }

    static func decodeTenant(_ row: any SQLRow) throws -> Tenant {
        Tenant(
            id: TenantID(try row.decode(column: "id", as: String.self)),
            slug: try row.decode(column: "slug", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            status: Tenant.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .suspended,
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self)
        )
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
