// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Compares what the policies ask for with what the database holds and writes the statements
/// that close the gap. Pure: it reads a ``DatabaseCatalog`` and ``DesiredTable``s and runs nothing.
///
/// How a decision becomes database state:
/// - **Grants.** A role gets `SELECT`, `INSERT` and `UPDATE` on exactly the columns the engine
///   allows (one table-level grant when that is every column) and `DELETE` when the engine allows
///   it on the table. What every member of a Rampart group may do is granted to its `rp_g_`
///   role instead (``GroupGrants``). Anything else a governed role holds on a governed table is
///   revoked.
/// - **Masks.** A role with a masked column reads the table through a `security_barrier` view in
///   `<schema>_rampart` whose masked columns are a `CASE` on `current_user`, and gets no `SELECT`
///   on the base table. Its `search_path` puts the view schema first.
/// - **Row filters.** Row security is enabled and forced on the table, with one permissive
///   `USING (true)` policy for the roles that have access and one restrictive policy per filtered
///   role. A masked role's filter is also the view's `WHERE`, since the view reads as its owner.
///
/// Whatever cannot be enforced as decided is withheld (fail closed) and reported as a finding.
package struct EnforcementPlanner: Sendable {
    package var marker: OwnershipMarker
    package var catalog: DatabaseCatalog
    /// The login roles enforcement governs: those of Rampart users that exist in the database,
    /// and those this plan creates.
    package var governedRoles: Set<String>
    /// Login roles to create (`NOLOGIN`) because the datasource says `createRoles`.
    package var newRoles: [String]
    /// Rampart groups and their governed members' login roles, for the `rp_g_` group roles.
    package var groupMembers: [String: Set<String>]
    /// The datasource's `MASK_HASH` key; without it `MASK_HASH` columns are withheld.
    package var maskKey: MaskHashKey?
    /// What all members of a group role may do goes to the group role (``GroupGrants``).
    let groupGrants: GroupGrants
    /// Roles whose privileges on governed tables this plan decides: the governed login roles and
    /// Rampart's group roles (those it keeps, creates or is about to drop).
    let plannedGrantees: Set<String>
    /// Each governed role's inherited roles (``DatabaseCatalog/inheritedRoles(of:)``), worked out
    /// once per plan rather than once per table.
    let inheritedRoles: [String: Set<String>]

    package init(
        marker: OwnershipMarker, catalog: DatabaseCatalog, governedRoles: Set<String>, newRoles: [String] = [],
        groupMembers: [String: Set<String>] = [:], maskKey: MaskHashKey? = nil
    ) {
        self.marker = marker
        self.catalog = catalog
        self.governedRoles = governedRoles.union(newRoles)
        self.newRoles = newRoles
        self.groupMembers = groupMembers
        self.maskKey = maskKey
        var groupRoles = Set(
            catalog.roles.values.filter { $0.name.hasPrefix(RolePlanner.groupPrefix) && marker.owns($0.comment) }.map(\.name))
        var members: [String: Set<String>] = [:]
        var inherited: [String: Set<String>] = [:]
        // Group roles hold grants only where their members are synced by this plan: a role
        // Rampart owns (or creates) and a sync account that may manage roles.
        if catalog.syncAccount.canCreateRoles || catalog.syncAccount.isSuperuser {
            let roles = RolePlanner(marker: marker, catalog: catalog)
            for (group, groupMembers) in groupMembers {
                let role = RolePlanner.groupRole(group)
                guard roles.isRampartsOrAbsent(role) else { continue }
                groupRoles.insert(role)
                members[role, default: []].formUnion(groupMembers)
                for member in groupMembers
                where (catalog.roles[member]?.inherits ?? true) && !(catalog.nonInheritingMemberships[member]?.contains(role) ?? false) {
                    inherited[member, default: []].insert(role)
                }
            }
        }
        groupGrants = GroupGrants(members: members, inherited: inherited)
        plannedGrantees = self.governedRoles.union(groupRoles)
        var inheritedRoles: [String: Set<String>] = [:]
        for role in self.governedRoles { inheritedRoles[role] = catalog.inheritedRoles(of: role) }
        self.inheritedRoles = inheritedRoles
    }

    /// Whether `MASK_HASH` can be enforced: a key, and a `rampart` schema that is this
    /// datasource's or can be created.
    var hashAvailable: Bool {
        guard maskKey != nil else { return false }
        guard let comment = catalog.keySchemaComment else {
            return catalog.syncAccount.canCreateSchemas || catalog.syncAccount.isSuperuser
        }
        return marker.owns(comment)
    }

    static let allowPolicy = "rampart_allow"
    static let modelledPrivileges = ["SELECT", "INSERT", "UPDATE", "DELETE"]

    /// Each table's decisions are let go once its statements are written (when the caller gives
    /// the array up), so a first plan does not hold all decisions and all statements at once.
    package func plan(_ desired: consuming [DesiredTable]) -> EnforcementPlan {
        let preflight = Preflight(catalog: catalog)
        let needsRoles = !newRoles.isEmpty || !groupMembers.isEmpty
        var findings = preflight.findings(needsRoles: needsRoles)
        var statements: [PlannedStatement] = []
        if !needsRoles || catalog.syncAccount.canCreateRoles || catalog.syncAccount.isSuperuser {
            statements += RolePlanner(marker: marker, catalog: catalog)
                .statements(newRoles: newRoles, groupMembers: groupMembers, findings: &findings)
        }
        let excluded = Set(preflight.excludedTables().map(\.oid))
        var desired = consume desired
        desired.removeAll { excluded.contains($0.table.oid) }
        desired.sort { ($0.table.schema, $0.table.name) < ($1.table.schema, $1.table.name) }
        let keyIndex = statements.count
        var usesHash = false
        var createdSchemas: Set<String> = []
        var viewSchemasByRole: [String: Set<String>] = [:]
        for index in desired.indices {
            let item = desired[index]
            desired[index].accesses = []
            var tablePlan = TablePlanner(planner: self, table: item.table)
            tablePlan.plan(item.accesses, createdSchemas: &createdSchemas)
            statements += tablePlan.statements
            findings += tablePlan.findings
            usesHash = usesHash || tablePlan.usesHash
            if tablePlan.keptView != nil {
                for role in tablePlan.viewRoles { viewSchemasByRole[role, default: []].insert(item.table.viewSchema) }
            }
        }
        // Views of tables that were dropped or renamed (a table's own view is planned with it).
        let tableViews = Set(desired.map { SQLText.qualified($0.table.viewSchema, $0.table.name) })
        for view in catalog.views.sorted(by: { ($0.schema, $0.name) < ($1.schema, $1.name) })
        where marker.owns(view.comment) && !tableViews.contains(SQLText.qualified(view.schema, view.name)) {
            statements.append(PlannedStatement(.view, "DROP VIEW \(SQLText.qualified(view.schema, view.name))", table: "\(view.schema).\(view.name)"))
        }
        statements += searchPathStatements(viewSchemasByRole)
        // Group roles that are gone, once their grants on governed tables are revoked above.
        if !needsRoles || catalog.syncAccount.canCreateRoles || catalog.syncAccount.isSuperuser {
            statements += RolePlanner(marker: marker, catalog: catalog)
                .dropStatements(keeping: Set(groupMembers.keys.map(RolePlanner.groupRole)), plannedTables: Set(desired.map(\.table.oid)))
        }
        // The key and its function before the first view that calls it.
        if usesHash, let maskKey {
            let key = maskKey.statements(
                marker: marker, schemaExists: catalog.keySchemaComment != nil, functionDigest: marker.digest(in: catalog.keyFunctionComment))
            statements.insert(contentsOf: key, at: keyIndex)
        }
        return EnforcementPlan(statements: statements, findings: findings, tableCount: desired.count, roleCount: governedRoles.count)
    }

    /// `search_path` for each governed role in this database: the view schemas it reads first.
    func searchPathStatements(_ viewSchemasByRole: [String: Set<String>]) -> [PlannedStatement] {
        var statements: [PlannedStatement] = []
        let database = SQLText.identifier(catalog.database)
        for role in governedRoles.sorted() {
            let schemas = (viewSchemasByRole[role] ?? []).sorted()
            let observed = catalog.searchPaths[role].map(Self.searchPathComponents) ?? []
            if schemas.isEmpty {
                // Only a path Rampart set is reset; a DBA's own setting is theirs.
                if observed.contains(where: { $0.hasSuffix("_rampart") }) {
                    statements.append(
                        PlannedStatement(.searchPath, "ALTER ROLE \(SQLText.identifier(role)) IN DATABASE \(database) RESET search_path", table: nil))
                }
                continue
            }
            let wanted = schemas + ["$user", "public"]
            if observed != wanted {
                let path = wanted.map(SQLText.identifier).joined(separator: ", ")
                statements.append(
                    PlannedStatement(
                        .searchPath, "ALTER ROLE \(SQLText.identifier(role)) IN DATABASE \(database) SET search_path TO \(path)", table: nil))
            }
        }
        return statements
    }

    /// `a, "$user", "b c"` → `["a", "$user", "b c"]`.
    static func searchPathComponents(_ value: String) -> [String] {
        value.split(separator: ",").map { part in
            var name = part.trimmingCharacters(in: " ")
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return name
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = self[...]
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
