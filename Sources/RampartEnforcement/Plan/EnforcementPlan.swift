// SPDX-License-Identifier: Apache-2.0

/// The statements that bring a database to the state the policies ask for, and what the planner
/// found it could not or would not do.
package struct EnforcementPlan: Sendable, Hashable {
    package var statements: [PlannedStatement]
    package var findings: [EnforcementFinding]
    /// Tables considered, roles governed.
    package var tableCount: Int
    package var roleCount: Int

    package init(statements: [PlannedStatement], findings: [EnforcementFinding], tableCount: Int, roleCount: Int) {
        self.statements = statements
        self.findings = findings
        self.tableCount = tableCount
        self.roleCount = roleCount
    }

    /// Nothing to run: the database already agrees with the policies.
    package var isEmpty: Bool { statements.isEmpty }

    /// How many statements of each kind, for a summary line.
    package var counts: [PlannedStatement.Kind: Int] {
        statements.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}

/// One SQL statement of a plan and why it is there.
package struct PlannedStatement: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case role
        case schema
        case view
        case grant
        case revoke
        case rowSecurity = "row-security"
        case searchPath = "search-path"

        package static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    package var kind: Kind
    package var sql: String
    /// The table it concerns, as `schema.table`; `nil` for role settings.
    package var table: String?
    /// What a plan shows instead of `sql` when `sql` holds a secret (the masking key).
    package var display: String?

    package init(_ kind: Kind, _ sql: String, table: String?, display: String? = nil) {
        self.kind = kind
        self.sql = sql
        self.table = table
        self.display = display
    }

    /// The statement as plans, reports and audit digests show it.
    package var shown: String { display ?? sql }
}

/// Something the plan reports instead of doing: a role that does not exist, a mask or filter that
/// cannot be enforced (that access is then withheld), an object Rampart does not own.
package struct EnforcementFinding: Sendable, Hashable {
    package enum Code: String, Sendable, Hashable {
        /// A Rampart user has no login role of that name in the database.
        case roleMissing = "role-missing"
        /// A mask cannot be written as SQL; the column is withheld from the role.
        case maskUnsupported = "mask-unsupported"
        /// A row filter does not parse or check against the table; the table is withheld from the role.
        case filterInvalid = "filter-invalid"
        /// An object in Rampart's way carries no Rampart marker; it is left alone and the access
        /// that needed it withheld.
        case foreignObject = "foreign-object"
        /// The table has row-security policies Rampart does not own; Rampart adds its filters
        /// but no permissive policy, so those policies keep deciding which rows are visible.
        case foreignRowSecurity = "foreign-row-security"
        /// A governed role has privileges on a governed table through another role (or PUBLIC)
        /// that Rampart does not own and so cannot revoke; the message names the statement.
        case inheritedPrivilege = "inherited-privilege"
        /// The sync role lacks a privilege it needs; the message names the statement a DBA runs.
        /// What needed it is left out of the plan.
        case privilegeMissing = "privilege-missing"
        /// The sync role has more than it needs (superuser, `BYPASSRLS`); it works, but should not.
        case privilegeExcess = "privilege-excess"
    }

    package var code: Code
    package var message: String
    package var table: String?
    package var role: String?
    package var policyID: Int64?

    package init(_ code: Code, _ message: String, table: String? = nil, role: String? = nil, policyID: Int64? = nil) {
        self.code = code
        self.message = message
        self.table = table
        self.role = role
        self.policyID = policyID
    }
}
