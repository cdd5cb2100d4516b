// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertGroup(_ group: Group) async throws {
        try await sql.raw(GroupsTable.insert(group)).run()
    }

    func group(_ id: GroupID, in tenant: TenantID) async throws -> Group? {
        try await sql.raw(
            "SELECT * FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue)"
        ).first().map(GroupsTable.decode)
    }

    func group(name: String, in tenant: TenantID) async throws -> Group? {
        try await sql.raw(
            "SELECT * FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)"
        ).first().map(GroupsTable.decode)
    }

    func groups(in tenant: TenantID, page: PageRequest) async throws -> Page<Group> {
        let rows = try await sql.raw(
            """
            SELECT * FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: GroupsTable.decode)
    }

    func groups(in tenant: TenantID, namePrefix prefix: String, page: PageRequest) async throws -> Page<Group> {
        let rows = try await sql.raw(
            """
            SELECT * FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
                AND lower(name) LIKE lower(\(bind: SQLPattern.prefix(prefix))) ESCAPE '\\'
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: GroupsTable.decode)
    }

    func updateGroup(_ group: Group) async throws {
        try await sql.raw(GroupsTable.update(group)).run()
    }

    func deleteGroup(_ id: GroupID, in tenant: TenantID) async throws -> Bool {
        try await sql.raw(
            "DELETE FROM scim_resources WHERE tenant_id = \(bind: tenant.rawValue) AND resource_type = 'Group' AND resource_id = \(bind: id.rawValue)"
        ).run()
        try await sql.raw(
            "DELETE FROM group_members WHERE tenant_id = \(bind: tenant.rawValue) AND group_id = \(bind: id.rawValue)"
        ).run()
        return
            !(try await sql.raw(
                "DELETE FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue) RETURNING id"
            ).all()).isEmpty
    }

    func addMember(_ user: UserID, to group: GroupID, in tenant: TenantID, at: Int64) async throws -> Bool {
        let rows = try await sql.raw(
            """
            INSERT INTO group_members (tenant_id, group_id, user_id, added_at)
            VALUES (\(bind: tenant.rawValue), \(bind: group.rawValue), \(bind: user.rawValue), \(bind: at))
            ON CONFLICT (group_id, user_id) DO NOTHING RETURNING user_id
            """
        ).all()
        return !rows.isEmpty
    }

    func removeMember(_ user: UserID, from group: GroupID, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            """
            DELETE FROM group_members WHERE tenant_id = \(bind: tenant.rawValue) AND group_id = \(bind: group.rawValue)
                AND user_id = \(bind: user.rawValue) RETURNING user_id
            """
        ).all()).isEmpty
    }

    func members(of group: GroupID, in tenant: TenantID, page: PageRequest) async throws -> Page<User> {
        let rows = try await sql.raw(
            """
            SELECT u.* FROM users u JOIN group_members m ON m.user_id = u.id AND m.tenant_id = u.tenant_id
            WHERE m.tenant_id = \(bind: tenant.rawValue) AND m.group_id = \(bind: group.rawValue) AND u.id > \(bind: page.after ?? "")
            ORDER BY u.id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: { $0.id.rawValue }, decode: UsersTable.decode)
    }

    func groups(of user: UserID, in tenant: TenantID) async throws -> [Group] {
        try await sql.raw(
            """
            SELECT g.* FROM user_groups g JOIN group_members m ON m.group_id = g.id AND m.tenant_id = g.tenant_id
            WHERE m.tenant_id = \(bind: tenant.rawValue) AND m.user_id = \(bind: user.rawValue) ORDER BY g.name
            """
        ).all().map(GroupsTable.decode)
    }

}
