// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartPolicy

/// A small deterministic generator (SplitMix64), so every run builds the same estate.
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

    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    /// `count` distinct items, in their original order.
    mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
        var indices = Array(items.indices)
        indices.shuffle(using: &self)
        return indices.prefix(min(count, items.count)).sorted().map { items[$0] }
    }
}

/// The estate the benchmark governs: tables across a few schemas, groups, users in groups, and
/// Ranger policies (JSON, as an administrator would publish them) over the `pgsql` service.
struct Workload {
    struct Table {
        var schema: String
        var name: String
        var columns: [(name: String, type: String)]
        /// As Ranger names it: `schema.table`, or `table` in `public`.
        var resourceName: String { schema == "public" ? name : "\(schema).\(name)" }
        var sqlName: String { "\"\(schema)\".\"\(name)\"" }
    }

    struct User {
        var role: String
        var groups: [String]
    }

    /// The Ranger `database` resource the policies name.
    static let database = "warehouse"
    static let schemas: [(name: String, bases: [String], departments: [String])] = [
        ("sales", ["orders", "customers", "invoices", "leads", "quotes"], ["sales", "marketing", "exec"]),
        ("finance", ["ledger", "payments", "budgets", "accounts", "expenses"], ["finance", "audit", "exec"]),
        ("hr", ["employees", "payroll", "reviews", "benefits", "candidates"], ["hr", "legal", "exec"]),
        ("ops", ["shipments", "inventory", "tickets", "incidents", "assets"], ["ops", "eng", "support"]),
        ("public", ["events", "metrics", "sessions", "lookups", "logs"], ["eng", "support", "marketing", "ops"]),
    ]
    static let departments = ["sales", "finance", "hr", "ops", "eng", "support", "legal", "marketing", "exec", "audit"]
    static let functions = ["analysts", "engineers", "managers", "readers", "admins"]
    /// Every table has `id integer` and nine of these.
    static let columnPool: [(name: String, type: String)] = [
        ("name", "text"), ("email", "text"), ("phone", "text"), ("region", "text"), ("status", "text"), ("note", "text"),
        ("code", "text"), ("amount", "integer"), ("quantity", "integer"), ("score", "integer"), ("created_on", "date"),
        ("updated_on", "date"), ("birth_date", "date"),
    ]
    static let sensitiveColumns = ["email", "phone", "birth_date", "amount"]
    /// The table the masking view's overhead is measured on: three masked columns for one group.
    static let big = Table(
        schema: "sales", name: "customers_000",
        columns: [
            ("id", "integer"), ("name", "text"), ("email", "text"), ("phone", "text"), ("region", "text"), ("status", "text"),
            ("amount", "integer"), ("created_on", "date"), ("birth_date", "date"), ("note", "text"),
        ])
    static let bigMasks = [("email", "MASK"), ("phone", "MASK_SHOW_LAST_4"), ("birth_date", "MASK_DATE_SHOW_YEAR")]
    static let maskedGroup = "sales_analysts"

    var tables: [Table] = []
    var groups: [String] = []
    var users: [User] = []
    /// Ranger policy objects, ids 1…n.
    var policies: [[String: Any]] = []
    /// How many policies of each kind, for the header.
    var kinds: [(String, Int)] = []
    /// Decision items beyond plain allows: deny items, allow and deny exceptions.
    var denyItems = 0
    var exceptions = 0

    init(tables tableCount: Int, users userCount: Int, policies policyCount: Int, suffix: String, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        groups = Self.departments.flatMap { department in Self.functions.map { "\(department)_\($0)" } }
        // Tables: spread evenly over the schemas and, within one, over its table families.
        for index in 0..<tableCount {
            let schema = Self.schemas[index % Self.schemas.count]
            let within = index / Self.schemas.count
            let base = schema.bases[within % schema.bases.count]
            let name = "\(base)_" + String(format: "%03d", within / schema.bases.count)
            if schema.name == Self.big.schema && name == Self.big.name {
                tables.append(Self.big)
                continue
            }
            tables.append(Table(schema: schema.name, name: name, columns: [("id", "integer")] + random.sample(Self.columnPool, 9)))
        }
        if !tables.contains(where: { $0.schema == Self.big.schema && $0.name == Self.big.name }) { tables[0] = Self.big }
        for index in 0..<userCount {
            let count = 1 + random.int(3)
            users.append(User(role: "sb_\(suffix)_u" + String(format: "%03d", index), groups: random.sample(groups, count)))
        }
        generatePolicies(count: policyCount, &random)
    }

