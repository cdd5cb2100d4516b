// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Tokens

    func insertSCIMToken(_ token: SCIMToken) async throws {
        try await sql.raw(SCIMTokensTable.insert(token)).run()
    }

    func scimToken(id: String, in tenant: TenantID) async throws -> SCIMToken? {
        try await sql.raw(
            "SELECT * FROM scim_tokens WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().map(SCIMTokensTable.decode)
    }

    func scimTokens(in tenant: TenantID, page: PageRequest) async throws -> Page<SCIMToken> {
        let rows = try await sql.raw(
            """
            SELECT * FROM scim_tokens WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: \.id, decode: SCIMTokensTable.decode)
    }

    func revokeSCIMToken(id: String, in tenant: TenantID, at: Int64) async throws -> Bool {
        !(try await sql.raw(
            """
            UPDATE scim_tokens SET revoked_at = \(bind: at)
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """
        ).all()).isEmpty
    }

    func touchSCIMToken(id: String, in tenant: TenantID, at: Int64) async throws {
        try await sql.raw(
            "UPDATE scim_tokens SET last_used_at = \(bind: at) WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).run()
    }

    // MARK: Documents

    func scimDocument(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID) async throws -> SCIMDocument? {
        try await sql.raw(
            """
            SELECT * FROM scim_resources WHERE tenant_id = \(bind: tenant.rawValue) AND resource_type = \(bind: kind.rawValue)
                AND resource_id = \(bind: id)
            """
        ).first().map(SCIMResourcesTable.decode)
    }

    func scimDocuments(_ kind: SCIMDocument.Kind, in tenant: TenantID) async throws -> [SCIMDocument] {
        try await sql.raw(
            "SELECT * FROM scim_resources WHERE tenant_id = \(bind: tenant.rawValue) AND resource_type = \(bind: kind.rawValue)"
        ).all().map(SCIMResourcesTable.decode)
    }

    func scimDocuments(_ kind: SCIMDocument.Kind, externalID: String, in tenant: TenantID) async throws -> [SCIMDocument] {
        try await sql.raw(
            """
            SELECT * FROM scim_resources WHERE tenant_id = \(bind: tenant.rawValue) AND resource_type = \(bind: kind.rawValue)
                AND external_id = \(bind: externalID)
            """
        ).all().map(SCIMResourcesTable.decode)
    }

    func putSCIMDocument(_ document: SCIMDocument) async throws {
        try await sql.raw(
            """
            INSERT INTO scim_resources (tenant_id, resource_type, resource_id, external_id, attributes, version, created_at, updated_at)
            VALUES (\(bind: document.tenantID.rawValue), \(bind: document.kind.rawValue), \(bind: document.resourceID),
                    \(bind: document.externalID), \(bind: document.attributes), \(bind: document.version), \(bind: document.createdAt),
                    \(bind: document.updatedAt))
            ON CONFLICT (tenant_id, resource_type, resource_id) DO UPDATE SET external_id = excluded.external_id,
                attributes = excluded.attributes, version = excluded.version, updated_at = excluded.updated_at
            """
        ).run()
    }

    func deleteSCIMDocument(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID) async throws {
        try await sql.raw(
            """
            DELETE FROM scim_resources WHERE tenant_id = \(bind: tenant.rawValue) AND resource_type = \(bind: kind.rawValue)
                AND resource_id = \(bind: id)
            """
        ).run()
    }

    // MARK: Whole-tenant reads

    func allUsers(in tenant: TenantID) async throws -> [User] {
        try await sql.raw(
            "SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY created_at, id"
        ).all().map(UsersTable.decode)
    }

    func users(usernameIgnoringCase username: String, in tenant: TenantID) async throws -> [User] {
        try await sql.raw(
            """
            SELECT * FROM users WHERE tenant_id = \(bind: tenant.rawValue) AND lower(username) = \(bind: Self.asciiLowercased(username))
            ORDER BY created_at, id
            """
        ).all().map(UsersTable.decode)
    }

    func allGroups(in tenant: TenantID) async throws -> [Group] {
        try await sql.raw(
            "SELECT * FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY created_at, id"
        ).all().map(GroupsTable.decode)
    }

    func groups(nameIgnoringCase name: String, in tenant: TenantID) async throws -> [Group] {
        // SQLite's lower() folds ASCII only; the final comparison is repeated in Swift by the
        // SCIM filter, so this is a candidate narrowing, never the last word.
        try await sql.raw(
            """
            SELECT * FROM user_groups WHERE tenant_id = \(bind: tenant.rawValue) AND lower(name) = \(bind: Self.asciiLowercased(name))
            ORDER BY created_at, id
            """
        ).all().map(GroupsTable.decode)
    }

    func memberships(in tenant: TenantID) async throws -> [(group: GroupID, user: UserID)] {
        try await sql.raw(
            "SELECT group_id, user_id FROM group_members WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY added_at, user_id"
        ).all().map { row in
            (GroupID(try row.decode(column: "group_id", as: String.self)), UserID(try row.decode(column: "user_id", as: String.self)))
        }
    }

    func memberIDs(of group: GroupID, in tenant: TenantID) async throws -> [UserID] {
        try await sql.raw(
            """
            SELECT user_id FROM group_members WHERE tenant_id = \(bind: tenant.rawValue) AND group_id = \(bind: group.rawValue)
            ORDER BY added_at, user_id
            """
        ).all().map { UserID(try $0.decode(column: "user_id", as: String.self)) }
    }

    func lockSCIMSubject(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID) async throws -> Bool {
        let lock = engine == .postgres ? " FOR UPDATE" : ""
        let table = kind == .user ? "users" : "user_groups"
        return try await sql.raw(
            "SELECT id FROM \(unsafeRaw: table) WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)\(unsafeRaw: lock)"
        ).first() != nil
    }

    /// Lower-cases ASCII letters only, as SQLite's `lower()` does, so both engines compare alike.
    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
