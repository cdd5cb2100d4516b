// SPDX-License-Identifier: Apache-2.0

import Logging
import NIOCore
import RampartBackup
import RampartCore
import SQLiteNIO

/// ``BackupSession`` over one SQLite connection.
struct SQLiteBackupSession: BackupSession {
    let connection: SQLiteConnection
    var engine: DatabaseEngine { .sqlite }

    /// Opens a second connection to the database file and runs `body` in one read transaction.
    ///
    /// In WAL mode a reader sees the snapshot of its first read until it ends and never blocks the
    /// server's writer, so this is an online, consistent backup of every table at one instant.
    static func withSnapshot<R: Sendable>(
        path: String, logger: Logger, _ body: @Sendable (SQLiteBackupSession) async throws -> R
    )
        async throws -> R
    {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
        } catch {
            throw RampartError(.storage, "cannot open SQLite database at \(path): \(error)")
        }
        let session = SQLiteBackupSession(connection: connection)
        do {
            try await session.execute("PRAGMA query_only = ON")
            try await session.execute("BEGIN DEFERRED")
            let result = try await body(session)
            try await session.execute("COMMIT")
            try await connection.close()
            return result
        } catch {
            // A cancelled backup still releases its snapshot and connection: a reader left open
            // would keep the WAL from being checkpointed.
            try? await runToCompletion {
                try? await session.execute("ROLLBACK")
                try await connection.close()
            }
            throw error
        }
    }

    func query(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await connection.query(sql, binds)
    }

    func execute(_ sql: String) async throws {
        _ = try await connection.query(sql, [])
    }

    func views() async throws -> [String] {
        try await query("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").compactMap { $0.column("name")?.string }
    }

    func tables() async throws -> [TableSchema] {
        let names = try await query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0.column("name")?.string }
            .filter { !BackupExclusions.isExcluded($0) }
        var tables: [TableSchema] = []
        for name in names {
            var primaryKey: [(Int, String)] = []
            var columns: [ColumnSchema] = []
            for row in try await query("SELECT name, type, \"notnull\" AS nn, pk FROM pragma_table_info(?1) ORDER BY cid", [.text(name)]) {
                guard let column = row.column("name")?.string else { continue }
                let declared = row.column("type")?.string ?? ""
                columns.append(
                    ColumnSchema(name: column, declaredType: declared, type: Self.type(declared: declared), nullable: row.column("nn")?.integer != 1))
                if let position = row.column("pk")?.integer, position > 0 { primaryKey.append((position, column)) }
            }
            let references = try await query("SELECT DISTINCT \"table\" AS target FROM pragma_foreign_key_list(?1)", [.text(name)])
                .compactMap { $0.column("target")?.string }
            tables.append(
                TableSchema(
                    name: name, columns: columns, primaryKey: primaryKey.sorted { $0.0 < $1.0 }.map(\.1),
                    references: references.filter { $0 != name }.sorted()))
        }
        return tables
    }

    /// SQLite's affinity rules (section 3.1 of its datatype page), with booleans told apart.
    static func type(declared: String) -> BackupColumnType {
        let upper = declared.uppercased()
        if upper.contains("BOOL") { return .boolean }
        if upper.contains("INT") { return .integer }
        if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") { return .text }
        if upper.isEmpty || upper.contains("BLOB") { return .blob }
        if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") { return .real }
        return .other
    }

    func appliedMigrations() async throws -> [String] {
        let exists = try await query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?1", [.text(BackupExclusions.migrationsTable)])
        guard !exists.isEmpty else { return [] }
        return try await query("SELECT id FROM rampart_migrations ORDER BY id").compactMap { $0.column("id")?.string }
    }

    func setting(_ name: String) async throws -> String? {
        let exists = try await query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'server_settings'")
        guard !exists.isEmpty else { return nil }
        return try await query("SELECT value FROM server_settings WHERE name = ?1", [.text(name)]).first?.column("value")?.string
    }

    func count(_ table: String) async throws -> Int64 {
        Int64(try await query("SELECT count(*) AS n FROM \(SQLIdentifier.quote(table))").first?.column("n")?.integer ?? 0)
    }

    func hasRows(_ table: String) async throws -> Bool {
        try await !query("SELECT 1 AS present FROM \(SQLIdentifier.quote(table)) LIMIT 1").isEmpty
    }

    func streamRows(of table: TableSchema, _ body: @escaping @Sendable ([BackupValue]) throws -> Void) async throws {
        let projection = table.columns.map { SQLIdentifier.quote($0.name) }.joined(separator: ", ")
        let order = table.primaryKey.isEmpty ? "rowid" : table.primaryKey.map(SQLIdentifier.quote).joined(separator: ", ")
        let booleans = table.columns.map { $0.type == .boolean }
        let failure = FirstError()
        // The row callback runs on SQLite's thread, one row after another, while this task waits;
        // an error there cannot stop the statement, so it is kept and rethrown afterwards.
        try await connection.query("SELECT \(projection) FROM \(SQLIdentifier.quote(table.name)) ORDER BY \(order)", []) { row in
            guard !failure.isSet else { return }
            var values: [BackupValue] = []
            values.reserveCapacity(booleans.count)
            for (index, column) in row.columns.enumerated() {
                switch column.data {
                case .null: values.append(.null)
                case .integer(let number):
                    if index < booleans.count, booleans[index], number == 0 || number == 1 {
                        values.append(.boolean(number == 1))
                    } else {
                        values.append(.integer(Int64(number)))
                    }
                case .float(let number): values.append(.real(number))
                case .text(let text): values.append(.text(text))
                case .blob(let buffer): values.append(.blob(Array(buffer.readableBytesView)))
                }
            }
            do {
                try body(values)
            } catch {
                failure.set(error)
            }
        }
        if let error = failure.value { throw error }
    }

    func rowsPerStatement(columnCount: Int) -> Int {
        max(1, min(500, 30_000 / max(columnCount, 1)))
    }

    func insert(into table: String, columns: [ColumnSchema], rows: [[BackupValue]]) async throws {
        guard !rows.isEmpty else { return }
        let names = columns.map { SQLIdentifier.quote($0.name) }.joined(separator: ", ")
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let sql =
            "INSERT INTO \(SQLIdentifier.quote(table)) (\(names)) VALUES "
            + Array(repeating: placeholders, count: rows.count).joined(separator: ", ")
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * columns.count)
        for row in rows {
            for (value, column) in zip(row, columns) {
                switch try ValueConversion.convert(value, to: column, table: table) {
                case .null: binds.append(.null)
                case .integer(let number): binds.append(.integer(SQLiteInt64(number)))
                case .boolean(let flag): binds.append(.integer(flag ? 1 : 0))
                case .real(let number): binds.append(.float(number))
                case .text(let text): binds.append(.text(text))
                case .blob(let bytes): binds.append(.blob(ByteBuffer(bytes: bytes)))
                }
            }
        }
        _ = try await connection.query(sql, binds)
    }
}
