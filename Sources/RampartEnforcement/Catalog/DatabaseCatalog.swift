// SPDX-License-Identifier: Apache-2.0

/// What a PostgreSQL database holds that enforcement reads or changes, as its catalog says.
///
/// Read in one snapshot before planning; the planner compares it with the state the policy
/// engine asks for and writes the statements that close the gap.
package struct DatabaseCatalog: Sendable, Hashable {
    /// The database's name (`current_database()`).
    package var database: String
    /// The role the sync runs as (`current_user`): it owns the views it creates and must see
    /// every row through them.
    package var syncRole: String
    /// The server's major version (`server_version_num / 10000`).
    package var serverMajorVersion: Int
    /// Ordinary and partitioned tables outside the system schemas and the view schemas.
    package var tables: [CatalogTable]
    /// Every role, by name.
    package var roles: [String: CatalogRole]
    /// Privileges granted on tables and views, table-level and column-level, in relation order.
    /// An array, not a set: an estate's catalog holds about a million, and a set of them takes
    /// twice the memory.
    package private(set) var grants: [CatalogGrant]
    /// Where each relation's grants are in ``grants``: the planner looks them up per table
    /// instead of scanning a million grants for each of a thousand tables.
    private var grantRanges: [UInt32: Range<Int>]
    /// Row-security policies on the tables above.
    package var policies: [CatalogPolicy]
    /// Views in the view schemas (`<schema>_rampart`).
    package var views: [CatalogView]
    /// Schemas named `<schema>_rampart`, with their comment.
    package var viewSchemas: [String: String?]
    /// `search_path` set for a role in this database (`ALTER ROLE … IN DATABASE … SET`).
    package var searchPaths: [String: String]
    /// Role memberships: member → roles it belongs to directly. Read as inheriting (a member
    /// with `NOINHERIT` is counted as having the privileges too, so the check errs on the safe side).
    package var memberships: [String: Set<String>]
    /// Memberships granted without inheritance (PostgreSQL 16's `INHERIT FALSE`): member → roles.
    package var nonInheritingMemberships: [String: Set<String>] = [:]
    /// What the sync role may do, for the preflight.
    package var syncAccount: SyncAccount
    /// The comment of the `rampart` schema (`nil`: no such schema; `.some(nil)`: no comment).
    package var keySchemaComment: String??
    /// The comment of `rampart_mask.mask_hash(text)`, when it exists.
    package var keyFunctionComment: String?

    package init(
        database: String, syncRole: String, serverMajorVersion: Int, tables: [CatalogTable], roles: [String: CatalogRole],
        grants: [CatalogGrant], policies: [CatalogPolicy], views: [CatalogView], viewSchemas: [String: String?], searchPaths: [String: String],
        memberships: [String: Set<String>] = [:], syncAccount: SyncAccount = SyncAccount()
    ) {
        self.database = database
        self.syncRole = syncRole
        self.serverMajorVersion = serverMajorVersion
        self.tables = tables
        self.roles = roles
        var grants = grants
        // Grouped by relation (the sort is stable: within one, the catalog's order is kept).
        grants.sort { $0.relation < $1.relation }
        var ranges: [UInt32: Range<Int>] = [:]
        var start = 0
        for index in grants.indices where index + 1 == grants.count || grants[index + 1].relation != grants[index].relation {
            ranges[grants[index].relation] = start..<(index + 1)
            start = index + 1
        }
        self.grants = grants
        self.grantRanges = ranges
        self.policies = policies
        self.views = views
        self.viewSchemas = viewSchemas
        self.searchPaths = searchPaths
        self.memberships = memberships
        self.syncAccount = syncAccount
        self.keySchemaComment = nil
        self.keyFunctionComment = nil
    }

    /// The grants on one table or view.
    package func grants(on relation: UInt32) -> ArraySlice<CatalogGrant> {
        grantRanges[relation].map { grants[$0] } ?? []
    }

    /// Every role `role` inherits privileges from, itself excluded.
    package func inheritedRoles(of role: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = Array(memberships[role] ?? [])
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += memberships[next] ?? []
        }
        seen.remove(role)
        return seen
    }
}