    // MARK: Policies

    static func item(users: [String] = [], groups: [String] = [], accesses: [String]) -> [String: Any] {
        var item: [String: Any] = ["accesses": accesses.map { ["type": $0, "isAllowed": true] }]
        if !users.isEmpty { item["users"] = users }
        if !groups.isEmpty { item["groups"] = groups }
        return item
    }

    func groupsOf(_ schema: String) -> [String] {
        let departments = Self.schemas.first { $0.name == schema }?.departments ?? Self.departments
        return groups.filter { group in departments.contains { group.hasPrefix($0 + "_") } }
    }

    /// Table resource values covering a whole schema (`public` tables are named without one).
    static func wholeSchema(_ schema: String) -> [String] {
        schema == "public" ? (schemas.first { $0.name == "public" }?.bases ?? []).map { "\($0)_*" } : ["\(schema).*"]
    }

    static func family(_ schema: String, _ base: String, narrower: String = "") -> String {
        schema == "public" ? "\(base)_\(narrower)*" : "\(schema).\(base)_\(narrower)*"
    }

    mutating func generatePolicies(count: Int, _ random: inout SplitMix64) {
        let maskCount = max(3, count / 10)
        let filterCount = max(1, count / 20)
        let accessCount = count - maskCount - filterCount
        var counts: [String: Int] = [:]
        func add(_ kind: String, _ policy: [String: Any]) {
            var policy = policy
            let id = policies.count + 1
            policy["id"] = id
            policy["name"] = "\(kind) \(id)"
            policy["service"] = "pgsql_bench"
            policy["isEnabled"] = true
            policies.append(policy)
            counts[kind, default: 0] += 1
        }
        func access(_ tables: [String], _ columns: [String], items: [[String: Any]]) -> [String: Any] {
            [
                "policyType": 0, "policyItems": items,
                "resources": [
                    "database": ["values": [Self.database]], "table": ["values": tables], "column": ["values": columns],
                ],
            ]
        }
        func accesses(write: Int, delete: Int) -> [String] {
            var types = ["select"]
            if random.chance(write) { types += ["insert", "update"] }
            if random.chance(delete) { types.append("delete") }
            return types
        }
        // A few standing grants every estate has.
        add("schema-wide", access(["sales.*"], ["*"], items: [Self.item(groups: [Self.maskedGroup, "sales_managers"], accesses: ["select"])]))
        add("estate-wide", access(["*"], ["*"], items: [Self.item(groups: ["exec_readers"], accesses: ["select"])]))
        add("estate-wide", access(["finance.*", "hr.*"], ["*"], items: [Self.item(groups: ["audit_readers"], accesses: ["select"])]))
        var admins = access(["*"], ["*"], items: [Self.item(groups: ["eng_admins"], accesses: ["select", "insert", "update", "delete"])])
        admins["allowExceptions"] = [Self.item(users: random.sample(users.map(\.role), 2), accesses: ["insert", "update", "delete"])]
        exceptions += 1
        add("estate-wide", admins)
        while policies.count < accessCount {
            let schema = random.pick(Self.schemas)
            let candidates = groupsOf(schema.name)
            let roll = random.int(100)
            var policy: [String: Any]
            let kind: String
            if roll < 35 {
                kind = "schema-wide"
                policy = access(
                    Self.wholeSchema(schema.name), ["*"],
                    items: (0..<(1 + random.int(2))).map { _ in
                        Self.item(groups: random.sample(candidates, 1 + random.int(2)), accesses: accesses(write: 25, delete: 10))
                    })
            } else if roll < 65 {
                kind = "table-family"
                let base = random.pick(schema.bases)
                let narrower = random.chance(30) ? String(random.int(4)) : ""
                let columns = random.chance(50) ? ["*"] : ["id"] + random.sample(Self.columnPool.map(\.name), 3 + random.int(5))
                policy = access(
                    [Self.family(schema.name, base, narrower: narrower)], columns,
                    items: [Self.item(groups: random.sample(candidates, 1 + random.int(2)), accesses: accesses(write: 40, delete: 15))])
            } else if roll < 85 {
                kind = "specific-table"
                let mine = tables.filter { $0.schema == schema.name && !($0.schema == Self.big.schema && $0.name == Self.big.name) }
                let chosen = random.sample(mine, 1 + random.int(3))
                let columns = ["id"] + random.sample(Self.columnPool.map(\.name), 3 + random.int(6))
                let named = random.chance(40) ? random.sample(users.map(\.role), 1 + random.int(5)) : []
                let granted = named.isEmpty || random.chance(30) ? random.sample(candidates, 1 + random.int(2)) : []
                policy = access(
                    chosen.map(\.resourceName), columns,
                    items: [Self.item(users: named, groups: granted, accesses: accesses(write: 50, delete: 20))])
            } else {
                kind = "deny"
                let scope = random.chance(50) ? Self.wholeSchema(schema.name) : [Self.family(schema.name, random.pick(schema.bases))]
                // The measured table's groups are never denied, so its masked and unmasked readers exist.
                let denied = random.sample(groups.filter { $0 != Self.maskedGroup && $0 != "sales_managers" }, 1 + random.int(2))
                policy = access(
                    scope, random.sample(Self.sensitiveColumns, 1 + random.int(3)),
                    items: random.chance(50) ? [Self.item(groups: random.sample(candidates, 1), accesses: ["select"])] : [])
                policy["denyPolicyItems"] = [Self.item(groups: denied, accesses: random.chance(70) ? ["select"] : ["select", "update"])]
                denyItems += 1
                if random.chance(40) {
                    policy["denyExceptions"] = [Self.item(users: random.sample(users.map(\.role), 1 + random.int(2)), accesses: ["select"])]
                    exceptions += 1
                }
            }
            if kind != "deny", random.chance(15) {
                policy["allowExceptions"] = [
                    Self.item(users: random.sample(users.map(\.role), 1 + random.int(3)), accesses: ["select", "insert", "update", "delete"])
                ]
                exceptions += 1
            }
            add(kind, policy)
        }
        // Masks: three on the measured table for one group, the rest on random text, number and
        // date columns.
        func mask(_ table: Table, _ column: String, _ type: String, groups: [String]) -> [String: Any] {
            [
                "policyType": 1,
                "resources": [
                    "database": ["values": [Self.database]], "table": ["values": [table.resourceName]], "column": ["values": [column]],
                ],
                "dataMaskPolicyItems": [
                    Self.item(groups: groups, accesses: ["select"]).merging(["dataMaskInfo": ["dataMaskType": type]]) { $1 }
                ],
            ]
        }
        for (column, type) in Self.bigMasks { add("mask", mask(Self.big, column, type, groups: [Self.maskedGroup])) }
        var maskedColumns: Set<String> = []
        let others = tables.filter { !($0.schema == Self.big.schema && $0.name == Self.big.name) }
        while policies.count < accessCount + maskCount {
            let table = random.pick(others)
            let (column, type) = random.pick(Array(table.columns.dropFirst()))
            guard maskedColumns.insert("\(table.resourceName).\(column)").inserted else { continue }
            let types =
                switch type {
                case "date": ["MASK_DATE_SHOW_YEAR", "MASK_NULL"]
                case "integer": ["MASK_NULL", "MASK"]
                default: ["MASK", "MASK_SHOW_LAST_4", "MASK_SHOW_FIRST_4", "MASK_NULL"]
                }
            add("mask", mask(table, column, random.pick(types), groups: random.sample(groupsOf(table.schema), 1 + random.int(2))))
        }
        // Row filters on tables other than the measured one.
        var filtered: Set<String> = []
        while policies.count < count {
            let table = random.pick(others)
            guard filtered.insert(table.resourceName).inserted else { continue }
            let names = Set(table.columns.map(\.name))
            let expression =
                if names.contains("region") {
                    "region = 'EU'"
                } else if names.contains("status") {
                    "status <> 'closed'"
                } else if names.contains("amount") {
                    "amount < 10000"
                } else if names.contains("created_on") {
                    "created_on >= DATE '2024-01-01'"
                } else {
                    "id % 2 = 0"
                }
            add(
                "row-filter",
                [
                    "policyType": 2, "resources": ["database": ["values": [Self.database]], "table": ["values": [table.resourceName]]],
                    "rowFilterPolicyItems": [
                        Self.item(groups: random.sample(groupsOf(table.schema), 1 + random.int(2)), accesses: ["select"])
                            .merging(["rowFilterInfo": ["filterExpr": expression]]) { $1 }
                    ],
                ])
        }
        kinds = ["estate-wide", "schema-wide", "table-family", "specific-table", "deny", "mask", "row-filter"].map { ($0, counts[$0] ?? 0) }
    }

