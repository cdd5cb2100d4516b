// SPDX-License-Identifier: Apache-2.0

import Logging
import NIOCore
import PostgresNIO
import RampartBackup
import RampartCore

/// ``BackupSession`` over one PostgreSQL connection, in the connection's current schema.
struct PostgresBackupSession: BackupSession {
    let connection: PostgresConnection
    let logger: Logger
    var engine: DatabaseEngine { .postgres }

    /// Runs `body` in one `REPEATABLE READ READ ONLY` transaction: every table is read at the same
    /// snapshot while the servers go on writing, and the backup takes no lock that blocks them.
    static func withSnapshot<R: Sendable>(
        client: PostgresClient, logger: Logger, _ body: @Sendable (PostgresBackupSession) async throws -> R
    )
        async throws -> R
    {
        try await client.withConnection { connection in
            let session = PostgresBackupSession(connection: connection, logger: logger)
            try await session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try await body(session)
                try await session.execute("COMMIT")
                return result
            } catch {
                try? await session.execute("ROLLBACK")
                throw error
            }
        }
    }

    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            rows.append(row)
        }
        return rows
    }

    func execute(_ sql: String) async throws {
        _ = try await query(sql)
    }

    private func strings(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws -> [String] {
        try await query(sql, binds).map { try $0.decode(String.self) }
    }

    private func bindings(_ values: String...) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }

    func views() async throws -> [String] {
        try await strings("SELECT table_name::text FROM information_schema.views WHERE table_schema = current_schema() ORDER BY table_name")
    }

    func tables() async throws -> [TableSchema] {
        let names = try await strings(
            """
            SELECT table_name::text FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """
        ).filter { !BackupExclusions.isExcluded($0) }
        var tables: [TableSchema] = []
        for name in names {
            let columns = try await query(
                """
                SELECT column_name::text, udt_name::text, is_nullable::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
                """, bindings(name)
            ).map { row in
                let (column, udt, nullable) = try row.decode((String, String, String).self)
                return ColumnSchema(name: column, declaredType: udt, type: Self.type(udt: udt), nullable: nullable == "YES")
            }
            let primaryKey = try await strings(
                """
                SELECT a.attname::text FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = $1 ORDER BY k.position
                """, bindings(name))
            let references = try await strings(
                """
                SELECT DISTINCT target.relname::text FROM pg_constraint f
                JOIN pg_class source ON source.oid = f.conrelid JOIN pg_namespace n ON n.oid = source.relnamespace
                JOIN pg_class target ON target.oid = f.confrelid
                WHERE f.contype = 'f' AND n.nspname = current_schema() AND source.relname = $1
                """, bindings(name))
            tables.append(TableSchema(name: name, columns: columns, primaryKey: primaryKey, references: references.filter { $0 != name }.sorted()))
        }
        return tables
    }

    static func type(udt: String) -> BackupColumnType {
        switch udt {
        case "int2", "int4", "int8": .integer
        case "bool": .boolean
        case "float4", "float8": .real
        case "text", "varchar", "bpchar", "name", "citext": .text
        case "bytea": .blob
        default: .other
        }
    }

    private func tableExists(_ name: String) async throws -> Bool {
        try await !query(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1", bindings(name)
        ).isEmpty
    }

    func appliedMigrations() async throws -> [String] {
        guard try await tableExists(BackupExclusions.migrationsTable) else { return [] }
        return try await strings("SELECT id FROM rampart_migrations ORDER BY id")
    }

    func setting(_ name: String) async throws -> String? {
        guard try await tableExists("server_settings") else { return nil }
        return try await strings("SELECT value FROM server_settings WHERE name = $1", bindings(name)).first
    }

    func count(_ table: String) async throws -> Int64 {
        try await query("SELECT count(*) FROM \(SQLIdentifier.quote(table))").first?.decode(Int64.self) ?? 0
    }

    func hasRows(_ table: String) async throws -> Bool {
        try await !query("SELECT 1 FROM \(SQLIdentifier.quote(table)) LIMIT 1").isEmpty
    }

    func streamRows(of table: TableSchema, _ body: @escaping @Sendable ([BackupValue]) throws -> Void) async throws {
        // Types without a neutral form are read as their canonical text and cast back on restore.
        let projection = table.columns.map { column in
            column.type == .other ? "\(SQLIdentifier.quote(column.name))::text" : SQLIdentifier.quote(column.name)
        }.joined(separator: ", ")
        let order = table.primaryKey.isEmpty ? "" : " ORDER BY " + table.primaryKey.map(SQLIdentifier.quote).joined(separator: ", ")
        let types = table.columns.map(\.type)
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT \(projection) FROM \(SQLIdentifier.quote(table.name))\(order)"), logger: logger)
        for try await row in rows {
            var values: [BackupValue] = []
            values.reserveCapacity(types.count)
            for (cell, type) in zip(row, types) {
                guard cell.bytes != nil else {
                    values.append(.null)
                    continue
                }
                switch type {
                case .integer: values.append(.integer(try cell.decode(Int64.self)))
                case .boolean: values.append(.boolean(try cell.decode(Bool.self)))
                case .real: values.append(.real(try cell.decode(Double.self)))
                case .blob: values.append(.blob(Array(try cell.decode(ByteBuffer.self).readableBytesView)))
                case .text, .other: values.append(.text(try cell.decode(String.self)))
                }
            }
            try body(values)
        }
    }

    func rowsPerStatement(columnCount: Int) -> Int {
        max(1, min(1000, 60_000 / max(columnCount, 1)))
    }

    func insert(into table: String, columns: [ColumnSchema], rows: [[BackupValue]]) async throws {
        guard !rows.isEmpty else { return }
        let names = columns.map { SQLIdentifier.quote($0.name) }.joined(separator: ", ")
        var sql = "INSERT INTO \(SQLIdentifier.quote(table)) (\(names)) VALUES "
        var binds = PostgresBindings(capacity: rows.count * columns.count)
        var parameter = 0
        for (rowIndex, row) in rows.enumerated() {
            sql += rowIndex == 0 ? "(" : ", ("
            for (columnIndex, (value, column)) in zip(row, columns).enumerated() {
                parameter += 1
                if columnIndex > 0 { sql += ", " }
                // Text bound into a column of another type (jsonb, timestamptz…) needs an explicit cast.
                sql += column.type == .other ? "CAST($\(parameter) AS \(SQLIdentifier.quote(column.declaredType)))" : "$\(parameter)"
                switch try ValueConversion.convert(value, to: column, table: table) {
                case .null: binds.appendNull()
                case .integer(let number): binds.append(number)
                case .boolean(let flag): binds.append(flag)
                case .real(let number): binds.append(number)
                case .text(let text): binds.append(text)
                case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
                }
            }
            sql += ")"
        }
        _ = try await query(sql, binds)
    }

    /// Moves every sequence owned by a column (serial and identity columns) past the restored
    /// values, so the next insert does not collide with a restored row.
    func resetSequences(of tables: [TableSchema]) async throws {
        for table in tables {
            for column in table.columns where column.type == .integer {
                var binds = PostgresBindings()
                binds.append(SQLIdentifier.quote(table.name))
                binds.append(column.name)
                let sequences = try await query("SELECT pg_get_serial_sequence($1, $2)", binds)
                guard let sequence = try sequences.first?.decode(String?.self) else { continue }
                var reset = PostgresBindings()
                reset.append(sequence)
                _ = try await query(
                    """
                    SELECT setval($1::regclass, COALESCE((SELECT max(\(SQLIdentifier.quote(column.name))) FROM \(SQLIdentifier.quote(table.name))), 0) + 1, false)
                    """, reset)
            }
        }
    }
}