/// The sync role's own standing in the database: what the preflight checks.
package struct SyncAccount: Sendable, Hashable {
    package var isSuperuser: Bool
    package var bypassesRowSecurity: Bool
    package var canCreateRoles: Bool
    /// `CREATE` on the database: needed to create the view schemas.
    package var canCreateSchemas: Bool
    /// Table owners whose privileges the sync role has (it is, or is a member of, the owner).
    package var actsAsOwners: Set<String>

    package init(
        isSuperuser: Bool = false, bypassesRowSecurity: Bool = false, canCreateRoles: Bool = true, canCreateSchemas: Bool = true,
        actsAsOwners: Set<String> = []
    ) {
        self.isSuperuser = isSuperuser
        self.bypassesRowSecurity = bypassesRowSecurity
        self.canCreateRoles = canCreateRoles
        self.canCreateSchemas = canCreateSchemas
        self.actsAsOwners = actsAsOwners
    }
}

/// A table as the catalog describes it.
package struct CatalogTable: Sendable, Hashable {
    /// `pg_class.oid`: follows the table through a rename.
    package var oid: UInt32
    package var schema: String
    package var name: String
    package var owner: String
    /// In column order.
    package var columns: [CatalogColumn]
    package var rowSecurity: Bool
    package var forceRowSecurity: Bool

    package init(
        oid: UInt32, schema: String, name: String, owner: String, columns: [CatalogColumn], rowSecurity: Bool, forceRowSecurity: Bool
    ) {
        self.oid = oid
        self.schema = schema
        self.name = name
        self.owner = owner
        self.columns = columns
        self.rowSecurity = rowSecurity
        self.forceRowSecurity = forceRowSecurity
    }

    /// `"schema"."name"`.
    package var sqlName: String { SQLText.qualified(schema, name) }

    /// The table as Ranger resources and discovery's tags name it: `schema.table`, or just
    /// `table` in the `public` schema.
    package var resourceName: String { schema == "public" ? name : "\(schema).\(name)" }

    /// The schema that holds this table's masking view.
    package var viewSchema: String { SQLText.truncatedIdentifier(schema + "_rampart") }
}

/// A column and its type as `format_type` spells it (`text`, `character varying(20)`, `date`).
package struct CatalogColumn: Sendable, Hashable {
    package var name: String
    package var type: String

    package init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}

/// A role: whether it can log in, whether it inherits what its roles may do, and its comment
/// (where Rampart's marker would be).
package struct CatalogRole: Sendable, Hashable {
    package var name: String
    package var canLogin: Bool
    /// `rolinherit`: a role without it holds its roles' privileges only after `SET ROLE`.
    package var inherits: Bool
    package var comment: String?

    package init(name: String, canLogin: Bool, inherits: Bool = true, comment: String?) {
        self.name = name
        self.canLogin = canLogin
        self.inherits = inherits
        self.comment = comment
    }
}

/// One privilege held by one role on one table or view, or on one of its columns.
package struct CatalogGrant: Sendable, Hashable {
    package var relation: UInt32
    /// `nil` for a table-level privilege.
    package var column: String?
    package var grantee: String
    /// `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`, `REFERENCES` or `TRIGGER`.
    package var privilege: String

    package init(relation: UInt32, column: String?, grantee: String, privilege: String) {
        self.relation = relation
        self.column = column
        self.grantee = grantee
        self.privilege = privilege
    }
}

/// A row-security policy and its comment.
package struct CatalogPolicy: Sendable, Hashable {
    package var table: UInt32
    package var name: String
    package var permissive: Bool
    package var comment: String?

    package init(table: UInt32, name: String, permissive: Bool, comment: String?) {
        self.table = table
        self.name = name
        self.permissive = permissive
        self.comment = comment
    }
}

/// A view in a view schema and its comment.
package struct CatalogView: Sendable, Hashable {
    package var oid: UInt32
    package var schema: String
    package var name: String
    package var comment: String?

    package init(oid: UInt32, schema: String, name: String, comment: String?) {
        self.oid = oid
        self.schema = schema
        self.name = name
        self.comment = comment
    }
}
