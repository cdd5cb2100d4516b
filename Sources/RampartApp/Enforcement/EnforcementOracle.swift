// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartEnforcement
import RampartPolicy

/// A Rampart user as the database knows them: the login role they map to and their groups.
package struct EnforcementPrincipal: Sendable, Hashable {
    package var username: String
    package var role: String
    /// `nil` for a user who is disabled: governed, with no access.
    package var groups: Set<String>?

    package init(username: String, role: String, groups: Set<String>?) {
        self.username = username
        self.role = role
        self.groups = groups
    }
}

/// Derives the state a database should hold by asking the policy engine, the same way the
/// decision API answers: one ``AccessDecision`` per principal, column and access type.
///
/// It does not translate policy syntax: deny items, exceptions, tag policies fed by discovery,
/// roles, zones and validity all count because the engine counts them.
///
/// Two resources with the same ``ResourceFootprint`` (the same policies apply, matching the same
/// way) are decided alike for one principal, so each principal's decisions are worked out once per
/// footprint and access type: the columns of tables that the same policies cover share them. The
/// principals are decided in parallel; the snapshot is immutable.
package enum EnforcementOracle {
    /// Column-level access types, and the one decided on the table.
    package static let columnAccessTypes = ["select", "insert", "update"]
    package static let tableAccessType = "delete"

    /// How many decisions were asked for and how many the engine evaluated (the rest shared a
    /// footprint with one evaluated before).
    package struct Tally: Sendable, Hashable {
        package var asked = 0
        package var evaluated = 0
        /// Distinct footprints of the tables' and columns' resources.
        package var footprints = 0

        package init() {}
    }

    /// What each principal may do with each table, read from `target`'s policies, and how many
    /// decisions that took. The resources asked about are `database`, `table`
    /// (``CatalogTable/resourceName``) and `column`, as discovery names them when it tags.
    package static func decide(
        tables: [CatalogTable], principals: [EnforcementPrincipal], database: String, on target: ServicePolicies
    ) async -> (tables: [DesiredTable], tally: Tally) {
        let estate = await Estate(tables: tables, database: database, on: target)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = Self.chunks(principals.count, into: width * 4)
        // Per principal, the accesses it has, by table index.
        var (byPrincipal, tally) = await withTaskGroup(of: (Int, [[(Int, RoleTableAccess)]], Tally).self) { group in
            for (index, range) in chunks.enumerated() {
                group.addTask {
                    var tally = Tally()
                    var sets = ColumnSets()
                    let part = principals[range].map { principal in
                        guard let groups = principal.groups else { return [(Int, RoleTableAccess)]() }
                        var decider = Decider(principal: principal, groups: groups, estate: estate, target: target)
                        var accesses: [(Int, RoleTableAccess)] = []
                        for tableIndex in estate.tables.indices {
                            if let access = decider.access(to: tableIndex, sets: &sets) { accesses.append((tableIndex, access)) }
                        }
                        tally.asked += decider.asked
                        tally.evaluated += decider.evaluated
                        return accesses
                    }
                    return (index, part, tally)
                }
            }
            var parts = [[[(Int, RoleTableAccess)]]](repeating: [], count: chunks.count)
            var tally = Tally()
            for await (index, part, partTally) in group {
                parts[index] = part
                tally.asked += partTally.asked
                tally.evaluated += partTally.evaluated
            }
            return (parts.flatMap { $0 }, tally)
        }
        // In principal order, as one table at a time over every principal would give; each
        // principal's list is let go as soon as it is placed.
        var counts = [Int](repeating: 0, count: tables.count)
        for principal in byPrincipal {
            for (tableIndex, _) in principal { counts[tableIndex] += 1 }
        }
        var accesses = counts.map { count in
            var list: [RoleTableAccess] = []
            list.reserveCapacity(count)
            return list
        }
        for index in byPrincipal.indices {
            for (tableIndex, access) in byPrincipal[index] { accesses[tableIndex].append(access) }
            byPrincipal[index] = []
        }
        tally.footprints = estate.footprints
        return (zip(tables, accesses).map { DesiredTable(table: $0, accesses: $1) }, tally)
    }

    /// `count` items split into at most `parts` contiguous ranges.
    static func chunks(_ count: Int, into parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let size = (count + parts - 1) / parts
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    // MARK: Resources

    /// A resource asked about, and its footprints.
    struct Resource: Sendable {
        var resource: AccessResource
        var footprints: AccessDecision.Footprints
    }

    /// A table's resource and its columns', with the numbers that key a principal's decisions:
    /// the same number, the same footprints, the same decision; `-1`: decided every time.
    struct TableResources: Sendable {
        var resource: Resource
        var columns: [Resource]
        var names: [String]
        /// The number of the access footprint.
        var tableAccess = -1
        var columnAccess: [Int] = []
        /// The number of the pair of footprints a read is decided by: access and row filter for the
        /// table, access and data mask for a column.
        var tableRead = -1
        var columnRead: [Int] = []
    }

    /// Every resource the principals are asked about, numbered by footprint.
    struct Estate: Sendable {
        var tables: [TableResources]
        /// How many access numbers and read numbers there are.
        var accessCount = 0
        var readCount = 0
        /// Distinct footprints (access, data mask, row filter).
        var footprints = 0

        /// Footprints are found in parallel, then numbered in table order.
        init(tables catalogTables: [CatalogTable], database: String, on target: ServicePolicies) async {
            let snapshot = target.snapshot
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let chunks = EnforcementOracle.chunks(catalogTables.count, into: width * 4)
            tables = await withTaskGroup(of: (Int, [TableResources]).self) { group in
                for (index, range) in chunks.enumerated() {
                    group.addTask {
                        let part = catalogTables[range].map { table in
                            let resource = AccessResource(["database": database, "table": table.resourceName])
                            return TableResources(
                                resource: Resource(
                                    resource: resource,
                                    footprints: AccessDecision.Footprints(
                                        access: Self.footprint(resource, .access, snapshot),
                                        rowFilter: Self.footprint(resource, .rowFilter, snapshot))),
                                columns: table.columns.map { column in
                                    let resource = AccessResource(["database": database, "table": table.resourceName, "column": column.name])
                                    return Resource(
                                        resource: resource,
                                        footprints: AccessDecision.Footprints(
                                            access: Self.footprint(resource, .access, snapshot),
                                            dataMask: Self.footprint(resource, .dataMask, snapshot)))
                                },
                                names: table.columns.map(\.name))
                        }
                        return (index, part)
                    }
                }
                var parts = [[TableResources]](repeating: [], count: chunks.count)
                for await (index, part) in group { parts[index] = part }
                return parts.flatMap { $0 }
            }
            // Equal footprints are kept once (a column's is mostly its neighbours'), and numbered.
            var footprints: [ResourceFootprint: (number: Int, footprint: ResourceFootprint)] = [:]
            func number(_ footprint: inout ResourceFootprint?) -> Int {
                guard let found = footprint else { return -1 }
                if let known = footprints[found] {
                    footprint = known.footprint
                    return known.number
                }
                footprints[found] = (footprints.count, found)
                return footprints.count - 1
            }
            var accesses: [Int: Int] = [:]
            var reads: [Pair: Int] = [:]
            func access(_ resource: inout Resource) -> Int {
                let footprint = number(&resource.footprints.access)
                guard footprint >= 0 else { return -1 }
                if let known = accesses[footprint] { return known }
                accesses[footprint] = accesses.count
                return accesses.count - 1
            }
            /// The data mask's footprint for a column, the row filter's for a table.
            func read(_ resource: inout Resource, _ access: Int) -> Int {
                let refinement =
                    resource.footprints.dataMask != nil ? number(&resource.footprints.dataMask) : number(&resource.footprints.rowFilter)
                guard access >= 0, refinement >= 0 else { return -1 }
                let pair = Pair(access: access, refinement: refinement)
                if let known = reads[pair] { return known }
                reads[pair] = reads.count
                return reads.count - 1
            }
            for index in tables.indices {
                tables[index].tableAccess = access(&tables[index].resource)
                tables[index].tableRead = read(&tables[index].resource, tables[index].tableAccess)
                for column in tables[index].columns.indices {
                    let number = access(&tables[index].columns[column])
                    tables[index].columnAccess.append(number)
                    tables[index].columnRead.append(read(&tables[index].columns[column], number))
                }
            }
            accessCount = accesses.count
            readCount = reads.count
            self.footprints = footprints.count
        }

        struct Pair: Hashable {
            var access: Int
            var refinement: Int
        }

        static func footprint(_ resource: AccessResource, _ type: Policy.PolicyType, _ snapshot: PolicySnapshot) -> ResourceFootprint? {
            snapshot.footprint(of: AccessRequest(resource: resource, accessType: "select", user: ""), type: type)
        }
    }

    // MARK: Decisions

    /// One principal's decisions, each worked out once per number (footprints) and access type.
    struct Decider {
        let principal: EnforcementPrincipal
        let groups: Set<String>
        let estate: Estate
        let target: ServicePolicies
        /// By access number and access type: 0 not decided yet, 1 denied, 2 allowed.
        private var allowed: [UInt8]
        /// By read number: 0 not decided yet, 1 denied, 2 allowed; and the mask or row filter.
        private var reads: [UInt8]
        private var masks: [ColumnMask?]
        private var filters: [RowFilter?]
        private(set) var asked = 0
        private(set) var evaluated = 0

        init(principal: EnforcementPrincipal, groups: Set<String>, estate: Estate, target: ServicePolicies) {
            self.principal = principal
            self.groups = groups
            self.estate = estate
            self.target = target
            allowed = [UInt8](repeating: 0, count: estate.accessCount * 4)
            reads = [UInt8](repeating: 0, count: estate.readCount)
            masks = [ColumnMask?](repeating: nil, count: estate.readCount)
            filters = [RowFilter?](repeating: nil, count: estate.readCount)
        }

        /// `accessType` indexes ``columnAccessTypes`` and then ``tableAccessType``.
        private mutating func evaluate(_ resource: Resource, _ accessType: Int, including parts: AccessDecision.Parts) -> AccessDecision {
            evaluated += 1
            let type = accessType < columnAccessTypes.count ? columnAccessTypes[accessType] : tableAccessType
            return AccessDecision.evaluate(
                AccessRequest(resource: resource.resource, accessType: type, user: principal.username, userGroups: groups), on: target,
                including: parts, footprints: resource.footprints)
        }

        /// A table's resource (`column` `nil`) or a column's, fetched only to be evaluated.
        private func resource(_ table: Int, _ column: Int?) -> Resource {
            column.map { estate.tables[table].columns[$0] } ?? estate.tables[table].resource
        }

        /// Whether the access is allowed (insert, update, delete).
        private mutating func isAllowed(_ table: Int, _ column: Int?, number: Int, _ accessType: Int) -> Bool {
            asked += 1
            let slot = number * 4 + accessType
            if number >= 0, allowed[slot] != 0 { return allowed[slot] == 2 }
            let decision = evaluate(resource(table, column), accessType, including: [])
            if number >= 0 { allowed[slot] = decision.allowed ? 2 : 1 }
            return decision.allowed
        }

        /// Whether a column may be read, and its mask.
        private mutating func read(_ table: Int, column: Int, number: Int) -> (allowed: Bool, mask: ColumnMask?) {
            asked += 1
            if number >= 0, reads[number] != 0 { return (reads[number] == 2, masks[number]) }
            let decision = evaluate(resource(table, column), 0, including: .mask)
            let mask = decision.mask.map { ColumnMask(type: $0.type, value: $0.value, policyID: $0.policyId) }
            if number >= 0 {
                reads[number] = decision.allowed ? 2 : 1
                masks[number] = mask
            }
            return (decision.allowed, mask)
        }

        /// The row filter on reads of a table.
        private mutating func filter(_ table: Int, number: Int) -> RowFilter? {
            asked += 1
            if number >= 0, reads[number] != 0 { return filters[number] }
            let filter = evaluate(resource(table, nil), 0, including: .rowFilter).rowFilter.map {
                RowFilter(expression: $0.expression, policyID: $0.policyId)
            }
            if number >= 0 {
                reads[number] = 2
                filters[number] = filter
            }
            return filter
        }

        mutating func access(to table: Int, sets: inout ColumnSets) -> RoleTableAccess? {
            let names = estate.tables[table].names
            let columnAccess = estate.tables[table].columnAccess
            let columnRead = estate.tables[table].columnRead
            var select = ColumnSets.Flags()
            var insert = ColumnSets.Flags()
            var update = ColumnSets.Flags()
            var masks: [String: ColumnMask] = [:]
            for column in names.indices {
                // Only a read's mask is used; the row filter is decided on the table.
                let read = read(table, column: column, number: columnRead[column])
                if read.allowed {
                    select.insert(column)
                    if let mask = read.mask { masks[names[column]] = mask }
                }
                if isAllowed(table, column, number: columnAccess[column], 1) { insert.insert(column) }
                if isAllowed(table, column, number: columnAccess[column], 2) { update.insert(column) }
            }
            var access = RoleTableAccess(
                role: principal.role, select: sets.names(select, of: table, names), insert: sets.names(insert, of: table, names),
                update: sets.names(update, of: table, names), masks: masks)
            // Row filters and DELETE are decided on the table, as the decision API answers a request
            // that names no column.
            if !access.select.isEmpty, let filter = filter(table, number: estate.tables[table].tableRead) {
                access.rowFilter = filter
            }
            access.delete = isAllowed(table, nil, number: estate.tables[table].tableAccess, 3)
            return access.isEmpty ? nil : access
        }
    }

    /// Sets of column names, shared between the principals that get the same columns of a table:
    /// most do, and a set per principal and table would take hundreds of megabytes in an estate.
    struct ColumnSets {
        /// Column positions: a bit each below 64, a list above.
        struct Flags {
            var low: UInt64 = 0
            var high: [Int] = []

            mutating func insert(_ position: Int) {
                if position < 64 { low |= 1 << UInt64(position) } else { high.append(position) }
            }
        }

        struct Key: Hashable {
            var table: Int
            var low: UInt64
        }

        private var known: [Key: Set<String>] = [:]

        mutating func names(_ flags: Flags, of table: Int, _ names: [String]) -> Set<String> {
            if flags.low == 0 && flags.high.isEmpty { return [] }
            func make() -> Set<String> {
                var set = Set<String>(minimumCapacity: flags.low.nonzeroBitCount + flags.high.count)
                for position in 0..<min(64, names.count) where flags.low & (1 << UInt64(position)) != 0 { set.insert(names[position]) }
                for position in flags.high { set.insert(names[position]) }
                return set
            }
            guard flags.high.isEmpty else { return make() }
            let key = Key(table: table, low: flags.low)
            if let set = known[key] { return set }
            let set = make()
            known[key] = set
            return set
        }
    }
}
