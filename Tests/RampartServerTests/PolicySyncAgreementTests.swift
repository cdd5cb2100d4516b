// SPDX-License-Identifier: Apache-2.0

import Foundation
import PostgresNIO
import RampartApp
import RampartConnectors
import RampartCore
import RampartEnforcement
import RampartPolicy
import RampartTesting
import Testing

/// The contract of enforcement: for random policy sets, what PostgreSQL allows, shows and filters
/// equals what the decision API answers, for every user, table, column and access type.
@Suite struct PolicySyncAgreementTests {
    static let rounds = 200
    static let tables: [(name: String, columns: [(String, String)], filters: [String])] = [
        ("t1", [("id", "integer"), ("a", "text"), ("b", "text"), ("d", "date")], ["id > 1", "a LIKE 'A%'", "id % 2 = 0"]),
        ("t2", [("id", "integer"), ("region", "text"), ("v", "text")], ["region = 'EU'", "id <= 2", "v IS NOT NULL"]),
    ]
    static let maskTypes = ["MASK", "MASK_SHOW_LAST_4", "MASK_SHOW_FIRST_4", "MASK_NULL", "MASK_NONE", "MASK_DATE_SHOW_YEAR", "MASK_HASH"]
    static let maskKey = MaskHashKey(key: Array(0..<32))
    static let accessTypes = ["select", "insert", "update", "delete"]

    /// What the random sets exercised, printed beside the count so a run shows it was not trivial.
    struct Tally {
        var compared = 0
        var allowed = 0
        var masked = 0
        var withheld = 0
        var filteredReads = 0
        /// Answers a tag policy decided (allowed, denied or masked by tag).
        var byTag = 0
        /// Privileges granted to a group role (what all its members may do, ``GroupGrants``).
        var groupGrants = 0
    }

    struct Principal {
        var user: String
        var groups: [String]
    }

    @Test func theDatabaseAnswersAsTheEngineForRandomPolicySets() async throws {
        guard TestEngine.available.contains(.postgres), let base = TestEngine.postgresURL else { return }
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let sync = "rp_sync_p_\(suffix)"
        let principals = [
            Principal(user: "u1_\(suffix)", groups: ["g1_\(suffix)"]), Principal(user: "u2_\(suffix)", groups: ["g2_\(suffix)"]),
            Principal(user: "u3_\(suffix)", groups: ["g1_\(suffix)", "g2_\(suffix)"]), Principal(user: "u4_\(suffix)", groups: []),
        ]
        do {
            try await TestDatabase.withFresh(.postgres) { source in
                guard let url = source.postgresURL, let name = source.postgresName else { return }
                try await Self.prepare(url: url, database: name, sync: sync, principals: principals)
                var settings = try #require(PostgresConnector.parse(url: url)).settings
                settings.username = sync
                let session = try await PostgresConnector(settings: settings, password: PolicySyncTests.Roles.password).connectForEnforcement()
                let admin = try await PostgresProbe.connect(url)
                var random = SplitMix64(seed: 0x5EED_0019)
                var tally = Tally()
                do {
                    for round in 0..<Self.rounds {
                        let target = try Self.randomPolicies(&random, principals: principals, round: round)
                        let enforcement = principals.map { EnforcementPrincipal(username: $0.user, role: $0.user, groups: Set($0.groups)) }
                        let marker = OwnershipMarker(tenant: "t", datasource: "d")
                        let plan = try await EnforcementPlanning.plan(
                            session: session, marker: marker, database: "db", principals: enforcement, target: target,
                            maskKey: Self.maskKey)
                        try await session.apply(plan.statements.map(\.sql))
                        tally.groupGrants +=
                            plan.statements.filter { $0.sql.hasPrefix("GRANT") && $0.sql.contains(" ON ") && $0.sql.contains("TO \"rp_g_") }.count
                        let again = try await EnforcementPlanning.plan(
                            session: session, marker: marker, database: "db", principals: enforcement, target: target,
                            maskKey: Self.maskKey)
                        #expect(again.statements.isEmpty, "round \(round): a plan after apply is not empty: \(again.statements.map(\.sql))")
                        try await Self.expectAgreement(admin: admin, principals: principals, target: target, round: round, tally: &tally)
                    }
                } catch {
                    await session.close()
                    try? await admin.close()
                    throw error
                }
                await session.close()
                try? await admin.close()
                print(
                    "policy sync agreement: \(Self.rounds) random policy sets, \(tally.compared) (user, table, column, access) answers compared, "
                        + "\(tally.allowed) allowed, \(tally.masked) masked columns read, \(tally.withheld) withheld (mask not expressible), "
                        + "\(tally.filteredReads) filtered table reads, \(tally.byTag) column reads decided by a tag policy, "
                        + "\(tally.groupGrants) privileges granted to group roles")
                // Group roles held privileges in some rounds: the members' answers above went through them.
                #expect(tally.groupGrants > 0)
            }
        } catch {
            try? await Self.dropRoles(base, [sync, "rp_g_g1_\(suffix)", "rp_g_g2_\(suffix)"] + principals.map(\.user))
            throw error
        }
        try await Self.dropRoles(base, [sync, "rp_g_g1_\(suffix)", "rp_g_g2_\(suffix)"] + principals.map(\.user))
    }

