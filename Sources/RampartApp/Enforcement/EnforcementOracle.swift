// SPDX-License-Identifier: Apache-2.0

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
package enum EnforcementOracle {
    /// Column-level access types, and the one decided on the table.
    package static let columnAccessTypes = ["select", "insert", "update"]
    package static let tableAccessType = "delete"

    /// What each principal may do with each table, read from `target`'s policies. The resources
    /// asked about are `database`, `table` (``CatalogTable/resourceName``) and `column`, as
    /// discovery names them when it tags.
    package static func desired(
        tables: [CatalogTable], principals: [EnforcementPrincipal], database: String, on target: ServicePolicies
    ) -> [DesiredTable] {
        tables.map { table in
            DesiredTable(table: table, accesses: principals.compactMap { access(of: $0, to: table, database: database, on: target) })
        }
    }

    static func access(
        of principal: EnforcementPrincipal, to table: CatalogTable, database: String, on target: ServicePolicies
    ) -> RoleTableAccess? {
        guard let groups = principal.groups else { return nil }
        var access = RoleTableAccess(role: principal.role)
        func decide(_ resource: [String: String], _ accessType: String) -> AccessDecision {
            AccessDecision.evaluate(
                AccessRequest(resource: AccessResource(resource), accessType: accessType, user: principal.username, userGroups: groups),
                on: target)
        }
        for column in table.columns {
            let resource = ["database": database, "table": table.resourceName, "column": column.name]
            let select = decide(resource, "select")
            if select.allowed {
                access.select.insert(column.name)
                if let mask = select.mask {
                    access.masks[column.name] = ColumnMask(type: mask.type, value: mask.value, policyID: mask.policyId)
                }
            }
            if decide(resource, "insert").allowed { access.insert.insert(column.name) }
            if decide(resource, "update").allowed { access.update.insert(column.name) }
        }
        // Row filters and DELETE are decided on the table, as the decision API answers a request
        // that names no column.
        let tableResource = ["database": database, "table": table.resourceName]
        if !access.select.isEmpty, let filter = decide(tableResource, "select").rowFilter {
            access.rowFilter = RowFilter(expression: filter.expression, policyID: filter.policyId)
        }
        access.delete = decide(tableResource, tableAccessType).allowed
        return access.isEmpty ? nil : access
    }
}
