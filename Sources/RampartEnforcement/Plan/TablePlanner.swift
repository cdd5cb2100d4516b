// SPDX-License-Identifier: Apache-2.0

/// The statements for one table: its masking view, its grants and its row-security policies.
struct TablePlanner {
    let planner: EnforcementPlanner
    let table: CatalogTable
    private(set) var statements: [PlannedStatement] = []
    private(set) var findings: [EnforcementFinding] = []
    /// The masking view kept or created, as `"schema"."name"`.
    private(set) var keptView: String?
    /// Roles that read through the view.
    private(set) var viewRoles: [String] = []
    /// Whether a kept mask is `MASK_HASH` (the key and its function must exist).
    private(set) var usesHash = false

    init(planner: EnforcementPlanner, table: CatalogTable) {
        self.planner = planner
        self.table = table
        resourceName = table.resourceName
        allColumns = Set(table.columns.map(\.name))
    }

    private var marker: OwnershipMarker { planner.marker }
    private var catalog: DatabaseCatalog { planner.catalog }
    /// Worked out once per table, not once per statement or role.
    private let resourceName: String
    private let allColumns: Set<String>

    /// A role's access with its masks written as SQL; masks that cannot be are withheld.
    struct ResolvedAccess {
        var access: RoleTableAccess
        var masks: [String: MaskSQL]
    }

    mutating func plan(_ accesses: [RoleTableAccess], createdSchemas: inout Set<String>) {
        var resolved: [ResolvedAccess] = []
        for access in accesses.sorted(by: { $0.role < $1.role }) where planner.governedRoles.contains(access.role) {
            resolved.append(resolve(access))
        }
        var masked = resolved.filter { !$0.masks.isEmpty }
        if !masked.isEmpty, !viewSchemaUsable(createdSchemas: &createdSchemas) {
            withholdReads(from: &resolved, masked.map(\.access.role), reason: "its masking view cannot be created")
            masked = []
        }
        let viewOID = planView(masked)
        if viewOID == nil && !masked.isEmpty {
            withholdReads(from: &resolved, masked.map(\.access.role), reason: "its masking view cannot be created")
            masked = []
        }
        let maskedRoles = Set(masked.map(\.access.role))
        var baseGrants: [String: PrivilegeSet] = [:]
        for item in resolved {
            let access = item.access
            baseGrants[access.role] = PrivilegeSet(
                select: maskedRoles.contains(access.role) ? [] : access.select, insert: access.insert, update: access.update,
                delete: access.delete, of: allColumns)
        }
        statements += grantStatements(
            on: table.oid, sqlName: table.sqlName, desired: planner.groupGrants.factor(baseGrants, of: allColumns), freshlyCreated: false)
        reportInheritedPrivileges(baseGrants, masked: maskedRoles)
        if let viewOID {
            var viewGrants: [String: PrivilegeSet] = [:]
            for item in masked { viewGrants[item.access.role] = PrivilegeSet(select: item.access.select, of: allColumns) }
            statements += grantStatements(
                on: viewOID.oid, sqlName: viewName, desired: planner.groupGrants.factor(viewGrants, of: allColumns),
                freshlyCreated: viewOID.created)
            keptView = viewName
            viewRoles = masked.map(\.access.role)
        }
        planRowSecurity(resolved.map(\.access))
    }

    // MARK: Masks

    private mutating func resolve(_ access: RoleTableAccess) -> ResolvedAccess {
        guard !access.masks.isEmpty else { return ResolvedAccess(access: access, masks: [:]) }
        var access = access
        var masks: [String: MaskSQL] = [:]
        let columns = Dictionary(table.columns.map { ($0.name, $0) }) { first, _ in first }
        for (name, mask) in access.masks.sorted(by: { $0.key < $1.key }) where access.select.contains(name) {
            guard let column = columns[name] else { continue }
            switch MaskSQL.make(mask, column: column, hashAvailable: planner.hashAvailable) {
            case .success(let sql?):
                masks[name] = sql
                usesHash = usesHash || mask.type == "MASK_HASH"
            case .success(nil): break
            case .failure(let problem):
                access.select.remove(name)
                findings.append(
                    EnforcementFinding(
                        .maskUnsupported, "\(problem.message); column \(name) withheld", table: resourceName, role: access.role,
                        policyID: mask.policyID))
            }
        }
        access.masks = [:]
        return ResolvedAccess(access: access, masks: masks)
    }

