// SPDX-License-Identifier: Apache-2.0

import RampartPolicy

/// The first profile, kept for comparison: a Hive-like service (database/table/column), 200
/// users, 50 groups, ~20% wildcard policies, requests for one policy's database and table.
/// About one policy matches a request's resource, and few requests are allowed.
struct EasyProfile {
    static let users = (0..<200).map { "user\($0)" }
    static let groups = (0..<50).map { "group\($0)" }
    static let databases = 100

    static let serviceDef: ServiceDef = {
        let matcher = "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher"
        let options = ["wildCard": "true", "ignoreCase": "true"]
        return ServiceDef(
            name: "hive",
            resources: [
                ResourceDef(name: "database", level: 1, matcher: matcher, matcherOptions: options),
                ResourceDef(name: "table", level: 2, parent: "database", matcher: matcher, matcherOptions: options),
                ResourceDef(name: "column", level: 3, parent: "table", matcher: matcher, matcherOptions: options),
            ],
            accessTypes: ["select", "update", "create", "drop", "alter", "index", "lock", "read", "write"].map { AccessTypeDef(name: $0) }
                + [AccessTypeDef(name: "all", impliedGrants: ["select", "update", "create", "drop", "alter", "index", "lock", "read", "write"])]
        )
    }()

    let policies: [Policy]
    let policyCount: Int

    init(policyCount: Int, rng: inout LCG) {
        self.policyCount = policyCount
        var out: [Policy] = []
        out.reserveCapacity(policyCount)
        for i in 0..<policyCount {
            let wildcard = rng.int(100) < 20
            let db = "db\(i % Self.databases)"
            var table = "tbl\(i)"
            var column = "col\(rng.int(20))"
            if wildcard {
                switch rng.int(4) {
                case 0: table = "tbl\(i % 97)*"
                case 1: column = "*"
                case 2: table = "*"
                default: column = "col\(rng.int(5))*"
                }
            }
            var items: [PolicyItem] = []
            for _ in 0..<(1 + rng.int(2)) {
                items.append(
                    PolicyItem(
                        accesses: [PolicyItemAccess(type: rng.int(2) == 0 ? "select" : "update")],
                        users: (0..<3).map { _ in Self.users[rng.int(Self.users.count)] }, groups: [Self.groups[rng.int(Self.groups.count)]]))
            }
            let deny: [PolicyItem] =
                rng.int(100) < 5 ? [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: [Self.users[rng.int(Self.users.count)]])] : []
            out.append(
                Policy(
                    id: Int64(i + 1), name: "p\(i)",
                    resources: [
                        "database": PolicyResource(values: [db]), "table": PolicyResource(values: [table]),
                        "column": PolicyResource(values: [column]),
                    ],
                    policyItems: items, denyPolicyItems: deny))
        }
        policies = out
    }

    func requests(_ count: Int, rng: inout LCG) -> [AccessRequest] {
        (0..<count).map { _ in
            let t = rng.int(policyCount)
            return AccessRequest(
                resource: AccessResource(["database": "db\(t % Self.databases)", "table": "tbl\(t)", "column": "col\(rng.int(20))"]),
                accessType: rng.int(2) == 0 ? "select" : "update", user: Self.users[rng.int(Self.users.count)],
                userGroups: [Self.groups[rng.int(Self.groups.count)], Self.groups[rng.int(Self.groups.count)]])
        }
    }
}
