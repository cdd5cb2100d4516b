// SPDX-License-Identifier: Apache-2.0

/// Roles Rampart creates and keeps: login roles it was asked to create (`NOLOGIN`; a DBA decides
/// how they sign in) and one `NOLOGIN` role per Rampart group (`rp_g_<group>`) whose members are
/// the group's governed users.
///
/// A group role holds what all its members may do with a table (``GroupGrants``); they also let a
/// DBA and BI tools see the tenant's groups.
struct RolePlanner {
    let marker: OwnershipMarker
    let catalog: DatabaseCatalog

    static let groupPrefix = "rp_g_"

    /// `rp_g_<group>`, within PostgreSQL's 63 bytes.
    static func groupRole(_ group: String) -> String { SQLText.truncatedIdentifier(groupPrefix + group) }

    func statements(newRoles: [String], groupMembers: [String: Set<String>], findings: inout [EnforcementFinding]) -> [PlannedStatement] {
        var statements: [PlannedStatement] = []
        for role in newRoles.sorted() where catalog.roles[role] == nil {
            statements += create(role)
        }
        for (group, members) in groupMembers.sorted(by: { $0.key < $1.key }) {
            let role = Self.groupRole(group)
            guard isRampartsOrAbsent(role) else {
                findings.append(EnforcementFinding(.foreignObject, "role \(role) exists and is not Rampart's; its members are not synced"))
                continue
            }
            if catalog.roles[role] == nil { statements += create(role) }
            let current = Set(catalog.memberships.filter { $0.value.contains(role) }.keys)
            let quoted = SQLText.identifier(role)
            for member in current.subtracting(members).sorted() {
                statements.append(PlannedStatement(.role, "REVOKE \(quoted) FROM \(SQLText.identifier(member))", table: nil))
            }
            for member in members.subtracting(current).sorted() {
                statements.append(PlannedStatement(.role, "GRANT \(quoted) TO \(SQLText.identifier(member))", table: nil))
            }
        }
        return statements
    }

    /// Drops the group roles of groups that are gone, at the end of a plan: their grants on the
    /// planned tables are revoked by then, and those on other relations here are revoked first.
    ///
    /// A role can still hold privileges in another database of the cluster, which this sync does
    /// not see; the drop then fails inside its own block without failing the apply, and the next
    /// plan tries again.
    func dropStatements(keeping wanted: Set<String>, plannedTables: Set<UInt32>) -> [PlannedStatement] {
        let gone = catalog.roles.values.filter { role in
            role.name.hasPrefix(Self.groupPrefix) && marker.owns(role.comment) && !wanted.contains(role.name)
        }
        guard !gone.isEmpty else { return [] }
        let goneNames = Set(gone.map(\.name))
        var names: [UInt32: String] = [:]
        for table in catalog.tables { names[table.oid] = table.sqlName }
        for view in catalog.views { names[view.oid] = SQLText.qualified(view.schema, view.name) }
        var elsewhere: [String: Set<String>] = [:]  // role → relations outside the planned tables
        for grant in catalog.grants where goneNames.contains(grant.grantee) && !plannedTables.contains(grant.relation) {
            if let name = names[grant.relation] { elsewhere[grant.grantee, default: []].insert(name) }
        }
        var statements: [PlannedStatement] = []
        for role in gone.map(\.name).sorted() {
            let quoted = SQLText.identifier(role)
            for relation in (elsewhere[role] ?? []).sorted() {
                statements.append(PlannedStatement(.revoke, "REVOKE ALL ON \(relation) FROM \(quoted)", table: nil))
            }
            // The body's quote tag must not occur in the (tenant-named) role.
            var tag = "$rampart$"
            var counter = 0
            while quoted.contains(tag) {
                counter += 1
                tag = "$rampart\(counter)$"
            }
            statements.append(
                PlannedStatement(
                    .role, "DO \(tag) BEGIN DROP ROLE \(quoted); EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END \(tag)", table: nil))
        }
        return statements
    }

    /// Whether Rampart may keep `role`'s members (and grants): it carries this datasource's
    /// marker, or it does not exist yet.
    func isRampartsOrAbsent(_ role: String) -> Bool {
        catalog.roles[role].map { marker.owns($0.comment) } ?? true
    }

    private func create(_ role: String) -> [PlannedStatement] {
        let quoted = SQLText.identifier(role)
        return [
            PlannedStatement(.role, "CREATE ROLE \(quoted) NOLOGIN", table: nil),
            PlannedStatement(.role, "COMMENT ON ROLE \(quoted) IS \(SQLText.literal(marker.comment(digest: "-")))", table: nil),
        ]
    }
}
