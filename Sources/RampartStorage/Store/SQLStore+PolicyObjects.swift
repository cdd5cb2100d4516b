// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func bumpPolicyVersion(in tenant: TenantID, at: Int64) async throws -> Int64 {
        // An upsert takes the row lock on PostgreSQL, so policy writers of one tenant queue here
        // until the first one commits; their checks (unique names, references) then see each
        // other's rows.
        let row = try await sql.raw(
            """
            INSERT INTO policy_versions (tenant_id, version, updated_at) VALUES (\(bind: tenant.rawValue), 1, \(bind: at))
            ON CONFLICT (tenant_id) DO UPDATE SET version = policy_versions.version + 1, updated_at = \(bind: at)
            RETURNING version
            """
        ).first()
        guard let version = try row?.decode(column: "version", as: Int64.self) else {
            throw RampartError(.storage, "policy version upsert returned no row")
        }
        return version
    }

    func policyVersion(in tenant: TenantID) async throws -> Int64 {
        try await sql.raw("SELECT version FROM policy_versions WHERE tenant_id = \(bind: tenant.rawValue)")
            .first()?.decode(column: "version", as: Int64.self) ?? 0
    }

    func policyVersions() async throws -> [(tenant: TenantID, version: Int64)] {
        try await sql.raw("SELECT tenant_id, version FROM policy_versions").all().map {
            (TenantID(try $0.decode(column: "tenant_id", as: String.self)), try $0.decode(column: "version", as: Int64.self))
        }
    }

    func allocatePolicyObjectIDs(_ kind: PolicyObjectKind, count: Int) async throws -> Int64 {
        let count = Int64(max(count, 1))
        let row = try await sql.raw(
            """
            UPDATE policy_id_sequences SET next_id = next_id + \(bind: count) WHERE kind = \(bind: kind.rawValue) RETURNING next_id
            """
        ).first()
        guard let next = try row?.decode(column: "next_id", as: Int64.self) else {
            throw RampartError(.storage, "no id sequence for `\(kind.rawValue)`")
        }
        return next - count
    }

    func insertPolicyObjects(_ objects: [PolicyObject], in tenant: TenantID) async throws {
        // Several rows per statement: an import of thousands of policies is then a handful of
        // round trips rather than one per policy.
        let chunkSize = 400
        var start = 0
        while start < objects.count {
            let end = min(start + chunkSize, objects.count)
            let insert = sql.insert(into: PolicyObjectsTable.name)
                .columns([PolicyObjectsTable.tenantID] + PolicyObjectsTable.columns.map(\.name))
            for object in objects[start..<end] {
                insert.values([tenant.rawValue] + PolicyObjectsTable.columns.map { $0.bind(object) })
            }
            try await insert.run()
            start = end
        }
    }

    func updatePolicyObject(_ object: PolicyObject, in tenant: TenantID) async throws {
        try await sql.raw(PolicyObjectsTable.update(object, in: tenant)).run()
    }

    func deletePolicyObject(_ kind: PolicyObjectKind, id: Int64, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            """
            DELETE FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue) AND id = \(bind: id)
            RETURNING id
            """
        ).all()).isEmpty
    }

    func deletePolicyObjects(_ kind: PolicyObjectKind, scope: String, in tenant: TenantID) async throws -> Int {
        try await sql.raw(
            """
            DELETE FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue) AND scope = \(bind: scope)
            RETURNING id
            """
        ).all().count
    }

    func policyObject(_ kind: PolicyObjectKind, id: Int64, in tenant: TenantID) async throws -> PolicyObject? {
        try await sql.raw(
            """
            SELECT * FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue) AND id = \(bind: id)
            """
        ).first().map(PolicyObjectsTable.decode)
    }

    func policyObject(_ kind: PolicyObjectKind, name: String, scope: String, in tenant: TenantID) async throws -> PolicyObject? {
        try await sql.raw(
            """
            SELECT * FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue)
                AND scope = \(bind: scope) AND name = \(bind: name)
            """
        ).first().map(PolicyObjectsTable.decode)
    }

    func policyObjects(_ kind: PolicyObjectKind, scope: String?, in tenant: TenantID, page: PageRequest) async throws -> Page<PolicyObject> {
        let after = page.after.flatMap { Int64($0) } ?? 0
        let rows: [any SQLRow]
        if let scope {
            rows = try await sql.raw(
                """
                SELECT * FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue)
                    AND scope = \(bind: scope) AND id > \(bind: after) ORDER BY id LIMIT \(bind: page.limit + 1)
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                SELECT * FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue)
                    AND id > \(bind: after) ORDER BY id LIMIT \(bind: page.limit + 1)
                """
            ).all()
        }
        return try paged(rows, page: page, id: { String($0.id) }, decode: PolicyObjectsTable.decode)
    }

    func allPolicyObjects(_ kind: PolicyObjectKind, scope: String?, in tenant: TenantID) async throws -> [PolicyObject] {
        if let scope {
            return try await sql.raw(
                """
                SELECT * FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue)
                    AND scope = \(bind: scope) ORDER BY id
                """
            ).all().map(PolicyObjectsTable.decode)
        }
        return try await sql.raw(
            "SELECT * FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue) ORDER BY id"
        ).all().map(PolicyObjectsTable.decode)
    }

    func countPolicyObjects(_ kind: PolicyObjectKind, ref: String, in tenant: TenantID) async throws -> Int {
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM policy_objects WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue)
                AND ref = \(bind: ref)
            """
        ).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    func activeUserGroups(usernames: [String], in tenant: TenantID) async throws -> [String: [String]] {
        guard !usernames.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT u.username AS username, g.name AS group_name FROM users u
            LEFT JOIN group_members m ON m.user_id = u.id AND m.tenant_id = u.tenant_id
            LEFT JOIN user_groups g ON g.id = m.group_id AND g.tenant_id = m.tenant_id
            WHERE u.tenant_id = \(bind: tenant.rawValue) AND u.status = \(bind: User.Status.active.rawValue)
                AND u.username IN (\(binds: usernames))
            """
        ).all()
        var result: [String: [String]] = [:]
        for row in rows {
            let username = try row.decode(column: "username", as: String.self)
            var groups = result[username] ?? []
            if let group = try row.decode(column: "group_name", as: String?.self) { groups.append(group) }
            result[username] = groups
        }
        return result
    }

}
