// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertUser(_ user: User) async throws {
        try await sql.raw(
            """
            INSERT INTO users (id, tenant_id, username, display_name, email, roles, status, password_hash, created_at, updated_at)
            VALUES (\(bind: user.id.rawValue), \(bind: user.tenantID.rawValue), \(bind: user.username),
                    \(bind: user.displayName), \(bind: user.email), \(bind: user.roles.storageText),
                    \(bind: user.status.rawValue), \(bind: user.passwordHash), \(bind: user.createdAt), \(bind: user.updatedAt))
            """
        ).run()
    }

    func user(_ id: UserID, in tenant: TenantID) async throws -> User? {
        try await sql.raw(
            "SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue)"
        ).first().map(Self.decodeUser)
    }

    func user(username: String, in tenant: TenantID) async throws -> User? {
        try await sql.raw(
            "SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND username = \(bind: username)"
        ).first().map(Self.decodeUser)
    }

    func users(in tenant: TenantID, page: PageRequest) async throws -> Page<User> {
        let rows = try await sql.raw(
            """
            SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: Self.decodeUser)
    }

    func updateUser(_ user: User) async throws {
        try await sql.raw(
            """
            UPDATE users SET username = \(bind: user.username), display_name = \(bind: user.displayName),
                email = \(bind: user.email), roles = \(bind: user.roles.storageText), status = \(bind: user.status.rawValue),
                password_hash = \(bind: user.passwordHash), updated_at = \(bind: user.updatedAt)
            WHERE tenant_id = \(bind: user.tenantID.rawValue) AND id = \(bind: user.id.rawValue)
            """
        ).run()
    }

    func deleteUser(_ id: UserID, in tenant: TenantID) async throws -> Bool {
        let t = tenant.rawValue
        let u = id.rawValue
        try await sql.raw("DELETE FROM group_members WHERE tenant_id = \(bind: t) AND user_id = \(bind: u)").run()
        try await sql.raw("DELETE FROM scim_resources WHERE tenant_id = \(bind: t) AND resource_type = 'User' AND resource_id = \(bind: u)").run()
        try await sql.raw("DELETE FROM api_keys WHERE tenant_id = \(bind: t) AND owner_id = \(bind: u)").run()
        try await sql.raw(
            "DELETE FROM sessions WHERE tenant_id = \(bind: t) AND subject_kind = 'user' AND subject_id = \(bind: u)"
        ).run()
        // The user's authenticator, recovery codes, challenges and remembered devices go too.
        _ = try await deleteMFA(subjectID: u, in: tenant)
        try await sql.raw("DELETE FROM known_sources WHERE tenant_id = \(bind: t) AND subject_id = \(bind: u)").run()
        // A deleted user's provider identities are unlinked, so a user created later under the
        // same username is not signed into by them.
        try await sql.raw("DELETE FROM sso_identity_links WHERE tenant_id = \(bind: t) AND user_id = \(bind: u)").run()
        let deleted = try await sql.raw(
            "DELETE FROM users WHERE tenant_id = \(bind: t) AND id = \(bind: u) RETURNING id"
        ).all()
        return !deleted.isEmpty
    }

    static func decodeUser(_ row: any SQLRow) throws -> User {
        User(
            id: UserID(try row.decode(column: "id", as: String.self)),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String?.self),
            email: try row.decode(column: "email", as: String?.self),
            roles: Set(storageText: try row.decode(column: "roles", as: String.self)),
            status: User.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .disabled,
            passwordHash: try row.decode(column: "password_hash", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self)
        )
    }
}