    private mutating func withholdReads(from resolved: inout [ResolvedAccess], _ roles: [String], reason: String) {
        let withheld = Set(roles)
        for index in resolved.indices where withheld.contains(resolved[index].access.role) {
            resolved[index].access.select = []
            resolved[index].masks = [:]
            findings.append(
                EnforcementFinding(
                    .foreignObject, "reads withheld: \(reason)", table: resourceName, role: resolved[index].access.role))
        }
    }

    // MARK: The masking view

    private var viewName: String { SQLText.qualified(table.viewSchema, table.name) }

    /// Whether the view schema exists as Rampart's (or will be created by this plan).
    private mutating func viewSchemaUsable(createdSchemas: inout Set<String>) -> Bool {
        let schema = table.viewSchema
        if createdSchemas.contains(schema) { return true }
        guard let comment = catalog.viewSchemas[schema] else {
            guard catalog.syncAccount.canCreateSchemas || catalog.syncAccount.isSuperuser else {
                findings.append(Preflight(catalog: catalog).schemaFinding(schema, table: table.resourceName))
                return false
            }
            let sql = SQLText.identifier(schema)
            statements.append(PlannedStatement(.schema, "CREATE SCHEMA \(sql)", table: nil))
            statements.append(PlannedStatement(.schema, "COMMENT ON SCHEMA \(sql) IS \(SQLText.literal(marker.comment(digest: "-")))", table: nil))
            // The views themselves are granted column by column; the schema is only a place.
            statements.append(PlannedStatement(.schema, "GRANT USAGE ON SCHEMA \(sql) TO PUBLIC", table: nil))
            createdSchemas.insert(schema)
            return true
        }
        if marker.owns(comment) { return true }
        findings.append(EnforcementFinding(.foreignObject, "schema \(schema) exists and is not Rampart's", table: resourceName))
        return false
    }

    /// Creates, replaces, keeps or drops the view; returns its OID (0 when created by this plan)
    /// when masked roles read through it.
    private mutating func planView(_ masked: [ResolvedAccess]) -> (oid: UInt32, created: Bool)? {
        let existing = catalog.views.first { $0.schema == table.viewSchema && $0.name == table.name }
        guard !masked.isEmpty else {
            if let existing, marker.owns(existing.comment) {
                statements.append(PlannedStatement(.view, "DROP VIEW \(viewName)", table: resourceName))
            }
            return nil
        }
        let definition = viewDefinition(masked)
        let digest = OwnershipMarker.digest(definition)
        if let existing {
            guard marker.owns(existing.comment) else {
                findings.append(EnforcementFinding(.foreignObject, "view \(viewName) exists and is not Rampart's", table: resourceName))
                return nil
            }
            if marker.digest(in: existing.comment) == digest { return (existing.oid, false) }
            statements.append(PlannedStatement(.view, "DROP VIEW \(viewName)", table: resourceName))
        }
        statements.append(PlannedStatement(.view, definition, table: resourceName))
        statements.append(
            PlannedStatement(.view, "COMMENT ON VIEW \(viewName) IS \(SQLText.literal(marker.comment(digest: digest)))", table: resourceName))
        return (0, true)
    }

