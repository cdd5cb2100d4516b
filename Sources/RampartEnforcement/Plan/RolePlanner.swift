// SPDX-License-Identifier: Apache-2.0

/// Roles Rampart creates and keeps: login roles it was asked to create (`NOLOGIN`; a DBA decides
/// how they sign in) and one `NOLOGIN` role per Rampart group (`rp_g_<group>`) whose members are
/// the group's governed users.
///
/// Group roles carry no privileges (grants go to each user, so a deny for one member cannot be
/// widened by a grant to the group); they let a DBA and BI tools see the tenant's groups.
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
        var wanted: Set<String> = []
        for (group, members) in groupMembers.sorted(by: { $0.key < $1.key }) {
            let role = Self.groupRole(group)
            wanted.insert(role)
            if let existing = catalog.roles[role] {
                guard marker.owns(existing.comment) else {
                    findings.append(EnforcementFinding(.foreignObject, "role \(role) exists and is not Rampart's; its members are not synced"))
                    continue
                }
            } else {
                statements += create(role)
            }
            let current = Set(catalog.memberships.filter { $0.value.contains(role) }.keys)
            let quoted = SQLText.identifier(role)
            for member in current.subtracting(members).sorted() {
                statements.append(PlannedStatement(.role, "REVOKE \(quoted) FROM \(SQLText.identifier(member))", table: nil))
            }
            for member in members.subtracting(current).sorted() {
                statements.append(PlannedStatement(.role, "GRANT \(quoted) TO \(SQLText.identifier(member))", table: nil))
            }
        }
        // Groups that are gone: their roles go too (a role with no privileges drops cleanly).
        for role in catalog.roles.values.sorted(by: { $0.name < $1.name })
        where role.name.hasPrefix(Self.groupPrefix) && marker.owns(role.comment) && !wanted.contains(role.name) {
            statements.append(PlannedStatement(.role, "DROP ROLE \(SQLText.identifier(role.name))", table: nil))
        }
        return statements
    }

    private func create(_ role: String) -> [PlannedStatement] {
        let quoted = SQLText.identifier(role)
        return [
            PlannedStatement(.role, "CREATE ROLE \(quoted) NOLOGIN", table: nil),
            PlannedStatement(.role, "COMMENT ON ROLE \(quoted) IS \(SQLText.literal(marker.comment(digest: "-")))", table: nil),
        ]
    }
}
