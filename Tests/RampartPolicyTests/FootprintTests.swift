// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartPolicy

/// A resource's footprint stands for everything evaluation reads of the resource: evaluating with
/// it changes nothing, and resources with equal footprints are decided alike.
@Suite struct FootprintTests {
    let service = Service(name: "dev_hive", type: "hive")

    /// SplitMix64, so a failing case can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    static let databases = ["db1", "db2"]
    static let tables = ["t1", "t2", "t10", "orders"]
    static let columns = ["id", "ssn", "name", "born"]
    static let users = ["u1", "u2", "u3", "own"]
    static let groups = ["g1", "g2", "g3"]

    /// Random access, mask and row-filter policies: wildcards, excludes, several resource sets,
    /// deny items and exceptions, deny-all-else, override priority, `{OWNER}`, `public`.
    static func policies(_ random: inout Random) -> [Policy] {
        var policies: [Policy] = []
        func value(_ values: [String]) -> String {
            switch random.int(4) {
            case 0: "*"
            case 1: String(random.pick(values).prefix(2)) + "*"
            default: random.pick(values)
            }
        }
        func resources(column: Bool = true, wildcards: Bool = true) -> [String: PolicyResource] {
            var set = [
                "database": PolicyResource(values: [wildcards ? value(databases) : random.pick(databases)]),
                "table": PolicyResource(values: [wildcards ? value(tables) : random.pick(tables)], isExcludes: wildcards && random.chance(10)),
            ]
            if column && (!wildcards || random.chance(80)) {
                set["column"] = PolicyResource(
                    values: [wildcards ? value(columns) : random.pick(columns)], isExcludes: wildcards && random.chance(10))
            }
            return set
        }
        func item(_ accesses: [String]) -> PolicyItem {
            var users = users.filter { _ in random.chance(25) }
            if random.chance(10) { users.append("{OWNER}") }
            var groups = groups.filter { _ in random.chance(30) }
            if random.chance(10) { groups.append("public") }
            return PolicyItem(accesses: accesses.map { PolicyItemAccess(type: $0) }, users: users, groups: groups)
        }
        func accesses() -> [String] {
            let chosen = ["select", "update", "all"].filter { _ in random.chance(40) }
            return chosen.isEmpty ? ["select"] : chosen
        }
        for id in 1...(4 + random.int(14)) {
            var policy = Policy(
                id: Int64(id), name: "p\(id)", policyPriority: random.chance(10) ? Policy.priorityOverride : Policy.priorityNormal,
                isDenyAllElse: random.chance(5), resources: resources(), policyItems: (0..<(1 + random.int(2))).map { _ in item(accesses()) })
            if random.chance(15) { policy.additionalResources = [resources()] }
            if random.chance(30) { policy.denyPolicyItems = [item(accesses())] }
            if random.chance(20) { policy.allowExceptions = [item(accesses())] }
            if random.chance(20) { policy.denyExceptions = [item(accesses())] }
            policies.append(policy)
        }
        for id in 100..<(100 + random.int(4)) {
            var policy = Policy(id: Int64(id), name: "m\(id)", policyType: .dataMask, resources: resources(wildcards: false))
            policy.dataMaskPolicyItems = (0..<(1 + random.int(2))).map { _ in
                var masked = item(["select"])
                masked.dataMaskInfo = DataMaskInfo(dataMaskType: random.pick(["MASK_SHOW_LAST_4", "MASK_NULL"]))
                return masked
            }
            policies.append(policy)
        }
        for id in 200..<(200 + random.int(3)) {
            var policy = Policy(id: Int64(id), name: "f\(id)", policyType: .rowFilter, resources: resources(column: false, wildcards: false))
            var filtered = item(["select"])
            filtered.rowFilterInfo = RowFilterInfo(filterExpr: random.pick(["id > 1", "name = 'x'"]))
            policy.rowFilterPolicyItems = [filtered]
            policies.append(policy)
        }
        return policies
    }

    /// Every database, table (with and without a column) and column, some owned.
    static func resources(_ random: inout Random) -> [AccessResource] {
        var resources: [AccessResource] = []
        for database in databases {
            resources.append(AccessResource(["database": database]))
            for table in tables {
                resources.append(AccessResource(["database": database, "table": table], ownerUser: random.chance(20) ? "own" : nil))
                for column in columns {
                    resources.append(
                        AccessResource(["database": database, "table": table, "column": column], ownerUser: random.chance(20) ? "own" : nil))
                }
            }
        }
        return resources
    }

