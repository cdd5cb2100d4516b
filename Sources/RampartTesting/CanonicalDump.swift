// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartStorage
import SQLKit

/// Every row of every table in a canonical, engine-independent text form, for comparing two
/// databases (a source and its restored copy, possibly on the other engine).
///
/// Written independently of the backup code on purpose (SQLKit and the engines' own text casts,
/// not the backup sessions), so a bug in the backup's reader cannot hide in the comparison.
package enum CanonicalDump {
    /// Table name → sorted rows; each row is `column=value` pairs sorted by column, NULL as `∅`.
    /// The migration ledger is reduced to its ids (the restore's own migrations re-date it); the
    /// directory change counters, which triggers derive from the other tables' writes, are left out.
    package static func of(_ database: any Database) async throws -> [String: [String]] {
        let engine = database.engine
        return try await database.transaction { sql in
            var dump: [String: [String]] = [:]
            for table in try await tables(sql, engine: engine) where !["directory_clock", "directory_epochs"].contains(table) {
                let columns = try await columns(of: table, sql, engine: engine).filter { table != "rampart_migrations" || $0.name == "id" }
                let projection = columns.enumerated().map { index, column in
                    "\(expression(column, engine: engine)) AS c\(index)"
                }.joined(separator: ", ")
                let rows = try await sql.raw(SQLQueryString("SELECT \(unsafeRaw: projection) FROM \(unsafeRaw: quote(table))")).all()
                dump[table] = try rows.map { row in
                    try columns.enumerated().map { index, column in
                        let value = try row.decode(column: "c\(index)", as: String?.self)
                        return "\(column.name)=\(value.map { column.canonical($0) } ?? "∅")"
                    }.sorted().joined(separator: "|")
                }.sorted()
            }
            return dump
        }
    }

    struct Column {
        var name: String
        var type: String
        var isBlob: Bool { type.lowercased().contains("blob") || type == "bytea" }
        var isBoolean: Bool { type.lowercased().contains("bool") }
        var isReal: Bool { ["real", "floa", "doub"].contains { type.lowercased().contains($0) } }

        /// Engines print the same value differently (`1.0` and `1`, `ABCD` and `abcd`).
        func canonical(_ text: String) -> String {
            if isBlob { return text.lowercased() }
            if isReal, let number = Double(text) { return number.description }
            return text
        }
    }

    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func expression(_ column: Column, engine: DatabaseEngine) -> String {
        let name = quote(column.name)
        switch engine {
        case .sqlite:
            if column.isBlob { return "CASE WHEN \(name) IS NULL THEN NULL ELSE hex(\(name)) END" }
            if column.isBoolean { return "CASE WHEN \(name) IS NULL THEN NULL WHEN \(name) THEN '1' ELSE '0' END" }
            return "CAST(\(name) AS TEXT)"
        case .postgres:
            if column.isBlob { return "encode(\(name), 'hex')" }
            if column.isBoolean { return "CASE WHEN \(name) IS NULL THEN NULL WHEN \(name) THEN '1' ELSE '0' END" }
            return "\(name)::text"
        }
    }

    static func tables(_ sql: any SQLDatabase, engine: DatabaseEngine) async throws -> [String] {
        let query: SQLQueryString =
            engine == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    static func columns(of table: String, _ sql: any SQLDatabase, engine: DatabaseEngine) async throws -> [Column] {
        let query: SQLQueryString =
            engine == .sqlite
            ? "SELECT name, type FROM pragma_table_info(\(bind: table)) ORDER BY cid"
            : "SELECT column_name::text AS name, udt_name::text AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position"
        return try await sql.raw(query).all().map {
            Column(name: try $0.decode(column: "name", as: String.self), type: try $0.decode(column: "type", as: String.self))
        }
    }
}