    static func dropRoles(_ base: String, _ roles: [String]) async throws {
        for role in roles { try await TestDatabase.administer(base, "DROP ROLE IF EXISTS \(role)") }
    }

    static func prepare(url: String, database: String, sync: String, principals: [Principal]) async throws {
        var statements = [
            "CREATE ROLE \(sync) LOGIN CREATEROLE PASSWORD '\(PolicySyncTests.Roles.password)'", "GRANT CREATE ON DATABASE \(database) TO \(sync)",
        ]
        statements += principals.map { "CREATE ROLE \($0.user) LOGIN PASSWORD '\(PolicySyncTests.Roles.password)'" }
        statements += [
            "CREATE TABLE t1 (id integer PRIMARY KEY, a text, b text, d date)",
            "INSERT INTO t1 VALUES (1, 'Alpha-1234', 'bx', '1990-05-17'), (2, 'beta 77', NULL, '2001-12-31'), (3, 'AB', 'Ü-9', NULL), (4, NULL, 'long value 123456', '1980-01-01')",
            "CREATE TABLE t2 (id integer PRIMARY KEY, region text, v text)",
            "INSERT INTO t2 VALUES (1, 'EU', 'x1'), (2, 'US', NULL), (3, 'EU', 'Zz-00'), (4, 'APAC', 'q')",
            "ALTER TABLE t1 OWNER TO \(sync)", "ALTER TABLE t2 OWNER TO \(sync)",
        ]
        try await PostgresProbe.run(url, statements)
    }

    // MARK: Random policies