    /// `CREATE VIEW … WITH (security_barrier) AS SELECT <columns> FROM <table> [WHERE <filters>]`.
    ///
    /// Not `security_invoker`: masked roles have no `SELECT` on the base table, so the view reads
    /// it as its owner, and the filters row security would apply are written into its `WHERE`.
    /// `security_barrier` keeps a caller's leaky function from seeing rows the `WHERE` removes.
    func viewDefinition(_ masked: [ResolvedAccess]) -> String {
        var columns: [String] = []
        for column in table.columns {
            let name = SQLText.identifier(column.name)
            // A view column has one type: when any role's mask is text, every branch is made text
            // (a date masked to its year for one role and hashed for another, say).
            let masks = masked.compactMap { item in item.masks[column.name].map { (role: item.access.role, mask: $0) } }
            let anyText = masks.contains { $0.mask.isText } && !MaskSQL.isTextType(column.type)
            var branches: [String: [String]] = [:]  // expression → roles
            for (role, mask) in masks {
                branches[anyText && !mask.isText ? "(\(mask.expression))::text" : mask.expression, default: []].append(role)
            }
            guard !branches.isEmpty else {
                columns.append(name)
                continue
            }
            let whens = branches.sorted { $0.value.sorted().first ?? "" < $1.value.sorted().first ?? "" }.map { expression, roles in
                "WHEN \(Self.currentUserIn(roles)) THEN \(expression)"
            }
            let plain = anyText ? "\(name)::text" : name
            columns.append("CASE \(whens.joined(separator: " ")) ELSE \(plain) END AS \(name)")
        }
        var sql = "CREATE VIEW \(viewName) WITH (security_barrier) AS SELECT \(columns.joined(separator: ", ")) FROM \(table.sqlName)"
        let filtered = masked.filter { $0.access.rowFilter != nil }
        if !filtered.isEmpty {
            let unfiltered = masked.filter { $0.access.rowFilter == nil }.map(\.access.role)
            var whens: [String] = []
            if !unfiltered.isEmpty { whens.append("WHEN \(Self.currentUserIn(unfiltered)) THEN true") }
            for item in filtered {
                guard let filter = item.access.rowFilter else { continue }
                whens.append("WHEN \(Self.currentUserIn([item.access.role])) THEN (\(filter.expression))")
            }
            // Only masked roles are granted the view; anyone else reading it sees no row.
            sql += " WHERE CASE \(whens.joined(separator: " ")) ELSE false END"
        }
        return sql
    }

    static func currentUserIn(_ roles: [String]) -> String {
        "current_user IN (\(roles.sorted().map(SQLText.literal).joined(separator: ", ")))"
    }

    // MARK: Grants

    /// REVOKE what planned grantees (governed and group roles) hold beyond `desired`, then GRANT
    /// what they lack.
    func grantStatements(on oid: UInt32, sqlName: String, desired: [String: PrivilegeSet], freshlyCreated: Bool) -> [PlannedStatement] {
        var observed: [String: PrivilegeSet] = [:]
        if !freshlyCreated {
            for grant in catalog.grants(on: oid) where planner.plannedGrantees.contains(grant.grantee) {
                observed[grant.grantee, default: PrivilegeSet()].add(grant.privilege, column: grant.column)
            }
        }
        var revokes: [PlannedStatement] = []
        var grants: [PlannedStatement] = []
        for role in Set(observed.keys).union(desired.keys).sorted() {
            let want = desired[role] ?? PrivilegeSet()
            let have = observed[role] ?? PrivilegeSet()
            // After an apply nearly every role is here already; the set work below is for the rest.
            if want == have { continue }
            let grantee = SQLText.identifier(role)
            // Revoking a table-level privilege also revokes it on every column.
            let revokedTableLevel = have.tableLevel.subtracting(want.tableLevel)
            for privilege in revokedTableLevel.sorted() {
                revokes.append(PlannedStatement(.revoke, "REVOKE \(privilege) ON \(sqlName) FROM \(grantee)", table: resourceName))
            }
            for privilege in Set(have.columns.keys).union(want.columns.keys).sorted() {
                let had = revokedTableLevel.contains(privilege) ? [] : have.columns[privilege] ?? []
                let wanted = want.columns[privilege] ?? []
                let extra = had.subtracting(wanted)
                if !extra.isEmpty {
                    revokes.append(
                        PlannedStatement(
                            .revoke, "REVOKE \(privilege) \(SQLText.columnList(extra)) ON \(sqlName) FROM \(grantee)", table: resourceName))
                }
                let missing = wanted.subtracting(had)
                if !missing.isEmpty {
                    grants.append(
                        PlannedStatement(
                            .grant, "GRANT \(privilege) \(SQLText.columnList(missing)) ON \(sqlName) TO \(grantee)", table: resourceName))
                }
            }
            for privilege in want.tableLevel.subtracting(have.tableLevel).sorted() {
                grants.append(PlannedStatement(.grant, "GRANT \(privilege) ON \(sqlName) TO \(grantee)", table: resourceName))
            }
        }
        return revokes + grants
    }

