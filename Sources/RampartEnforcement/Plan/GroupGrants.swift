// SPDX-License-Identifier: Apache-2.0

/// Moves what every member of a Rampart group role may do with a table to the group role itself,
/// so an estate granted to groups holds one grant per group instead of one per user.
///
/// The engine decides per user, and so does this: a group role is granted only what *all* of
/// its members are allowed (a member denied a column keeps the column off the group), and each
/// member keeps, as its own grants, what it is allowed beyond its groups. A member's effective
/// privileges — its own grants plus what it inherits — are therefore exactly its decision.
///
/// - The intersection runs over every member the group role will have after the plan, including
///   members that do not inherit: they could still `SET ROLE` to the group.
/// - Only members that inherit the group role's privileges (`rolinherit`, and on PostgreSQL 16
///   a membership not granted `INHERIT FALSE`) give up their own grants for it.
/// - A group with fewer than two inheriting members is left alone: it would only move grants.
///
/// It runs for every table of an estate (a thousand tables, five hundred users), so the groups
/// worth factoring are worked out once, and column sets that are all or none of a table's
/// columns — nearly all of them — are combined without touching their names.
struct GroupGrants {
    /// The groups worth factoring: the role, every member, and the members that inherit it.
    private let groups: [(role: String, members: [String])]
    /// Member → the group roles of ``groups`` whose privileges it inherits.
    private let inherited: [String: [String]]

    /// - Parameters:
    ///   - members: group role → every member it will have once the plan has run.
    ///   - inherited: member → the group roles whose privileges it inherits.
    init(members: [String: Set<String>], inherited: [String: Set<String>]) {
        var groups: [(role: String, members: [String])] = []
        for (role, roleMembers) in members.sorted(by: { $0.key < $1.key })
        where roleMembers.filter({ inherited[$0]?.contains(role) ?? false }).count >= 2 {
            groups.append((role, roleMembers.sorted()))
        }
        let kept = Set(groups.map(\.role))
        var inheritedKept: [String: [String]] = [:]
        for (member, roles) in inherited {
            let worth = roles.filter { kept.contains($0) }.sorted()
            if !worth.isEmpty { inheritedKept[member] = worth }
        }
        self.groups = groups
        self.inherited = inheritedKept
    }

    /// `desired` (role → privileges, decided per user) with the privileges all members of a
    /// group share granted to the group role and taken off the members that inherit it.
    func factor(_ desired: [String: PrivilegeSet], of columns: Set<String>) -> [String: PrivilegeSet] {
        guard !groups.isEmpty else { return desired }
        var expanded: [String: ColumnPrivileges] = [:]
        var shared: [String: ColumnPrivileges] = [:]
        for (role, members) in groups {
            var common: ColumnPrivileges?
            for member in members {
                let own: ColumnPrivileges
                if let known = expanded[member] {
                    own = known
                } else {
                    own = desired[member].map { ColumnPrivileges($0, of: columns) } ?? ColumnPrivileges()
                    expanded[member] = own
                }
                common = common.map { $0.intersection(own) } ?? own
                if common?.isEmpty ?? true { break }
            }
            if let common, !common.isEmpty { shared[role] = common }
        }
        guard !shared.isEmpty else { return desired }
        var factored = desired
        for (role, common) in shared { factored[role] = common.privilegeSet() }
        for (member, roles) in inherited {
            guard let own = expanded[member] else { continue }
            var covered = ColumnPrivileges()
            for role in roles { if let common = shared[role] { covered.formUnion(common) } }
            guard !covered.isEmpty else { continue }
            factored[member] = own.subtracting(covered).privilegeSet()
        }
        return factored
    }
}

/// Some of a table's columns: none, all, or a proper subset by name.
enum ColumnSet: Equatable {
    case none
    case all(Set<String>)
    case some(Set<String>)

    /// `names` (a subset of `columns`) as the case it is.
    init(_ names: Set<String>, of columns: Set<String>) {
        if names.isEmpty {
            self = .none
        } else if names.count >= columns.count {
            self = .all(columns)
        } else {
            self = .some(names)
        }
    }

    var isEmpty: Bool { self == .none }

    func intersection(_ other: ColumnSet) -> ColumnSet {
        switch (self, other) {
        case (.none, _), (_, .none): .none
        case (.all, _): other
        case (_, .all): self
        case (.some(let a), .some(let b)):
            a.intersection(b).isEmpty ? .none : .some(a.intersection(b))
        }
    }

    func union(_ other: ColumnSet) -> ColumnSet {
        switch (self, other) {
        case (.none, _): other
        case (_, .none): self
        case (.all, _): self
        case (_, .all): other
        case (.some(let a), .some(let b)):
            // Possibly every column by now; only subtracted from, where that comes out right.
            .some(a.union(b))
        }
    }

    func subtracting(_ other: ColumnSet) -> ColumnSet {
        switch (self, other) {
        case (.none, _), (_, .all): .none
        case (_, .none): self
        case (.all(let a), .some(let b)), (.some(let a), .some(let b)):
            a.subtracting(b).isEmpty ? .none : .some(a.subtracting(b))
        }
    }
}

/// Privileges on one table spelled out column by column (a table-level `SELECT` is every
/// column), so that they can be intersected and subtracted.
struct ColumnPrivileges: Equatable {
    var select = ColumnSet.none
    var insert = ColumnSet.none
    var update = ColumnSet.none
    var delete = false

    init() {}

    init(_ privileges: PrivilegeSet, of columns: Set<String>) {
        func spelled(_ privilege: String) -> ColumnSet {
            if privileges.tableLevel.contains(privilege) { return .all(columns) }
            return privileges.columns[privilege].map { ColumnSet($0, of: columns) } ?? .none
        }
        select = spelled("SELECT")
        insert = spelled("INSERT")
        update = spelled("UPDATE")
        delete = privileges.tableLevel.contains("DELETE")
    }

    var isEmpty: Bool { select.isEmpty && insert.isEmpty && update.isEmpty && !delete }

    func intersection(_ other: ColumnPrivileges) -> ColumnPrivileges {
        var result = ColumnPrivileges()
        result.select = select.intersection(other.select)
        result.insert = insert.intersection(other.insert)
        result.update = update.intersection(other.update)
        result.delete = delete && other.delete
        return result
    }

    mutating func formUnion(_ other: ColumnPrivileges) {
        select = select.union(other.select)
        insert = insert.union(other.insert)
        update = update.union(other.update)
        delete = delete || other.delete
    }

    func subtracting(_ other: ColumnPrivileges) -> ColumnPrivileges {
        var result = ColumnPrivileges()
        result.select = select.subtracting(other.select)
        result.insert = insert.subtracting(other.insert)
        result.update = update.subtracting(other.update)
        result.delete = delete && !other.delete
        return result
    }

    /// Back to grants: table-level where that is every column.
    func privilegeSet() -> PrivilegeSet {
        var set = PrivilegeSet()
        for (privilege, columns) in [("SELECT", select), ("INSERT", insert), ("UPDATE", update)] {
            switch columns {
            case .none: break
            case .all: set.tableLevel.insert(privilege)
            case .some(let names): set.columns[privilege] = names
            }
        }
        if delete { set.tableLevel.insert("DELETE") }
        return set
    }
}