    static func randomPolicies(_ random: inout SplitMix64, principals: [Principal], round: Int) throws -> ServicePolicies {
        var policies: [[String: Any]] = []
        var id = 0
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        func subset<T>(_ items: [T], atLeastOne: Bool) -> [T] {
            let chosen = items.filter { _ in chance(40) }
            return chosen.isEmpty && atLeastOne ? [pick(items)] : chosen
        }
        func who() -> [String: Any] {
            var item: [String: Any] = [:]
            let users = subset(principals.map(\.user), atLeastOne: false)
            let all = Array(Set(principals.flatMap(\.groups))).sorted()
            var groups = subset(all, atLeastOne: false)
            if users.isEmpty && groups.isEmpty { groups = [pick(all + ["public"])] }
            if !users.isEmpty { item["users"] = users }
            if !groups.isEmpty { item["groups"] = groups }
            return item
        }
        func accesses() -> [[String: Any]] { subset(accessTypes, atLeastOne: true).map { ["type": $0, "isAllowed": true] } }
        for _ in 0..<(1 + Int(random.next() % 4)) {
            id += 1
            let table = pick(tables.map(\.name) + ["*"])
            let columns: [String] =
                table == "*" || chance(50) ? ["*"] : subset(tables.first { $0.name == table }?.columns.map(\.0) ?? [], atLeastOne: true)
            var policy: [String: Any] = [
                "id": id, "name": "access \(id)", "service": "svc", "isEnabled": true, "policyType": 0,
                "resources": ["database": ["values": ["db"]], "table": ["values": [table]], "column": ["values": columns]],
                "policyItems": (0..<(1 + Int(random.next() % 2))).map { _ in who().merging(["accesses": accesses()]) { $1 } },
            ]
            if chance(30) { policy["denyPolicyItems"] = [who().merging(["accesses": accesses()]) { $1 }] }
            if chance(20) { policy["allowExceptions"] = [who().merging(["accesses": accesses()]) { $1 }] }
            if chance(20) { policy["denyExceptions"] = [who().merging(["accesses": accesses()]) { $1 }] }
            policies.append(policy)
        }
        for _ in 0..<Int(random.next() % 3) {
            id += 1
            let table = pick(tables)
            policies.append([
                "id": id, "name": "mask \(id)", "service": "svc", "isEnabled": true, "policyType": 1,
                "resources": ["database": ["values": ["db"]], "table": ["values": [table.name]], "column": ["values": [pick(table.columns).0]]],
                "dataMaskPolicyItems": (0..<(1 + Int(random.next() % 2))).map { _ in
                    who().merging([
                        "accesses": [["type": "select", "isAllowed": true]], "dataMaskInfo": ["dataMaskType": pick(maskTypes)],
                    ]) { $1 }
                },
            ])
        }
        for _ in 0..<Int(random.next() % 3) {
            id += 1
            let table = pick(tables)
            policies.append([
                "id": id, "name": "filter \(id)", "service": "svc", "isEnabled": true, "policyType": 2,
                "resources": ["database": ["values": ["db"]], "table": ["values": [table.name]]],
                "rowFilterPolicyItems": [
                    who().merging([
                        "accesses": [["type": "select", "isAllowed": true]], "rowFilterInfo": ["filterExpr": pick(table.filters)],
                    ]) { $1 }
                ],
            ])
        }
        // Tags on some columns, as discovery's tagging rules would set them, and tag policies that
        // allow, deny and mask by tag (most rounds have some).
        var taggedResources: [[String: Any]] = []
        var resourceToTagIds: [String: [Int]] = [:]
        for table in tables {
            for (column, _) in table.columns where chance(20) {
                let id = taggedResources.count + 1
                taggedResources.append([
                    "id": id, "serviceName": "svc",
                    "resourceElements": ["database": ["values": ["db"]], "table": ["values": [table.name]], "column": ["values": [column]]],
                ])
                resourceToTagIds["\(id)"] = chance(25) ? [1, 2] : [pick([1, 2])]
            }
        }
        var tagPolicies: [[String: Any]] = []
        id = 1000
        func tagAccesses() -> [[String: Any]] { subset(accessTypes, atLeastOne: true).map { ["type": "pgsql:\($0)", "isAllowed": true] } }
        for _ in 0..<Int(random.next() % 3) {
            id += 1
            var policy: [String: Any] = [
                "id": id, "name": "tag access \(id)", "service": "tags", "isEnabled": true, "policyType": 0,
                "resources": ["tag": ["values": [pick(tagNames)]]],
            ]
            if chance(60) { policy["policyItems"] = [who().merging(["accesses": tagAccesses()]) { $1 }] }
            if chance(60) { policy["denyPolicyItems"] = [who().merging(["accesses": tagAccesses()]) { $1 }] }
            if chance(20) { policy["denyExceptions"] = [who().merging(["accesses": tagAccesses()]) { $1 }] }
            tagPolicies.append(policy)
        }
        if chance(40) {
            id += 1
            tagPolicies.append([
                "id": id, "name": "tag mask \(id)", "service": "tags", "isEnabled": true, "policyType": 1,
                "resources": ["tag": ["values": [pick(tagNames)]]],
                "dataMaskPolicyItems": [
                    who().merging([
                        "accesses": [["type": "pgsql:select", "isAllowed": true]], "dataMaskInfo": ["dataMaskType": pick(maskTypes)],
                    ]) { $1 }
                ],
            ])
        }
        let serviceTags: [String: Any] = [
            "tags": ["1": ["type": tagNames[0]], "2": ["type": tagNames[1]]], "serviceResources": taggedResources,
            "resourceToTagIds": resourceToTagIds,
        ]
        let decoder = JSONDecoder()
        let serviceDef = try decoder.decode(ServiceDef.self, from: Data(serviceDefinition.utf8))
        let decoded = try decoder.decode([Policy].self, from: JSONSerialization.data(withJSONObject: policies))
        // Half the rounds have no tag service: the sync then decides once per resource footprint
        // (ResourceFootprint), and those answers are compared too.
        guard round % 2 == 0 else {
            let snapshot = try PolicySnapshot(serviceDef: serviceDef, service: Service(name: "svc", type: "pgsql"), policies: decoded)
            let stamp = ObjectStamp(id: 1, version: Int64(round + 1))
            return ServicePolicies(snapshot: snapshot, version: Int64(round + 1), inputs: SnapshotInputs(service: stamp, serviceDef: stamp))
        }
        let snapshot = try PolicySnapshot(
            serviceDef: serviceDef, service: Service(name: "svc", type: "pgsql", tagService: "tags"), policies: decoded,
            tagServiceDef: try decoder.decode(ServiceDef.self, from: Data(tagServiceDefinition.utf8)),
            tagPolicies: try decoder.decode([Policy].self, from: JSONSerialization.data(withJSONObject: tagPolicies)),
            serviceTags: try decoder.decode(ServiceTags.self, from: JSONSerialization.data(withJSONObject: serviceTags)))
        let stamp = ObjectStamp(id: 1, version: Int64(round + 1))
        return ServicePolicies(snapshot: snapshot, version: Int64(round + 1), inputs: SnapshotInputs(service: stamp, serviceDef: stamp))
    }

