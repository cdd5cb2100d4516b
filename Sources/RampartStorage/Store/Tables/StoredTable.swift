// SPDX-License-Identifier: Apache-2.0

import SQLKit

/// One column of a table that stores `Row` values: its name (the one place outside the table's
/// migration that spells it) and how a value fills it.
struct Column<Row, Value: Codable & Sendable>: Sendable {
    let name: String
    let value: @Sendable (Row) -> Value

    init(_ name: String, _ value: @escaping @Sendable (Row) -> Value) {
        self.name = name
        self.value = value
    }
}

/// A column in a table's column list, its value type erased.
struct AnyColumn<Row>: Sendable {
    let name: String
    let bind: @Sendable (Row) -> any Encodable & Sendable

    init<Value>(_ column: Column<Row, Value>) {
        name = column.name
        bind = { column.value($0) }
    }
}

/// How values of one type are stored: the table and its columns, listed once. The INSERT and
/// UPDATE statements are built from the list, and decoding reads the same ``Column`` values, so
/// a column is named in exactly one place besides its migration.
protocol StoredTable {
    associatedtype Row
    static var name: String { get }
    /// Every column the type fills, in the order the INSERT lists them.
    static var columns: [AnyColumn<Row>] { get }
    /// The columns that identify a row: an update's `WHERE`.
    static var key: [AnyColumn<Row>] { get }
    /// Columns an update leaves as they are besides the key (`created_at`, a fixed slug).
    static var fixed: Set<String> { get }
    static func decode(_ row: any SQLRow) throws -> Row
}

extension StoredTable {
    static var fixed: Set<String> { ["created_at"] }

    /// `INSERT INTO table (every column) VALUES (…)`.
    static func insert(_ value: Row) -> SQLQueryString {
        "INSERT INTO \(unsafeRaw: name) (\(unsafeRaw: columns.map(\.name).joined(separator: ", "))) VALUES (\(binds: columns.map { $0.bind(value) }))"
    }

    /// `UPDATE table SET (every column but the key and the fixed ones) WHERE (the key)`.
    static func update(_ value: Row) -> SQLQueryString { updateStatement(value) }

    /// The statement ``update(_:)`` runs, for tables that add to its `WHERE`.
    static func updateStatement(_ value: Row) -> SQLQueryString {
        let keyNames = Set(key.map(\.name))
        var query: SQLQueryString = "UPDATE \(unsafeRaw: name) SET "
        for (index, column) in columns.filter({ !keyNames.contains($0.name) && !fixed.contains($0.name) }).enumerated() {
            query.appendInterpolation(unsafeRaw: index == 0 ? "" : ", ")
            query.appendInterpolation(unsafeRaw: column.name)
            query.appendInterpolation(unsafeRaw: " = ")
            query.appendInterpolation(bind: column.bind(value))
        }
        for (index, column) in key.enumerated() {
            query.appendInterpolation(unsafeRaw: index == 0 ? " WHERE " : " AND ")
            query.appendInterpolation(unsafeRaw: column.name)
            query.appendInterpolation(unsafeRaw: " = ")
            query.appendInterpolation(bind: column.bind(value))
        }
        return query
    }
}

extension StoredTable {
    /// `SELECT *` of one tenant's rows, newest id first, those whose `filter` column holds the
    /// given value when there is one; at most `limit` rows, bounded to 1…1000.
    static func newestFirst(in tenant: String, where filter: (column: String, value: String)?, limit: Int) -> SQLQueryString {
        var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: name) WHERE tenant_id = \(bind: tenant)"
        if let filter {
            query.appendInterpolation(unsafeRaw: " AND \(filter.column) = ")
            query.appendInterpolation(bind: filter.value)
        }
        query.appendInterpolation(unsafeRaw: " ORDER BY id DESC LIMIT ")
        query.appendInterpolation(bind: Int64(min(max(limit, 1), 1000)))
        return query
    }

    /// A stored count or duration as an `Int`, bounded when read back: a row written by another
    /// version (or by hand) must not trap.
    static func count(_ value: Int64) -> Int { Int(clamping: max(0, value)) }
}

extension SQLRow {
    /// The value of `column` in this row.
    func decode<Row, Value>(_ column: Column<Row, Value>) throws -> Value {
        try decode(column: column.name, as: Value.self)
    }
}
