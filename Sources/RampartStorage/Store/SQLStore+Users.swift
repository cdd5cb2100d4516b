// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertUser(_ user: User) async throws {
        try await sql.raw(UsersTable.insert(user)).run()
    }

    func user(_ id: UserID, in tenant: TenantID) async throws -> User? {
        try await sql.raw(
            "SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue)"
        ).first().map(UsersTable.decode)
    }

    func user(username: String, in tenant: TenantID) async throws -> User? {
        try await sql.raw(
            "SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND username = \(bind: username)"
        ).first().map(UsersTable.decode)
    }

    func users(in tenant: TenantID, page: PageRequest) async throws -> Page<User> {
        let rows = try await sql.raw(
            """
            SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: UsersTable.decode)
    }

    func users(in tenant: TenantID, usernamePrefix prefix: String, page: PageRequest) async throws -> Page<User> {
        let rows = try await sql.raw(
            """
            SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
                AND lower(username) LIKE lower(\(bind: SQLPattern.prefix(prefix))) ESCAPE '\\'
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: UsersTable.decode)
    }

    func updateUser(_ user: User) async throws {
        try await sql.raw(UsersTable.update(user)).run()
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

}