    static let tagNames = ["PII", "PCI"]

    static let tagServiceDefinition = """
        {"name": "tag",
         "resources": [{"name": "tag", "level": 1, "matcherOptions": {"wildCard": "false"}}],
         "accessTypes": [{"name": "pgsql:select"}, {"name": "pgsql:insert"}, {"name": "pgsql:update"}, {"name": "pgsql:delete"}],
         "dataMaskDef": {
           "maskTypes": [{"name": "MASK"}, {"name": "MASK_SHOW_LAST_4"}, {"name": "MASK_SHOW_FIRST_4"}, {"name": "MASK_NULL"},
                         {"name": "MASK_NONE"}, {"name": "MASK_DATE_SHOW_YEAR"}, {"name": "MASK_HASH"}],
           "accessTypes": [{"name": "pgsql:select"}],
           "resources": [{"name": "tag", "level": 1, "matcherOptions": {"wildCard": "false"}}]},
         "options": {"enableDenyAndExceptionsInPolicies": "true"}}
        """

    static let serviceDefinition = """
        {"name": "pgsql",
         "resources": [
           {"name": "database", "level": 10, "matcherOptions": {"wildCard": "true"}},
           {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "true"}},
           {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "true"}}],
         "accessTypes": [{"name": "select"}, {"name": "insert"}, {"name": "update"}, {"name": "delete"}],
         "dataMaskDef": {
           "maskTypes": [{"name": "MASK"}, {"name": "MASK_SHOW_LAST_4"}, {"name": "MASK_SHOW_FIRST_4"}, {"name": "MASK_NULL"},
                         {"name": "MASK_NONE"}, {"name": "MASK_DATE_SHOW_YEAR"}, {"name": "MASK_HASH"}],
           "accessTypes": [{"name": "select"}],
           "resources": [
             {"name": "database", "level": 10, "matcherOptions": {"wildCard": "false"}},
             {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "false"}},
             {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "false"}}]},
         "rowFilterDef": {
           "accessTypes": [{"name": "select"}],
           "resources": [
             {"name": "database", "level": 10, "matcherOptions": {"wildCard": "false"}},
             {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "false"}}]}}
        """

    // MARK: Agreement