    /// One policy change, as an administrator would make it: the first specific-table policy
    /// also grants one more group. Returns what changed.
    mutating func changeOnePolicy() -> String {
        guard
            let index = policies.firstIndex(where: { ($0["name"] as? String)?.hasPrefix("specific-table") ?? false }),
            var items = policies[index]["policyItems"] as? [[String: Any]], !items.isEmpty,
            let resources = policies[index]["resources"] as? [String: Any],
            let tables = (resources["table"] as? [String: Any])?["values"] as? [String]
        else { return "no specific-table policy to change" }
        let schema = tables.first.map { $0.contains(".") ? String($0.prefix { $0 != "." }) : "public" } ?? "public"
        var groups = items[0]["groups"] as? [String] ?? []
        let added = groupsOf(schema).first { !groups.contains($0) } ?? groups.first ?? "public"
        groups.append(added)
        items[0]["groups"] = groups
        policies[index]["policyItems"] = items
        return "policy \(index + 1) (\(tables.joined(separator: ", "))) now also grants group \(added)"
    }

    /// The `pgsql` service definition the sync tests use: database, table, column; four access
    /// types; the mask types enforcement expresses; row filters on tables.
    static let serviceDefinition = """
        {"name": "pgsql",
         "resources": [
           {"name": "database", "level": 10, "matcherOptions": {"wildCard": "true"}},
           {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "true"}},
           {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "true"}}],
         "accessTypes": [{"name": "select"}, {"name": "insert"}, {"name": "update"}, {"name": "delete"}],
         "dataMaskDef": {
           "maskTypes": [{"name": "MASK"}, {"name": "MASK_SHOW_LAST_4"}, {"name": "MASK_SHOW_FIRST_4"}, {"name": "MASK_NULL"},
                         {"name": "MASK_NONE"}, {"name": "MASK_DATE_SHOW_YEAR"}],
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

    /// The published state of the service: the snapshot the decision API and the sync read.
    func servicePolicies(version: Int64) throws -> ServicePolicies {
        let decoder = JSONDecoder()
        let serviceDef = try decoder.decode(ServiceDef.self, from: Data(Self.serviceDefinition.utf8))
        let decoded = try decoder.decode([Policy].self, from: JSONSerialization.data(withJSONObject: policies))
        let snapshot = try PolicySnapshot(serviceDef: serviceDef, service: Service(name: "pgsql_bench", type: "pgsql"), policies: decoded)
        let stamp = ObjectStamp(id: 1, version: version)
        return ServicePolicies(snapshot: snapshot, version: version, inputs: SnapshotInputs(service: stamp, serviceDef: stamp))
    }
}
