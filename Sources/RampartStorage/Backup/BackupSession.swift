// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartBackup

/// What backup and restore need from one engine, on one connection inside one transaction.
///
/// The two conformers speak their engine's native driver directly (not SQLKit): a backup streams
/// millions of rows and the generic `Codable` path would dominate its time.
protocol BackupSession: Sendable {
    var engine: DatabaseEngine { get }

    /// Every table except the migration ledger and engine internals, with columns, primary key
    /// and foreign-key targets.
    func tables() async throws -> [TableSchema]

    /// The views in the target's schema (Rampart's migrations make them over its own tables).
    func views() async throws -> [String]

    /// The applied migration ids, in order; empty when there is no ledger.
    func appliedMigrations() async throws -> [String]

    /// One row of `server_settings`, when that table exists.
    func setting(_ name: String) async throws -> String?

    func count(_ table: String) async throws -> Int64

    /// Whether `table` holds any row (without counting them all).
    func hasRows(_ table: String) async throws -> Bool

    /// Calls `body` with every row of `table`, in primary-key order, values in column order.
    func streamRows(of table: TableSchema, _ body: @escaping @Sendable ([BackupValue]) throws -> Void) async throws

    /// Inserts `rows` (values in the order of `columns`), converting each value to its column's type.
    func insert(into table: String, columns: [ColumnSchema], rows: [[BackupValue]]) async throws

    func execute(_ sql: String) async throws

    /// How many rows one INSERT statement may carry for a table of `columnCount` columns.
    func rowsPerStatement(columnCount: Int) -> Int
}

/// SQL identifier quoting shared by both engines (both use the standard double quotes).
enum SQLIdentifier {
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