    /// Compares, for every principal, table, column and access type, the database's privileges and
    /// the rows and values a principal reads with the engine's decisions, counting into `tally`.
    static func expectAgreement(
        admin: PostgresConnection, principals: [Principal], target: ServicePolicies, round: Int, tally: inout Tally
    ) async throws {
        for principal in principals {
            for table in tables {
                func decide(_ resource: [String: String], _ access: String) -> AccessDecision {
                    AccessDecision.evaluate(
                        AccessRequest(
                            resource: AccessResource(resource), accessType: access, user: principal.user, userGroups: Set(principal.groups)),
                        on: target)
                }
                let view = "public_rampart.\(table.name)"
                let viewExists = try await PostgresProbe.rows(admin, "SELECT (to_regclass('\(view)') IS NOT NULL)::text").first?.first == "true"
                var readable: [(column: String, expression: String)] = []
                for (column, type) in table.columns {
                    let resource = ["database": "db", "table": table.name, "column": column]
                    let privileges =
                        try await PostgresProbe.rows(
                            admin,
                            "SELECT has_column_privilege('\(principal.user)', 'public.\(table.name)', '\(column)', 'SELECT')::text, "
                                + "has_column_privilege('\(principal.user)', 'public.\(table.name)', '\(column)', 'INSERT')::text, "
                                + "has_column_privilege('\(principal.user)', 'public.\(table.name)', '\(column)', 'UPDATE')::text, "
                                + (viewExists ? "has_column_privilege('\(principal.user)', '\(view)', '\(column)', 'SELECT')::text" : "'false'")
                        ).first ?? []
                    let select = decide(resource, "select")
                    // Tag policies are numbered from 1001.
                    if (select.policyId ?? 0) > 1000 || (select.mask?.policyId ?? 0) > 1000 { tally.byTag += 1 }
                    var expectedMask: MaskSQL?
                    var withheld = false
                    if let mask = select.mask {
                        switch MaskSQL.make(
                            ColumnMask(type: mask.type, policyID: mask.policyId), column: CatalogColumn(name: column, type: type), hashAvailable: true
                        ) {
                        case .success(let sql): expectedMask = sql
                        case .failure: withheld = true
                        }
                    }
                    let place = "round \(round): \(principal.user) \(table.name).\(column)"
                    let readsBase = privileges[0] == "true"
                    let readsView = privileges[3] == "true"
                    #expect(
                        (readsBase || readsView) == (select.allowed && !withheld),
                        "\(place) select: engine \(select), db base \(readsBase) view \(readsView)")
                    if expectedMask != nil { #expect(!readsBase, "\(place): masked, yet the base table is readable") }
                    #expect((privileges[1] == "true") == decide(resource, "insert").allowed, "\(place) insert")
                    #expect((privileges[2] == "true") == decide(resource, "update").allowed, "\(place) update")
                    tally.compared += 3
                    for access in ["select", "insert", "update"] where decide(resource, access).allowed { tally.allowed += 1 }
                    if expectedMask != nil { tally.masked += 1 }
                    if withheld { tally.withheld += 1 }
                    if select.allowed && !withheld {
                        readable.append((column, expectedMask?.expression ?? "\"\(column)\""))
                    }
                }
                let tableResource = ["database": "db", "table": table.name]
                let deletes = try await PostgresProbe.rows(
                    admin, "SELECT has_table_privilege('\(principal.user)', 'public.\(table.name)', 'DELETE')::text")
                #expect(
                    (deletes.first?.first == "true") == decide(tableResource, "delete").allowed,
                    "round \(round): \(principal.user) \(table.name) delete")
                tally.compared += 1
                guard !readable.isEmpty else { continue }
                // Rows and values: what the principal reads equals the raw rows filtered by the
                // engine's filter and masked by the engine's mask, read by the administrator.
                let filter = decide(tableResource, "select").rowFilter?.expression
                let expected = try await PostgresProbe.rows(
                    admin,
                    "SELECT \(readable.map { "(\($0.expression))::text" }.joined(separator: ", ")) FROM public.\(table.name)"
                        + (filter.map { " WHERE \($0)" } ?? ""))
                // A principal with a masked column reads the view; everyone else the table.
                var source = "public.\(table.name)"
                if viewExists {
                    let grant = try await PostgresProbe.rows(
                        admin, "SELECT has_column_privilege('\(principal.user)', '\(view)', '\(readable[0].column)', 'SELECT')::text")
                    if grant.first?.first == "true" { source = view }
                }
                let actual = try await PostgresProbe.rows(
                    admin,
                    "SET ROLE \(principal.user)",
                    "SELECT \(readable.map { "\"\($0.column)\"::text" }.joined(separator: ", ")) FROM \(source)", "RESET ROLE")
                #expect(
                    Self.sorted(actual) == Self.sorted(expected),
                    "round \(round): \(principal.user) reads \(source) (filter \(filter ?? "none")): \(actual) but the engine says \(expected)")
                tally.compared += readable.count
                if filter != nil { tally.filteredReads += 1 }
            }
        }
    }

    static func sorted(_ rows: [[String?]]) -> [String] { rows.map { $0.map { $0 ?? "∅" }.joined(separator: "|") }.sorted() }
}

