// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

/// Ranger objects as separate rows (service definitions, services, policies, roles, zones, service
/// tags), a per-tenant policy version, and id sequences; moves the whole-service documents of
/// ``M0002PolicyServices`` into them and drops that table.
///
/// Ids come from one sequence per kind shared by all tenants, so an id names one object in one
/// tenant: another tenant asking for it gets 404, exactly as for an id that was never issued.
struct M0003PolicyAdministration: Migration {
    let id = "0003_policy_administration"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE policy_objects (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                kind TEXT NOT NULL,
                id BIGINT NOT NULL,
                name TEXT NOT NULL,
                scope TEXT NOT NULL,
                ref TEXT NOT NULL,
                document TEXT NOT NULL,
                version BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, kind, id)
            )
            """,
            "CREATE UNIQUE INDEX policy_objects_name ON policy_objects (tenant_id, kind, scope, name)",
            "CREATE INDEX policy_objects_ref ON policy_objects (tenant_id, kind, ref)",
            """
            CREATE TABLE policy_versions (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
                version BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE policy_id_sequences (
                kind TEXT PRIMARY KEY,
                next_id BIGINT NOT NULL
            )
            """,
        ]
    }

    /// Moves each stored service document into rows. Policy ids of the old documents are not
    /// kept: they were only unique per service, and ids are now unique per kind.
    func migrateData(_ sql: any SQLDatabase, engine: DatabaseEngine) async throws {
        let rows = try await sql.raw("SELECT * FROM policy_services ORDER BY tenant_id, name").all()
        var nextIDs: [PolicyObjectKind: Int64] = [:]
        func allocate(_ kind: PolicyObjectKind) -> Int64 {
            let id = nextIDs[kind, default: 1]
            nextIDs[kind] = id + 1
            return id
        }
        var versions: [String: Int64] = [:]
        for row in rows {
            let tenant = try row.decode(column: "tenant_id", as: String.self)
            let name = try row.decode(column: "name", as: String.self)
            let at = try row.decode(column: "updated_at", as: Int64.self)
            let serviceVersion = try row.decode(column: "version", as: Int64.self)
            var serviceDef = try Self.object(row.decode(column: "service_def", as: String.self))
            var service = try Self.object(row.decode(column: "service", as: String.self))
            let policies = try Self.array(row.decode(column: "policies", as: String.self))
            let typeName = (serviceDef["name"] as? String) ?? (service["type"] as? String) ?? "unknown"
            let existingDef = try await sql.raw(
                """
                SELECT id FROM policy_objects WHERE tenant_id = \(bind: tenant) AND kind = \(bind: PolicyObjectKind.serviceDef.rawValue)
                    AND name = \(bind: typeName)
                """
            ).first()
            if existingDef == nil {
                let defID = allocate(.serviceDef)
                serviceDef["id"] = defID
                serviceDef["name"] = typeName
                serviceDef["version"] = 1
                try await Self.insert(
                    sql, tenant: tenant, kind: .serviceDef, id: defID, name: typeName, scope: "", ref: "", document: serviceDef, version: 1, at: at)
            }
            let serviceID = allocate(.service)
            service["id"] = serviceID
            service["name"] = name
            service["type"] = typeName
            service["version"] = serviceVersion
            service["policyVersion"] = serviceVersion
            try await Self.insert(
                sql, tenant: tenant, kind: .service, id: serviceID, name: name, scope: "", ref: typeName, document: service,
                version: serviceVersion, at: at)
            var names: Set<String> = []
            for var policy in policies {
                let policyID = allocate(.policy)
                var policyName = (policy["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "policy \(policyID)"
                if names.contains(policyName) { policyName += " (\(policyID))" }
                names.insert(policyName)
                let zone = (policy["zoneName"] as? String) ?? ""
                policy["id"] = policyID
                policy["name"] = policyName
                policy["service"] = name
                policy["serviceType"] = typeName
                policy["version"] = 1
                try await Self.insert(
                    sql, tenant: tenant, kind: .policy, id: policyID, name: policyName, scope: name, ref: zone, document: policy, version: 1, at: at)
            }
            versions[tenant] = max(versions[tenant] ?? 0, 1)
        }
        for (tenant, version) in versions {
            try await sql.raw(
                "INSERT INTO policy_versions (tenant_id, version, updated_at) VALUES (\(bind: tenant), \(bind: version), 0)"
            ).run()
        }
        for kind in PolicyObjectKind.allCases {
            try await sql.raw(
                "INSERT INTO policy_id_sequences (kind, next_id) VALUES (\(bind: kind.rawValue), \(bind: nextIDs[kind] ?? 1))"
            ).run()
        }
        try await sql.raw("DROP TABLE policy_services").run()
    }

    private static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw RampartError(.storage, "policy_services holds a document that is not a JSON object")
        }
        return object
    }

    private static func array(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        if let list = value as? [[String: Any]] { return list }
        if let export = value as? [String: Any], let list = export["policies"] as? [[String: Any]] { return list }
        throw RampartError(.storage, "policy_services holds policies that are not a JSON list")
    }

    private static func insert(
        _ sql: any SQLDatabase, tenant: String, kind: PolicyObjectKind, id: Int64, name: String, scope: String, ref: String,
        document: [String: Any], version: Int64, at: Int64
    ) async throws {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO policy_objects (tenant_id, kind, id, name, scope, ref, document, version, created_at, updated_at)
            VALUES (\(bind: tenant), \(bind: kind.rawValue), \(bind: id), \(bind: name), \(bind: scope), \(bind: ref), \(bind: text),
                    \(bind: version), \(bind: at), \(bind: at))
            """
        ).run()
    }
}
