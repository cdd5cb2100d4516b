// SPDX-License-Identifier: Apache-2.0

/// What one database role may do with one table, as the policy engine decided it for the
/// Rampart user the role stands for.
///
/// Built by asking the engine about every column and access type; the planner turns it into
/// grants, a row-security policy and a masking view. A role with no entry for a table gets
/// nothing on it.
package struct RoleTableAccess: Sendable, Hashable {
    package var role: String
    /// Columns the role may read.
    package var select: Set<String>
    /// Columns the role may write in an `INSERT`.
    package var insert: Set<String>
    /// Columns the role may change in an `UPDATE`.
    package var update: Set<String>
    /// Whether the role may delete rows (decided on the table, not a column).
    package var delete: Bool
    /// Masks on readable columns, by column.
    package var masks: [String: ColumnMask]
    /// The row filter on reads, when one applies.
    package var rowFilter: RowFilter?

    package init(
        role: String, select: Set<String> = [], insert: Set<String> = [], update: Set<String> = [], delete: Bool = false,
        masks: [String: ColumnMask] = [:], rowFilter: RowFilter? = nil
    ) {
        self.role = role
        self.select = select
        self.insert = insert
        self.update = update
        self.delete = delete
        self.masks = masks
        self.rowFilter = rowFilter
    }

    /// Nothing at all: no entry needed.
    package var isEmpty: Bool { select.isEmpty && insert.isEmpty && update.isEmpty && !delete }
}

/// A mask the engine put on a column: Ranger's mask type, the value or expression that goes with
/// it, and the policy that decided it.
package struct ColumnMask: Sendable, Hashable {
    package var type: String
    /// `CUSTOM`'s expression (`{col}` stands for the column); unused by the other types.
    package var value: String?
    package var policyID: Int64

    package init(type: String, value: String? = nil, policyID: Int64) {
        self.type = type
        self.value = value
        self.policyID = policyID
    }
}

/// A row filter: a SQL boolean expression over the table's columns, and its policy.
package struct RowFilter: Sendable, Hashable {
    package var expression: String
    package var policyID: Int64

    package init(expression: String, policyID: Int64) {
        self.expression = expression
        self.policyID = policyID
    }
}

/// The state enforcement should bring one table to.
package struct DesiredTable: Sendable, Hashable {
    package var table: CatalogTable
    /// One entry per governed role with any access; roles absent get none.
    package var accesses: [RoleTableAccess]

    package init(table: CatalogTable, accesses: [RoleTableAccess]) {
        self.table = table
        self.accesses = accesses
    }
}
