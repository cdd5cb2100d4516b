// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOCore
import SQLiteNIO

/// A SQLite database file, opened read-only (`mode=ro`, `query_only`): a scan never writes to it.
package struct SQLiteConnector: DatasourceConnector {
    package let path: String

    package init(path: String) { self.path = path }

    package func connect() async throws(ConnectorError) -> any DatasourceSession {
        guard FileManager.default.fileExists(atPath: path) else { throw ConnectorError(.notFound, "no SQLite file at \(path)") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw ConnectorError(.permission, "cannot read \(path)") }
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%", "?", "#": escaped += String(format: "%%%02X", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: "file:\(escaped)?mode=ro"), logger: Logger(label: "rampart-discovery-sqlite"))
        } catch {
            throw ConnectorError(.invalidData, "\(path) cannot be opened as a SQLite database")
        }
        do {
            _ = try await connection.query("PRAGMA query_only = ON")
            // A file that is not a database fails here, not halfway through a scan.
            _ = try await connection.query("SELECT count(*) FROM sqlite_master")
            return Session(connection: connection)
        } catch {
            // A connection must be closed before it is released.
            try? await connection.close()
            throw ConnectorError(.invalidData, "\(path) is not a readable SQLite database")
        }
    }

    struct Session: DatasourceSession {
        let connection: SQLiteConnection

        func schema() async throws(ConnectorError) -> [SchemaTable] {
            do {
                let names = try await connection.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                ).compactMap { $0.column("name")?.string }
                var tables: [SchemaTable] = []
                for name in names {
                    let columns = try await connection.query("SELECT name, type FROM pragma_table_info(?)", [.text(name)]).map {
                        SchemaColumn(name: $0.column("name")?.string ?? "", type: $0.column("type")?.string ?? "")
                    }
                    let count = try await connection.query("SELECT count(*) AS n FROM \(Self.quote(name))").first?.column("n")?.integer
                    tables.append(SchemaTable(schema: nil, name: name, columns: columns, estimatedRows: count.map(Int64.init)))
                }
                return tables
            } catch {
                throw ConnectorError(.invalidData, "cannot read the SQLite schema")
            }
        }

        func rows(of table: SchemaTable, limit: Int?, maximumRows: Int) async throws(ConnectorError) -> any RowBatches {
            let columns = table.columns.map(\.name)
            guard !table.columns.isEmpty else { return ArrayRowBatches(columns: columns, rows: []) }
            let projection = table.columns.map { "CAST(\(Self.quote($0.name)) AS TEXT)" }.joined(separator: ", ")
            if let limit {
                // A sample is bounded by the caller, so it is read in one query.
                do {
                    let rows = try await connection.query("SELECT \(projection) FROM \(Self.quote(table.name)) ORDER BY random() LIMIT \(limit)")
                    return ArrayRowBatches(columns: columns, rows: rows.map { row in row.columns.map { $0.data.string } })
                } catch {
                    throw ConnectorError(.invalidData, "cannot read table \(table.name)")
                }
            }
            return Pages(connection: connection, table: table.name, projection: projection, columns: columns, remaining: maximumRows)
        }

        /// A full scan, a page at a time in rowid order (a `WITHOUT ROWID` table by offset).
        struct Pages: RowBatches {
            let connection: SQLiteConnection
            let table: String
            let projection: String
            let columns: [String]
            var remaining: Int
            var afterRowID: Int64 = .min
            var offset = 0
            var byOffset = false
            static let pageRows = 10_000

            mutating func next() async throws(ConnectorError) -> [[String?]]? {
                guard remaining > 0 else { return nil }
                let count = min(Self.pageRows, remaining)
                do {
                    var rows: [[String?]]
                    if !byOffset {
                        do {
                            let page = try await connection.query(
                                "SELECT rowid, \(projection) FROM \(Session.quote(table)) WHERE rowid > ? ORDER BY rowid LIMIT \(count)",
                                [.integer(Int(afterRowID))])
                            if let last = page.last?.columns.first?.data.integer { afterRowID = Int64(last) }
                            rows = page.map { row in row.columns.dropFirst().map { $0.data.string } }
                        } catch {
                            guard afterRowID == .min else { throw error }
                            byOffset = true
                            return try await next()
                        }
                    } else {
                        let page = try await connection.query("SELECT \(projection) FROM \(Session.quote(table)) LIMIT \(count) OFFSET \(offset)")
                        rows = page.map { row in row.columns.map { $0.data.string } }
                        offset += rows.count
                    }
                    remaining -= rows.count
                    if rows.count < count { remaining = 0 }
                    return rows.isEmpty ? nil : rows
                } catch let error as ConnectorError {
                    throw error
                } catch {
                    throw ConnectorError(.invalidData, "cannot read table \(table)")
                }
            }
        }

        func close() async { try? await connection.close() }

        static func quote(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    }
}
