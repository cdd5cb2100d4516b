// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import SQLiteNIO
import Synchronization

/// One multi-row `INSERT INTO audit_records` for SQLite, with its binds.
///
/// The append runs while the writer's connection is held, so its cost bounds how many audit
/// records per second the server can commit. Records appended together mostly share their
/// request's values (tenant, time, actor, address, path, batch id, …): a column whose value is
/// the same in every row is bound once as a numbered parameter and referenced by each row, which
/// cuts the binds of a decision batch from 23 to about 9 per row. Values are bound natively;
/// SQLKit's per-value encoding cost more than SQLite's own work.
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

    let sql: String
    let binds: [SQLiteData]

    /// The statement for `rows` (at most ``maximumRows``, at least one).
    init(_ rows: ArraySlice<StoredAuditRecord>) {
        precondition((1...Self.maximumRows).contains(rows.count), "an audit insert holds 1 to \(Self.maximumRows) rows")
        let values = rows.map(Self.values)
        let first = values[values.startIndex]
        let columnCount = Self.columns.count
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
        self.sql = Self.statement(rows: rows.count, shared: shared)
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
    }

    /// The last statement built: appends of one kind (decision batches) repeat the same shape.
    private static let lastStatement = Mutex<(key: StatementKey, sql: String)?>(nil)

    private static func statement(rows: Int, shared: [Bool]) -> String {
        let key = StatementKey(rows: rows, shared: shared)
        if let cached = lastStatement.withLock({ $0 }), cached.key == key { return cached.sql }
        // Shared values are parameters 1…s; each row's own values follow, numbered in bind order.
        var parameter = [Int](repeating: 0, count: shared.count)
        var next = 1
        for column in shared.indices where shared[column] {
            parameter[column] = next
            next += 1
        }
        var sql = "INSERT INTO audit_records (" + columns.joined(separator: ", ") + ") VALUES "
        sql.reserveCapacity(sql.utf8.count + rows * shared.count * 7)
        for row in 0..<rows {
            sql += row == 0 ? "(" : ",("
            for column in shared.indices {
                if column > 0 { sql += "," }
                if shared[column] {
                    sql += "?\(parameter[column])"
                } else {
                    sql += "?\(next)"
                    next += 1
                }
            }
            sql += ")"
        }
        lastStatement.withLock { $0 = (key, sql) }
        return sql
    }
}