    /// A governed role that holds, through another role or PUBLIC, more than it should on this
    /// table would bypass what the plan enforces; Rampart cannot revoke grants it does not own,
    /// so it names the statement instead.
    private mutating func reportInheritedPrivileges(_ wanted: [String: PrivilegeSet], masked: Set<String>) {
        var byGrantee: [String: [CatalogGrant]] = [:]
        // A privilege granted by two grantors is listed twice; it is reported once.
        var seen: Set<CatalogGrant> = []
        for grant in catalog.grants(on: table.oid) where !planner.plannedGrantees.contains(grant.grantee) && seen.insert(grant).inserted {
            byGrantee[grant.grantee, default: []].append(grant)
        }
        guard !byGrantee.isEmpty else { return }
        for role in planner.governedRoles.sorted() {
            let want = wanted[role] ?? PrivilegeSet()
            for source in ((planner.inheritedRoles[role] ?? []).union(["PUBLIC"])).sorted() where byGrantee[source] != nil {
                for grant in byGrantee[source] ?? [] {
                    let allowed =
                        want.tableLevel.contains(grant.privilege)
                        || (grant.column.map { want.columns[grant.privilege]?.contains($0) ?? false } ?? false)
                    guard !allowed else { continue }
                    let target = grant.column.map { "\(grant.privilege) (\(SQLText.identifier($0)))" } ?? grant.privilege
                    let from = source == "PUBLIC" ? "PUBLIC" : SQLText.identifier(source)
                    findings.append(
                        EnforcementFinding(
                            .inheritedPrivilege,
                            "\(role) has \(target) through \(source)\(masked.contains(role) ? ", bypassing its masks" : ""); run: "
                                + "REVOKE \(target) ON \(table.sqlName) FROM \(from)"
                                + (source == "PUBLIC" ? "" : " (or REVOKE \(SQLText.identifier(source)) FROM \(SQLText.identifier(role)))"),
                            table: table.resourceName, role: role))
                }
            }
        }
    }

    // MARK: Row security

