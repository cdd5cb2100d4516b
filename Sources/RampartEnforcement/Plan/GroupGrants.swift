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
struct GroupGrants {
    /// Group role → every member it will have once the plan has run.
    let members: [String: Set<String>]
    /// Member → the group roles of ``members`` whose privileges it inherits.
    let inherited: [String: Set<String>]

    /// `desired` (role → privileges, decided per user) with the privileges all members of a
    /// group share granted to the group role and taken off the members that inherit it.
    func factor(_ desired: [String: PrivilegeSet], of columns: Set<String>) -> [String: PrivilegeSet] {
        guard !members.isEmpty else { return desired }
        var expanded: [String: ColumnPrivileges] = [:]
        for (role, privileges) in desired { expanded[role] = ColumnPrivileges(privileges, of: columns) }
        var shared: [String: ColumnPrivileges] = [:]
        for (group, groupMembers) in members {
            guard groupMembers.filter({ inherited[$0]?.contains(group) ?? false }).count >= 2 else { continue }
            var common: ColumnPrivileges?
            for member in groupMembers {
                let own = expanded[member] ?? ColumnPrivileges()
                common = common.map { $0.intersection(own) } ?? own
                if common?.isEmpty ?? true { break }
            }
            if let common, !common.isEmpty { shared[group] = common }
        }
        guard !shared.isEmpty else { return desired }
        var factored = desired
        for (group, common) in shared { factored[group] = common.privilegeSet(of: columns) }
        for (member, groups) in inherited {
            guard let own = expanded[member] else { continue }
            var covered = ColumnPrivileges()
            for group in groups { if let common = shared[group] { covered.formUnion(common) } }
            guard !covered.isEmpty else { continue }
            factored[member] = own.subtracting(covered).privilegeSet(of: columns)
        }
        return factored
    }
}

/// Privileges on one table spelled out column by column (a table-level `SELECT` is every
/// column), so that they can be intersected and subtracted.
struct ColumnPrivileges: Equatable {
    var select: Set<String> = []
    var insert: Set<String> = []
    var update: Set<String> = []
    var delete = false

    init() {}

    init(_ privileges: PrivilegeSet, of columns: Set<String>) {
        func spelled(_ privilege: String) -> Set<String> {
            privileges.tableLevel.contains(privilege) ? columns : privileges.columns[privilege] ?? []
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
        select.formUnion(other.select)
        insert.formUnion(other.insert)
        update.formUnion(other.update)
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
    func privilegeSet(of columns: Set<String>) -> PrivilegeSet {
        PrivilegeSet(select: select, insert: insert, update: update, delete: delete, of: columns)
    }
}
