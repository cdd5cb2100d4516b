// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import SQLiteNIO
import Synchronization

/// One multi-row `INSERT INTO audit_records` for SQLite, with its binds.
///
/// The append runs while the writer's connection is held, so its cost bounds how many audit
/// records per second the server can commit. Records appended together mostly share their
/// request's values (tenant, time, actor, address, path, batch id, …): a column whose value is
/// the same in every row is bound once, in the `SELECT` list of an `INSERT … SELECT … FROM
/// (VALUES …)`, and the `VALUES` rows hold only the others. A decision batch then binds and
/// parses about 9 values per row instead of 23. Values are bound natively; SQLKit's per-value
/// encoding cost more than SQLite's own work.
struct SQLiteAuditInsert {
    /// The columns of `audit_records` an append writes, in bind order.
    static let columns = [
        "tenant_id", "seq", "time_us", "actor_type", "actor_id", "source_ip", "user_agent", "method", "path", "entity_type", "entity_id",
        "operation", "outcome", "status", "request_id", "batch_id", "service", "resource", "access_type", "policy_id", "policy_version",
        "details", "leaf_hash",
    ]

    /// Rows per statement: even with nothing shared, 23 parameters a row stay under SQLite's
    /// 32,766-parameter limit.
    static let maximumRows = 1000

    /// How an append through `audit_appends` moves the tenant's head (``M0017AuditAppends``).
    struct HeadMove {
        /// The stored frontier the append expects, as text; checked on the first row.
        var expected: String
        /// The frontier after the append, as text; written with the last row.
        var new: String
        var updatedAt: Int64
    }

    let sql: String
    let binds: [SQLiteData]

    /// The statement for `rows` (at most ``maximumRows``, at least one): into `audit_records`, or,
    /// given `head`, into `audit_appends`, which checks and moves the head in the same statement.
    init(_ rows: ArraySlice<StoredAuditRecord>, head: HeadMove? = nil) {
        precondition((1...Self.maximumRows).contains(rows.count), "an audit insert holds 1 to \(Self.maximumRows) rows")
        var values = rows.map(Self.values)
        if let head {
            for index in values.indices {
                values[index].append(index == values.startIndex ? .text(head.expected) : .null)
                let isLast = index == values.index(before: values.endIndex)
                values[index].append(isLast ? .text(head.new) : .null)
                values[index].append(isLast ? .integer(SQLiteInt64(head.updatedAt)) : .null)
            }
        }
        let first = values[values.startIndex]
        let columnCount = first.count
        var shared = [Bool](repeating: true, count: columnCount)
        for row in values.dropFirst() {
            for column in 0..<columnCount where shared[column] && row[column] != first[column] { shared[column] = false }
        }
        var binds: [SQLiteData] = []
        binds.reserveCapacity(columnCount + rows.count * shared.lazy.filter { !$0 }.count)
        for column in 0..<columnCount where shared[column] { binds.append(first[column]) }
        for row in values {
            for column in 0..<columnCount where !shared[column] { binds.append(row[column]) }
        }
        self.binds = binds
        self.sql = Self.statement(rows: rows.count, shared: shared, movesHead: head != nil)
    }

    private static func values(_ entry: StoredAuditRecord) -> [SQLiteData] {
        let r = entry.record
        return [
            .text(r.tenantID), .integer(SQLiteInt64(r.seq)), .integer(SQLiteInt64(r.time)), .text(r.actorType), text(r.actorID),
            text(r.sourceIP), text(r.userAgent), text(r.method), text(r.path), text(r.entityType), text(r.entityID), .text(r.operation),
            .text(r.outcome), r.status.map { .integer(SQLiteInt64($0)) } ?? .null, text(r.requestID), text(r.batchID), text(r.service),
            text(r.resource), text(r.accessType), text(r.policyID), r.policyVersion.map { .integer(SQLiteInt64($0)) } ?? .null,
            text(r.details), .text(entry.leafHash.hex),
        ]
    }

    private static func text(_ value: String?) -> SQLiteData { value.map { .text($0) } ?? .null }

    private struct StatementKey: Hashable {
        var rows: Int
        var shared: [Bool]
        var movesHead: Bool
    }

    /// The last statement built: appends of one kind (decision batches) repeat the same shape.
    private static let lastStatement = Mutex<(key: StatementKey, sql: String)?>(nil)

    private static func statement(rows: Int, shared: [Bool], movesHead: Bool) -> String {
        let key = StatementKey(rows: rows, shared: shared, movesHead: movesHead)
        if let cached = lastStatement.withLock({ $0 }), cached.key == key { return cached.sql }
        var sql =
            movesHead
            ? "INSERT INTO audit_appends (" + (columns + M0017AuditAppends.headColumns).joined(separator: ", ") + ") "
            : "INSERT INTO audit_records (" + columns.joined(separator: ", ") + ") "
        let perRow = shared.lazy.filter { !$0 }.count
        if perRow == 0 {
            // One row (or rows identical in every column, which distinct `seq`s rule out).
            sql += "VALUES (" + (1...shared.count).map { "?\($0)" }.joined(separator: ",") + ")"
        } else {
            // Shared values are parameters 1…s, written once in the SELECT list; each row of the
            // VALUES list holds only its own values (SQLite names them column1, column2, …), so
            // the statement SQLite parses shrinks with every shared column.
            var select: [String] = []
            var parameter = 1
            var valuesColumn = 1
            for isShared in shared {
                if isShared {
                    select.append("?\(parameter)")
                    parameter += 1
                } else {
                    select.append("column\(valuesColumn)")
                    valuesColumn += 1
                }
            }
            let row = "(" + Array(repeating: "?", count: perRow).joined(separator: ",") + ")"
            sql += "SELECT " + select.joined(separator: ",") + " FROM (VALUES " + Array(repeating: row, count: rows).joined(separator: ",") + ")"
        }
        lastStatement.withLock { $0 = (key, sql) }
        return sql
    }
}