    private mutating func planRowSecurity(_ accesses: [RoleTableAccess]) {
        let ours = catalog.policies.filter { $0.table == table.oid && marker.owns($0.comment) }
        let foreign = catalog.policies.filter { $0.table == table.oid && !OwnershipMarker.isMarker($0.comment) }
        let filtered = accesses.filter { $0.rowFilter != nil && !$0.isEmpty }
        var wanted: [(name: String, sql: String)] = []
        if !filtered.isEmpty {
            if foreign.isEmpty {
                let roles = Set(accesses.filter { !$0.isEmpty }.map(\.role)).union([table.owner, catalog.syncRole])
                wanted.append(
                    (
                        EnforcementPlanner.allowPolicy,
                        "CREATE POLICY \(EnforcementPlanner.allowPolicy) ON \(table.sqlName) AS PERMISSIVE FOR ALL TO "
                            + roles.sorted().map(SQLText.identifier).joined(separator: ", ") + " USING (true) WITH CHECK (true)"
                    ))
            } else {
                findings.append(
                    EnforcementFinding(
                        .foreignRowSecurity,
                        "the table has row-security policies Rampart does not own (\(foreign.map(\.name).sorted().joined(separator: ", "))); "
                            + "they keep deciding which rows are visible, Rampart's filters narrow them",
                        table: resourceName))
            }
            for access in filtered {
                guard let filter = access.rowFilter else { continue }
                let name = Self.filterPolicyName(access.role)
                wanted.append(
                    (
                        name,
                        "CREATE POLICY \(name) ON \(table.sqlName) AS RESTRICTIVE FOR ALL TO \(SQLText.identifier(access.role)) "
                            + "USING (\(filter.expression)) WITH CHECK (\(filter.expression))"
                    ))
            }
        }
        let existingByName = Dictionary(catalog.policies.filter { $0.table == table.oid }.map { ($0.name, $0) }) { first, _ in first }
        let ourAllow = ours.first { $0.name == EnforcementPlanner.allowPolicy }
        // What Rampart switched on, to switch off again when its last policy goes.
        var notes = marker.notes(in: ourAllow?.comment)
        if ourAllow == nil {
            if !table.rowSecurity { notes.insert("rls=rampart") }
            if !table.forceRowSecurity { notes.insert("force=rampart") }
        }
        let wantedNames = Set(wanted.map(\.name))
        for policy in ours.sorted(by: { $0.name < $1.name }) where !wantedNames.contains(policy.name) {
            statements.append(
                PlannedStatement(.rowSecurity, "DROP POLICY \(SQLText.identifier(policy.name)) ON \(table.sqlName)", table: resourceName))
        }
        for (name, sql) in wanted {
            let digest = OwnershipMarker.digest(sql)
            if let existing = existingByName[name] {
                guard marker.owns(existing.comment) else {
                    findings.append(
                        EnforcementFinding(.foreignObject, "policy \(name) exists and is not Rampart's", table: resourceName))
                    continue
                }
                if marker.digest(in: existing.comment) == digest { continue }
                statements.append(PlannedStatement(.rowSecurity, "DROP POLICY \(name) ON \(table.sqlName)", table: resourceName))
            }
            statements.append(PlannedStatement(.rowSecurity, sql, table: resourceName))
            let comment = marker.comment(digest: digest, notes: name == EnforcementPlanner.allowPolicy ? notes.sorted() : [])
            statements.append(
                PlannedStatement(
                    .rowSecurity, "COMMENT ON POLICY \(name) ON \(table.sqlName) IS \(SQLText.literal(comment))", table: resourceName))
        }
        if wantedNames.contains(EnforcementPlanner.allowPolicy) {
            if !table.rowSecurity {
                statements.append(PlannedStatement(.rowSecurity, "ALTER TABLE \(table.sqlName) ENABLE ROW LEVEL SECURITY", table: resourceName))
            }
            if !table.forceRowSecurity {
                statements.append(PlannedStatement(.rowSecurity, "ALTER TABLE \(table.sqlName) FORCE ROW LEVEL SECURITY", table: resourceName))
            }
        } else if ourAllow != nil, foreign.isEmpty {
            if notes.contains("force=rampart"), table.forceRowSecurity {
                statements.append(
                    PlannedStatement(.rowSecurity, "ALTER TABLE \(table.sqlName) NO FORCE ROW LEVEL SECURITY", table: resourceName))
            }
            if notes.contains("rls=rampart"), table.rowSecurity {
                statements.append(
                    PlannedStatement(.rowSecurity, "ALTER TABLE \(table.sqlName) DISABLE ROW LEVEL SECURITY", table: resourceName))
            }
        }
    }

    /// `rampart_filter_<digest of the role>`: stable per role, and within PostgreSQL's 63 bytes
    /// whatever the role's name.
    static func filterPolicyName(_ role: String) -> String {
        "rampart_filter_" + OwnershipMarker.digest(role).prefix(16)
    }
}

/// Privileges of one role on one relation: table-level ones, and column-level ones by privilege.
struct PrivilegeSet: Equatable {
    var tableLevel: Set<String> = []
    var columns: [String: Set<String>] = [:]

    init() {}

    /// SELECT, INSERT and UPDATE on `select`/`insert`/`update` (table-level when that is every
    /// column), DELETE table-level.
    init(select: Set<String>, insert: Set<String> = [], update: Set<String> = [], delete: Bool = false, of all: Set<String>) {
        for (privilege, columns) in [("SELECT", select), ("INSERT", insert), ("UPDATE", update)] where !columns.isEmpty {
            if columns == all { tableLevel.insert(privilege) } else { self.columns[privilege] = columns }
        }
        if delete { tableLevel.insert("DELETE") }
    }

    mutating func add(_ privilege: String, column: String?) {
        if let column { columns[privilege, default: []].insert(column) } else { tableLevel.insert(privilege) }
    }
}