    @Test func decisionsWithAFootprintAndWithoutAreTheSame() throws {
        var random = Random(state: 0xF007_9121)
        var compared = 0
        var alike = 0
        for _ in 0..<60 {
            let snapshot = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: Self.policies(&random))
            let resources = Self.resources(&random)
            var decided: [ResourceFootprint: [String: (AccessResult, DataMaskResult, RowFilterResult)]] = [:]
            for resource in resources {
                let access = try #require(snapshot.footprint(of: AccessRequest(resource: resource, accessType: "select", user: ""), type: .access))
                let mask = try #require(snapshot.footprint(of: AccessRequest(resource: resource, accessType: "select", user: ""), type: .dataMask))
                let filter = try #require(snapshot.footprint(of: AccessRequest(resource: resource, accessType: "select", user: ""), type: .rowFilter))
                for user in Self.users {
                    let groups = Set(Self.groups.filter { _ in random.chance(40) })
                    for accessType in ["select", "update", "", "_any"] {
                        let request = AccessRequest(resource: resource, accessType: accessType, user: user, userGroups: groups)
                        let results = (
                            snapshot.evaluate(request, footprint: access), snapshot.evaluateDataMask(request, footprint: mask),
                            snapshot.evaluateRowFilter(request, footprint: filter)
                        )
                        #expect(results.0 == snapshot.evaluate(request), "\(request)")
                        #expect(results.1 == snapshot.evaluateDataMask(request), "\(request)")
                        #expect(results.2 == snapshot.evaluateRowFilter(request), "\(request)")
                        compared += 1
                        // Another resource with these footprints was decided alike for the same request.
                        let key = "\(user)|\(groups.sorted())|\(accessType)"
                        if let other = decided[access]?[key] {
                            #expect(other.0 == results.0, "\(request)")
                            alike += 1
                        }
                        if let other = decided[mask]?[key] {
                            #expect(other.1 == results.1, "\(request)")
                        }
                        if let other = decided[filter]?[key] {
                            #expect(other.2 == results.2, "\(request)")
                        }
                        decided[access, default: [:]][key] = results
                        decided[mask, default: [:]][key] = results
                        decided[filter, default: [:]][key] = results
                    }
                }
            }
        }
        #expect(alike > 1000, "only \(alike) of \(compared) requests shared a footprint with an earlier one")
    }

    @Test func aFootprintFromAnotherSnapshotOrTypeIsIgnored() throws {
        let allow = Policy(
            id: 1, resources: TestData.res("db"), policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"])])
        let first = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [allow])
        let second = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [])
        let request = TestData.request("db", "t", "c", user: "a")
        let footprint = try #require(first.footprint(of: request, type: .access))
        #expect(footprint.policyCount == 1)
        #expect(!second.evaluate(request, footprint: footprint).isAllowed)
        let maskFootprint = try #require(second.footprint(of: request, type: .dataMask))
        #expect(first.evaluate(request, footprint: maskFootprint).isAllowed)
    }

    @Test func noFootprintWhenTheResourceMattersOtherwise() throws {
        let request = TestData.request("db", "t", "c", user: "a")
        // A token is matched per user.
        let tokens = Policy(
            id: 1, resources: TestData.res("db", "{USER}_*"), policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"])])
        let withTokens = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [tokens])
        #expect(withTokens.footprint(of: TestData.request("db", "a_t", "c", user: "a"), type: .access) == nil)
        // Zones are chosen by resource.
        let zone = SecurityZone(name: "fin", services: ["dev_hive": .init(resources: [["database": ["finance"]]])])
        let zoned = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [], zones: [zone])
        #expect(zoned.footprint(of: request, type: .access) == nil)
        // Tags are looked up by resource.
        let tagDef = ServiceDef(name: "tag", resources: [ResourceDef(name: "tag")], accessTypes: [AccessTypeDef(name: "hive:select")])
        let tagged = try PolicySnapshot(
            serviceDef: TestData.hiveDef, service: Service(name: "dev_hive", tagService: "tags"), policies: [], tagServiceDef: tagDef)
        #expect(tagged.footprint(of: request, type: .access) == nil)
    }
}
