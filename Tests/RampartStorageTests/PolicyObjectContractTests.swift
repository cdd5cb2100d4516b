// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// The storage contract of policy administration, on SQLite and (when configured) PostgreSQL.
@Suite struct PolicyObjectContractTests {
    static func object(_ kind: PolicyObjectKind, _ id: Int64, _ name: String, scope: String = "", ref: String = "") -> PolicyObject {
        PolicyObject(
            kind: kind, id: id, name: name, scope: scope, ref: ref, document: "{\"name\":\"\(name)\"}", version: 1, createdAt: 5, updatedAt: 5)
    }

    @Test(arguments: TestEngine.available)
    func objectsRoundTripAndStayInTheirTenant(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let a = StoreContractTests.tenant("tenant-a")
                let b = StoreContractTests.tenant("tenant-b")
                let policies = (1...7).map { Self.object(.policy, Int64($0), "p\($0)", scope: "hive1", ref: $0 == 3 ? "zone1" : "") }
                try await store.write { tx async throws in
                    try await tx.insertTenant(a)
                    try await tx.insertTenant(b)
                    try await tx.insertPolicyObjects([Self.object(.service, 1, "hive1", ref: "hive")] + policies, in: a.id)
                }
                try await store.read { tx async throws in
                    #expect(try await tx.policyObject(.policy, id: 3, in: a.id) == policies[2])
                    #expect(try await tx.policyObject(.policy, id: 3, in: b.id) == nil)
                    #expect(try await tx.policyObject(.policy, name: "p3", scope: "hive1", in: a.id)?.id == 3)
                    #expect(try await tx.policyObject(.policy, name: "p3", scope: "hive1", in: b.id) == nil)
                    #expect(try await tx.allPolicyObjects(.policy, scope: "hive1", in: a.id).count == 7)
                    #expect(try await tx.allPolicyObjects(.policy, scope: nil, in: b.id).isEmpty)
                    #expect(try await tx.countPolicyObjects(.policy, ref: "zone1", in: a.id) == 1)
                    #expect(try await tx.countPolicyObjects(.service, ref: "hive", in: b.id) == 0)
                    let first = try await tx.policyObjects(.policy, scope: "hive1", in: a.id, page: PageRequest(limit: 5))
                    #expect(first.items.map(\.id) == [1, 2, 3, 4, 5] && first.nextCursor == "5")
                    let second = try await tx.policyObjects(.policy, scope: nil, in: a.id, page: PageRequest(limit: 5, after: "5"))
                    #expect(second.items.map(\.id) == [6, 7] && second.nextCursor == nil)
                }
                var changed = policies[0]
                changed.document = "{\"changed\":true}"
                changed.version = 2
                changed.name = "renamed"
                let update = changed
                try await store.write { tx async throws in
                    try await tx.updatePolicyObject(update, in: b.id)  // another tenant's update touches nothing
                    #expect(try await tx.deletePolicyObject(.policy, id: 2, in: b.id) == false)
                    #expect(try await tx.deletePolicyObjects(.policy, scope: "hive1", in: b.id) == 0)
                }
                #expect(try await store.read { try await $0.policyObject(.policy, id: 1, in: a.id) } == policies[0])
                try await store.write { tx async throws in try await tx.updatePolicyObject(update, in: a.id) }
                #expect(try await store.read { try await $0.policyObject(.policy, id: 1, in: a.id) } == update)
                // Names are unique per tenant, kind and scope.
                await #expect(throws: RampartError.self) {
                    try await store.write { try await $0.insertPolicyObjects([Self.object(.policy, 99, "p4", scope: "hive1")], in: a.id) }
                }
                try await store.write { try await $0.insertPolicyObjects([Self.object(.policy, 99, "p4", scope: "hive2")], in: a.id) }
                #expect(try await store.write { try await $0.deletePolicyObject(.policy, id: 2, in: a.id) })
                #expect(try await store.write { try await $0.deletePolicyObjects(.policy, scope: "hive1", in: a.id) } == 6)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func versionsArePerTenantAndIdsAreNeverReused(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let a = StoreContractTests.tenant("tenant-a")
                let b = StoreContractTests.tenant("tenant-b")
                try await store.write { tx async throws in
                    try await tx.insertTenant(a)
                    try await tx.insertTenant(b)
                }
                #expect(try await store.read { try await $0.policyVersion(in: a.id) } == 0)
                #expect(try await store.write { try await $0.bumpPolicyVersion(in: a.id, at: 1) } == 1)
                #expect(try await store.write { try await $0.bumpPolicyVersion(in: a.id, at: 2) } == 2)
                #expect(try await store.write { try await $0.bumpPolicyVersion(in: b.id, at: 3) } == 1)
                // A rolled-back write leaves the version where it was.
                await #expect(throws: RampartError.self) {
                    try await store.write { tx async throws in
                        _ = try await tx.bumpPolicyVersion(in: a.id, at: 4)
                        throw RampartError(.validationFailed, "abort")
                    }
                }
                #expect(try await store.read { try await $0.policyVersion(in: a.id) } == 2)
                let versions = Dictionary(
                    uniqueKeysWithValues: try await store.read { try await $0.policyVersions() }.map { ($0.tenant, $0.version) })
                #expect(versions == [a.id: 2, b.id: 1])

                let first = try await store.write { try await $0.allocatePolicyObjectIDs(.policy, count: 3) }
                let second = try await store.write { try await $0.allocatePolicyObjectIDs(.policy, count: 1) }
                let role = try await store.write { try await $0.allocatePolicyObjectIDs(.role, count: 1) }
                #expect(first == 1 && second == 4 && role == 1, "one sequence per kind, shared by all tenants")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func activeUserGroupsResolvesABatchInOneQuery(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let a = StoreContractTests.tenant("tenant-a")
                let b = StoreContractTests.tenant("tenant-b")
                let alice = StoreContractTests.user("alice", in: a.id)
                let bob = StoreContractTests.user("bob", in: a.id)
                var carol = StoreContractTests.user("carol", in: a.id)
                carol.status = .disabled
                let bobInB = StoreContractTests.user("bob", in: b.id)
                let analysts = Group(id: .generate(), tenantID: a.id, name: "analysts", description: nil, createdAt: 1, updatedAt: 1)
                let auditors = Group(id: .generate(), tenantID: a.id, name: "auditors", description: nil, createdAt: 1, updatedAt: 1)
                let carolRow = carol
                try await store.write { tx async throws in
                    try await tx.insertTenant(a)
                    try await tx.insertTenant(b)
                    for user in [alice, bob, carolRow, bobInB] { try await tx.insertUser(user) }
                    try await tx.insertGroup(analysts)
                    try await tx.insertGroup(auditors)
                    _ = try await tx.addMember(alice.id, to: analysts.id, in: a.id, at: 1)
                    _ = try await tx.addMember(alice.id, to: auditors.id, in: a.id, at: 1)
                    _ = try await tx.addMember(carolRow.id, to: analysts.id, in: a.id, at: 1)
                }
                let groups = try await store.read { try await $0.activeUserGroups(usernames: ["alice", "bob", "carol", "ghost"], in: a.id) }
                #expect(groups.mapValues { Set($0) } == ["alice": ["analysts", "auditors"], "bob": []])
                #expect(try await store.read { try await $0.activeUserGroups(usernames: ["alice"], in: b.id) }.isEmpty)
                #expect(try await store.read { try await $0.activeUserGroups(usernames: [], in: a.id) }.isEmpty)
            }
        }
    }

    /// Services stored by 0002 as whole documents come out of 0003 as separate objects.
    @Test(arguments: TestEngine.available)
    func migrationMovesWholeServiceDocumentsIntoObjects(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { fresh in
            try await withDatabase(fresh.configuration, logger: .init(label: "rampart-test")) { database in
                try await Migrator(database: database, migrations: Array(Migrations.all.prefix(2))).migrate()
                let tenant = StoreContractTests.tenant("acme")
                try await SQLStore(database: database).write { try await $0.insertTenant(tenant) }
                let policies = """
                    [{"id": 7, "name": "p", "zoneName": "", "resources": {"database": {"values": ["x"]}}},
                     {"id": 8, "name": "p", "resources": {"database": {"values": ["y"]}}}]
                    """
                try await database.transaction { sql in
                    try await sql.raw(
                        """
                        INSERT INTO policy_services (tenant_id, name, service_def, service, policies, version, updated_at)
                        VALUES (\(bind: tenant.id.rawValue), 'dev_hive', '{"name": "hive", "resources": []}', '{"name": "dev_hive"}',
                                \(bind: policies), 3, 9)
                        """
                    ).run()
                }
                try await Migrator(database: database).migrate()
                let store = SQLStore(database: database)
                try await store.read { tx async throws in
                    #expect(try await tx.policyVersion(in: tenant.id) == 1)
                    let service = try await tx.policyObject(.service, name: "dev_hive", scope: "", in: tenant.id)
                    #expect(service?.ref == "hive" && service?.version == 3)
                    #expect(try await tx.policyObject(.serviceDef, name: "hive", scope: "", in: tenant.id) != nil)
                    let migrated = try await tx.allPolicyObjects(.policy, scope: "dev_hive", in: tenant.id)
                    #expect(migrated.map(\.name) == ["p", "p (2)"], "duplicate names are made unique")
                    #expect(migrated.allSatisfy { $0.document.contains("\"service\":\"dev_hive\"") })
                }
                #expect(try await store.write { try await $0.allocatePolicyObjectIDs(.policy, count: 1) } == 3)
            }
        }
    }
}
