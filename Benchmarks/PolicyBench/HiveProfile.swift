// SPDX-License-Identifier: Apache-2.0

import RampartPolicy

/// The realistic profile: the shape of a Hive deployment's policy set, where a request's resource
/// matches many policies and most of them do not name the requester.
///
/// - Ranger's Hive service definition (database, table, udf, column, url, hiveservice, global;
///   its fourteen access types, `all` implying the rest).
/// - Allow policies on database/table/column. About 20% use wildcards, among them prefix
///   wildcards at the database level (`db1*` with every table and column), so a request's resource
///   matches about 140 policies (the median is printed).
/// - 2,000 users, each in 1 to 3 of 500 groups; a policy item names 0 to 2 users and 0 to 2 groups
///   (at least one principal), 1 or 2 items per policy, 5% of policies with a deny item.
/// - Half the requests aim at an existing policy's resource, half at a random table and column.
struct HiveProfile {
    static let databases = 100
    static let tablesPerDatabase = 200
    static let columnsPerTable = 30
    static let users = (0..<2000).map { "user\($0)" }
    static let groups = (0..<500).map { "group\($0)" }
    static let accessTypes = [
        "select", "update", "create", "drop", "alter", "index", "lock", "read", "write", "repladmin", "serviceadmin", "tempudfadmin", "refresh",
    ]

    static let serviceDef: ServiceDef = {
        let matcher = "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher"
        let options = ["wildCard": "true", "ignoreCase": "true"]
        return ServiceDef(
            name: "hive",
            resources: [
                ResourceDef(name: "database", level: 10, mandatory: true, matcher: matcher, matcherOptions: options),
                ResourceDef(name: "table", level: 20, parent: "database", mandatory: true, matcher: matcher, matcherOptions: options),
                ResourceDef(name: "udf", level: 20, parent: "database", mandatory: true, matcher: matcher, matcherOptions: options),
                ResourceDef(name: "column", level: 30, parent: "table", mandatory: true, matcher: matcher, matcherOptions: options),
                ResourceDef(
                    name: "url", level: 10, mandatory: true, recursiveSupported: true,
                    matcher: "org.apache.ranger.plugin.resourcematcher.RangerURLResourceMatcher",
                    matcherOptions: ["wildCard": "true", "ignoreCase": "false"]),
                ResourceDef(name: "hiveservice", level: 10, mandatory: true, matcher: matcher, matcherOptions: options),
                ResourceDef(name: "global", level: 10, mandatory: true, matcher: matcher, matcherOptions: options),
            ],
            accessTypes: accessTypes.map { AccessTypeDef(name: $0) } + [AccessTypeDef(name: "all", impliedGrants: accessTypes)])
    }()

    /// Each user's groups: 1 to 3 of the 500.
    let memberships: [String: Set<String>]
    let policies: [Policy]
    /// The concrete resource each policy was written for (wildcards instantiated).
    let targets: [[String: String]]

    init(policyCount: Int, rng: inout LCG) {
        var memberships: [String: Set<String>] = [:]
        for user in Self.users {
            memberships[user] = Set((0..<(1 + rng.int(3))).map { _ in Self.groups[rng.int(Self.groups.count)] })
        }
        self.memberships = memberships
        var policies: [Policy] = []
        var targets: [[String: String]] = []
        policies.reserveCapacity(policyCount)
        for i in 0..<policyCount {
            let db = rng.int(Self.databases)
            let table = rng.int(Self.tablesPerDatabase)
            let column = rng.int(Self.columnsPerTable)
            var values = ["database": "db\(db)", "table": "tbl\(table)", "column": "col\(column)"]
            if rng.int(100) < 20 {
                switch rng.int(10) {
                case 0..<6:
                    // A database family: `db1*` covers db1 and db10–db19, every table and column.
                    values = ["database": "db\(1 + rng.int(9))*", "table": "*", "column": "*"]
                case 6: values["table"] = "*"
                case 7: values["table"] = "tbl\(table / 10)*"
                case 8: values["column"] = "*"
                default: values["column"] = "col\(column / 10)*"
                }
            }
            targets.append(Self.instantiate(values, &rng))
            var items: [PolicyItem] = []
            for _ in 0..<(1 + rng.int(2)) { items.append(Self.item(&rng, accesses: Self.accesses(&rng))) }
            let deny = rng.int(100) < 5 ? [Self.item(&rng, accesses: [PolicyItemAccess(type: "select")])] : []
            policies.append(
                Policy(
                    id: Int64(i + 1), name: "hive-\(i)", resources: values.mapValues { PolicyResource(values: [$0]) }, policyItems: items,
                    denyPolicyItems: deny))
        }
        self.policies = policies
        self.targets = targets
    }

    /// Half the requests aim at a policy's own resource, half anywhere.
    func requests(_ count: Int, rng: inout LCG) -> [AccessRequest] {
        (0..<count).map { _ in
            let resource =
                rng.int(2) == 0
                ? targets[rng.int(targets.count)]
                : [
                    "database": "db\(rng.int(Self.databases))", "table": "tbl\(rng.int(Self.tablesPerDatabase))",
                    "column": "col\(rng.int(Self.columnsPerTable))",
                ]
            let user = Self.users[rng.int(Self.users.count)]
            let accessType = rng.int(3) == 0 ? "update" : "select"
            return AccessRequest(
                resource: AccessResource(resource), accessType: accessType, user: user, userGroups: memberships[user] ?? [])
        }
    }

    private static func item(_ rng: inout LCG, accesses: [PolicyItemAccess]) -> PolicyItem {
        var userCount = rng.int(3)
        let groupCount = rng.int(3)
        if userCount + groupCount == 0 { userCount = 1 }
        return PolicyItem(
            accesses: accesses, users: (0..<userCount).map { _ in users[rng.int(users.count)] },
            groups: (0..<groupCount).map { _ in groups[rng.int(groups.count)] })
    }

    private static func accesses(_ rng: inout LCG) -> [PolicyItemAccess] {
        switch rng.int(20) {
        case 0: [PolicyItemAccess(type: "all")]
        case 1..<8: [PolicyItemAccess(type: "select")]
        case 8..<10: [PolicyItemAccess(type: "select"), PolicyItemAccess(type: "update")]
        default: [PolicyItemAccess(type: accessTypes[rng.int(accessTypes.count)])]
        }
    }

    /// A concrete resource a wildcard policy covers.
    private static func instantiate(_ values: [String: String], _ rng: inout LCG) -> [String: String] {
        var concrete: [String: String] = [:]
        // In a fixed order: the generator's draws must not follow a dictionary's hash seed.
        for name in values.keys.sorted() {
            let value = values[name] ?? ""
            if value == "*" {
                concrete[name] = name == "table" ? "tbl\(rng.int(tablesPerDatabase))" : "col\(rng.int(columnsPerTable))"
            } else if value.hasSuffix("*") {
                concrete[name] = value.dropLast() + (rng.int(2) == 0 ? "" : "\(rng.int(10))")
            } else {
                concrete[name] = value
            }
        }
        return concrete
    }
}