/// A small deterministic generator, so a failing round can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An apply is one transaction: a statement that fails leaves the database as it was, and a table
/// someone holds locked makes the apply give up after its lock timeout instead of queueing.
@Suite struct PolicySyncApplyTests {
    @Test func aFailedOrBlockedApplyChangesNothing() async throws {
        guard TestEngine.available.contains(.postgres), let base = TestEngine.postgresURL else { return }
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let sync = "rp_sync_a_\(suffix)"
        let reader = "reader_\(suffix)"
        do {
            try await TestDatabase.withFresh(.postgres) { source in
                guard let url = source.postgresURL else { return }
                try await PostgresProbe.run(
                    url,
                    [
                        "CREATE ROLE \(sync) LOGIN PASSWORD '\(PolicySyncTests.Roles.password)'", "CREATE ROLE \(reader) NOLOGIN",
                        "CREATE TABLE t (id integer)", "ALTER TABLE t OWNER TO \(sync)",
                    ])
                var settings = try #require(PostgresConnector.parse(url: url)).settings
                settings.username = sync
                let session = try await PostgresConnector(settings: settings, password: PolicySyncTests.Roles.password).connectForEnforcement()
                let admin = try await PostgresProbe.connect(url)
                let granted = "SELECT has_table_privilege('\(reader)', 't', 'SELECT')::text"
                do {
                    // The second statement fails: the first is rolled back with it.
                    await #expect(throws: PostgresEnforcementSession.ApplyFailure.self) {
                        try await session.apply(["GRANT SELECT ON t TO \(reader)", "SELECT 1 / 0", "GRANT INSERT ON t TO \(reader)"])
                    }
                    #expect(try await PostgresProbe.rows(admin, granted) == [["false"]])
                    // Someone holds the table: the apply stops at its lock timeout.
                    _ = try await PostgresProbe.rows(admin, "BEGIN", "LOCK TABLE t IN ACCESS EXCLUSIVE MODE")
                    let started = ContinuousClock.now
                    await #expect(throws: PostgresEnforcementSession.ApplyFailure.self) {
                        try await session.apply(["GRANT SELECT ON t TO \(reader)", "ALTER TABLE t ENABLE ROW LEVEL SECURITY"])
                    }
                    #expect(ContinuousClock.now - started < .seconds(30))
                    // Planning gives up on the lock too, and a filter it could not check is not
                    // called invalid (that would withhold reads because someone held a lock).
                    let table = try #require(try await session.catalog().tables.first { $0.name == "t" })
                    await #expect(throws: ConnectorError.self) { _ = try await session.checkFilter("id > 1", on: table) }
                    _ = try await PostgresProbe.rows(admin, "ROLLBACK")
                    #expect(try await session.checkFilter("id > 1", on: table) == nil)
                    #expect(try await session.checkFilter("no_such_column > 1", on: table)?.contains("no_such_column") == true)
                    #expect(try await PostgresProbe.rows(admin, granted) == [["false"]])
                    #expect(try await PostgresProbe.rows(admin, "SELECT relrowsecurity::text FROM pg_class WHERE relname = 't'") == [["false"]])
                    // And the session is usable again afterwards.
                    try await session.apply(["GRANT SELECT ON t TO \(reader)"])
                    #expect(try await PostgresProbe.rows(admin, granted) == [["true"]])
                } catch {
                    await session.close()
                    try? await admin.close()
                    throw error
                }
                await session.close()
                try? await admin.close()
            }
        } catch {
            try? await PolicySyncAgreementTests.dropRoles(base, [sync, reader])
            throw error
        }
        try await PolicySyncAgreementTests.dropRoles(base, [sync, reader])
    }
}
