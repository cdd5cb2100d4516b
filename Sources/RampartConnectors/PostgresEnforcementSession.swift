// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import RampartEnforcement

/// A read-write connection to a governed PostgreSQL database: reads the catalog enforcement
/// plans from, checks row filters, and applies a plan in one transaction.
///
/// Every statement goes through the extended query protocol, which runs exactly one statement:
/// a filter or name that tried to end its statement and start another fails to parse instead.
package struct PostgresEnforcementSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let settings: PostgresConnector.Settings

    /// How long apply waits for a table lock before giving up (and rolling back), so a sync
    /// never queues behind a long transaction and blocks everyone queued behind it.
    package static let lockTimeout = "5s"
    /// How long one statement of a sync may run: reading a large estate's catalog takes seconds.
    package static let statementTimeout = "5min"

    package func close() async { try? await connection.close() }

    func query(_ text: String) async throws(ConnectorError) -> [[String?]] {
        try await PostgresConnector.rows(of: text, on: connection, logger: logger, settings: settings)
    }

    /// Calls `body` with each row as it arrives, for results too large to hold as text first.
    func forEachRow(_ text: String, _ body: (PostgresRow) -> Void) async throws(ConnectorError) {
        do {
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: text), logger: logger) { body(row) }
        } catch {
            throw PostgresConnector.map(error, settings: settings)
        }
    }

    /// An OID in decimal digits, read without making a string of them.
    static func oid(_ bytes: ByteBuffer) -> UInt32? {
        guard bytes.readableBytes > 0 else { return nil }
        var value: UInt32 = 0
        for byte in bytes.readableBytesView {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt32(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// The server's message for a failed statement (its SQLSTATE and text), for plans and errors.
    static func serverMessage(_ error: any Error) -> String {
        if let psql = error as? PSQLError, let message = psql.serverInfo?[.message] {
            return "\(psql.serverInfo?[.sqlState] ?? "?????"): \(message)"
        }
        return String(describing: error)
    }

    // MARK: Catalog

    /// Reads everything the planner compares, in one repeatable-read snapshot.
    package func catalog() async throws(ConnectorError) -> DatabaseCatalog {
        _ = try await query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let catalog = try await readCatalog()
            _ = try await query("COMMIT")
            return catalog
        } catch {
            _ = try? await query("ROLLBACK")
            throw error
        }
    }

    private func readCatalog() async throws(ConnectorError) -> DatabaseCatalog {
        let header = try await query(
            "SELECT current_database()::text, current_user::text, (current_setting('server_version_num')::integer / 10000)::text, "
                + "current_setting('standard_conforming_strings')")
        guard let first = header.first, first.count == 4, let database = first[0], let syncRole = first[1] else {
            throw ConnectorError(.invalidData, "the server did not say which database and role this is")
        }
        guard first[3] == "on" else {
            throw ConnectorError(.invalidData, "standard_conforming_strings is off; enforcement writes standard SQL string literals")
        }
        // `rampart_mask` holds the masking key and `<schema>_rampart` the views: Rampart's, not governed.
        let systemSchemas =
            "n.nspname NOT IN ('pg_catalog', 'information_schema', 'rampart_mask') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname !~ '_rampart$'"
        let tableRows = try await query(
            """
            SELECT c.oid::text, n.nspname::text, c.relname::text, pg_get_userbyid(c.relowner)::text, c.relrowsecurity::text,
                   c.relforcerowsecurity::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(systemSchemas)
            """)
        let columnRows = try await query(
            """
            SELECT a.attrelid::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(systemSchemas)
            ORDER BY a.attrelid, a.attnum
            """)
        var columns: [UInt32: [CatalogColumn]] = [:]
        for row in columnRows where row.count == 3 {
            guard let oid = row[0].flatMap({ UInt32($0) }), let name = row[1], let type = row[2] else { continue }
            columns[oid, default: []].append(CatalogColumn(name: name, type: type))
        }
        var tables: [CatalogTable] = []
        for row in tableRows where row.count == 6 {
            guard let oid = row[0].flatMap({ UInt32($0) }), let schema = row[1], let name = row[2], let owner = row[3] else { continue }
            tables.append(
                CatalogTable(
                    oid: oid, schema: schema, name: name, owner: owner, columns: columns[oid] ?? [], rowSecurity: row[4] == "true",
                    forceRowSecurity: row[5] == "true"))
        }
        var roles: [String: CatalogRole] = [:]
        var roleNames: [UInt32: String] = [:]
        let roleRows = try await query(
            "SELECT oid::text, rolname::text, rolcanlogin::text, shobj_description(oid, 'pg_authid'), rolinherit::text FROM pg_roles")
        for row in roleRows where row.count == 5 {
            guard let oid = row[0].flatMap({ UInt32($0) }), let name = row[1] else { continue }
            roles[name] = CatalogRole(name: name, canLogin: row[2] == "true", inherits: row[4] != "false", comment: row[3])
            roleNames[oid] = name
        }
        // Privileges are most of an estate's catalog (a row per role, privilege and table or
        // column: about a million for a thousand tables and five hundred users), so their rows are
        // decoded as they arrive, and grantees come as OIDs (grants to PUBLIC have grantee 0).
        var grants: [CatalogGrant] = []
        let grantsQuery = """
            SELECT c.oid::text, NULL::text, a.grantee::text, a.privilege_type::text
            FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
            WHERE c.relkind IN ('r', 'p', 'v') AND c.relacl IS NOT NULL
            UNION ALL
            SELECT c.oid::text, at.attname::text, a.grantee::text, a.privilege_type::text
            FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid CROSS JOIN LATERAL aclexplode(at.attacl) a
            WHERE c.relkind IN ('r', 'p', 'v') AND at.attacl IS NOT NULL AND at.attnum > 0 AND NOT at.attisdropped
            """
        try await forEachRow(grantsQuery) { row in
            var cells = row.makeIterator()
            guard let relation = cells.next()?.bytes.flatMap(Self.oid), let column = cells.next(),
                let grantee = cells.next()?.bytes.flatMap(Self.oid).flatMap({ $0 == 0 ? "PUBLIC" : roleNames[$0] }),
                let privilege = cells.next()?.bytes
            else { return }
            grants.append(
                CatalogGrant(
                    relation: relation, column: column.bytes.map { String(buffer: $0) }, grantee: grantee, privilege: String(buffer: privilege)))
        }
        var policies: [CatalogPolicy] = []
        for row in try await query("SELECT polrelid::text, polname::text, polpermissive::text, obj_description(oid, 'pg_policy') FROM pg_policy")
        where row.count == 4 {
            guard let oid = row[0].flatMap({ UInt32($0) }), let name = row[1] else { continue }
            policies.append(CatalogPolicy(table: oid, name: name, permissive: row[2] == "true", comment: row[3]))
        }
        var views: [CatalogView] = []
        let viewRows = try await query(
            """
            SELECT c.oid::text, n.nspname::text, c.relname::text, obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND n.nspname ~ '_rampart$'
            """)
        for row in viewRows where row.count == 4 {
            guard let oid = row[0].flatMap({ UInt32($0) }), let schema = row[1], let name = row[2] else { continue }
            views.append(CatalogView(oid: oid, schema: schema, name: name, comment: row[3]))
        }
        var viewSchemas: [String: String?] = [:]
        for row in try await query("SELECT nspname::text, obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname ~ '_rampart$'")
        where row.count == 2 {
            guard let name = row[0] else { continue }
            viewSchemas[name] = .some(row[1])
        }
        var searchPaths: [String: String] = [:]
        let settingRows = try await query(
            """
            SELECT r.rolname::text, substr(setting, length('search_path=') + 1)
            FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole CROSS JOIN LATERAL unnest(s.setconfig) setting
            WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND setting LIKE 'search\\_path=%'
            """)
        for row in settingRows where row.count == 2 {
            guard let role = row[0], let value = row[1] else { continue }
            searchPaths[role] = value
        }
        var memberships: [String: Set<String>] = [:]
        var nonInheriting: [String: Set<String>] = [:]
        // `inherit_option` exists from PostgreSQL 16 on; read through the row's JSON so one
        // query serves every version (older ones give NULL: inheritance is the role's).
        let membershipRows = try await query(
            """
            SELECT m.rolname::text, r.rolname::text, to_jsonb(a) ->> 'inherit_option' FROM pg_auth_members a
            JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
            """)
        for row in membershipRows where row.count == 3 {
            guard let member = row[0], let role = row[1] else { continue }
            memberships[member, default: []].insert(role)
            if row[2] == "false" { nonInheriting[member, default: []].insert(role) }
        }
        let accountRows = try await query(
            """
            SELECT rolsuper::text, rolbypassrls::text, rolcreaterole::text,
                   has_database_privilege(current_user, current_database(), 'CREATE')::text
            FROM pg_roles WHERE rolname = current_user
            """)
        var account = SyncAccount()
        if let row = accountRows.first, row.count == 4 {
            account = SyncAccount(
                isSuperuser: row[0] == "true", bypassesRowSecurity: row[1] == "true", canCreateRoles: row[2] == "true",
                canCreateSchemas: row[3] == "true")
        }
        for owner in Set(tables.map(\.owner)) {
            let member = try await query("SELECT pg_has_role(current_user, \(SQLText.literal(owner)), 'USAGE')::text")
            if member.first?.first == "true" { account.actsAsOwners.insert(owner) }
        }
        var catalog = DatabaseCatalog(
            database: database, syncRole: syncRole, serverMajorVersion: first[2].flatMap { Int($0) } ?? 0, tables: tables, roles: roles,
            grants: grants, policies: policies, views: views, viewSchemas: viewSchemas, searchPaths: searchPaths, memberships: memberships,
            syncAccount: account)
        catalog.nonInheritingMemberships = nonInheriting
        let keySchema = try await query(
            "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = \(SQLText.literal(MaskHashKey.schema))")
        if let row = keySchema.first { catalog.keySchemaComment = .some(row.first ?? nil) }
        let keyFunction = try await query(
            """
            SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = \(SQLText.literal(MaskHashKey.schema)) AND p.proname = 'mask_hash'
            """)
        catalog.keyFunctionComment = keyFunction.first?.first ?? nil
        return catalog
    }

    // MARK: Filters

    /// `nil` when `expression` is a boolean expression PostgreSQL accepts over `table`; the
    /// server's message when it does not. Planned, not run: nothing is read.
    ///
    /// - Throws: when the check itself could not be made (a lock timeout on the table, a lost
    ///   connection): that says nothing about the filter, and withholding reads for it would
    ///   revoke access because someone held a lock.
    package func checkFilter(_ expression: String, on table: CatalogTable) async throws(ConnectorError) -> String? {
        try await explain("EXPLAIN SELECT 1 FROM \(table.sqlName) WHERE (\(expression))")
    }

    /// `nil` when `expression` (a mask's, over the table's columns) is one PostgreSQL accepts as
    /// a view's column over `table`; the server's message when it does not. Planned, not run.
    package func checkColumnExpression(_ expression: String, on table: CatalogTable) async throws(ConnectorError) -> String? {
        try await explain("EXPLAIN SELECT \(expression) FROM \(table.sqlName)")
    }

    private func explain(_ statement: String) async throws(ConnectorError) -> String? {
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
            return nil
        } catch {
            if let state = (error as? PSQLError)?.serverInfo?[.sqlState], Self.isVerdict(state) { return Self.serverMessage(error) }
            throw PostgresConnector.map(error, settings: settings)
        }
    }

    /// Whether an error of SQLSTATE `state` says the expression is unusable (a syntax or type
    /// error, a data exception, a program limit such as a `repeat` too large, a statement that ran
    /// out of memory), rather than that the check could not be made: a lost connection (08), a
    /// lock not granted (55P03), a statement cancelled or timed out (57014, which a DBA's
    /// `pg_cancel_backend` also gives), a server shutting down (57P01–57P05), a full disk or too
    /// many connections (53100, 53300), a system error (58), a rolled-back transaction (40) or an
    /// aborted one (25). Those throw, so a DBA's lock or cancel never revokes anyone's access.
    static func isVerdict(_ state: String) -> Bool {
        let transient = ["08", "58", "40", "25"]
        if transient.contains(String(state.prefix(2))) { return false }
        return !["55P03", "57014", "57P01", "57P02", "57P03", "57P04", "57P05", "53100", "53300"].contains(state)
    }

    // MARK: Apply

    /// A statement of a plan failed; the transaction was rolled back, nothing changed.
    package struct ApplyFailure: Error, Sendable {
        package var index: Int
        package var statement: String
        package var message: String
    }

    /// Runs `statements` in one transaction with a lock timeout: all of them take effect or none.
    package func apply(_ statements: [String]) async throws {
        do {
            _ = try await connection.query("BEGIN", logger: logger).collect()
            _ = try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = '\(Self.lockTimeout)'"), logger: logger).collect()
        } catch {
            throw PostgresConnector.map(error, settings: settings)
        }
        for (index, statement) in statements.enumerated() {
            do {
                _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger).collect()
                throw ApplyFailure(index: index, statement: statement, message: Self.serverMessage(error))
            }
        }
        do {
            _ = try await connection.query("COMMIT", logger: logger).collect()
        } catch {
            throw ApplyFailure(index: statements.count, statement: "COMMIT", message: Self.serverMessage(error))
        }
    }
}
