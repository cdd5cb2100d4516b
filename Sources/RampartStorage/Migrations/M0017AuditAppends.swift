// SPDX-License-Identifier: Apache-2.0

/// A view to append audit records through in one statement on SQLite: a row inserted into
/// `audit_appends` is checked against the tenant's head, written to `audit_records`, and moves
/// the head, all inside the one statement (an `INSTEAD OF` trigger).
///
/// Why: an append in a transaction is five statements (`BEGIN`, read the head, insert, update
/// the head, `COMMIT`), each a round trip to SQLite's thread, and the audit writer's commit is
/// what a single decision waits for. With the head kept in memory the append is one statement,
/// committed on its own. The trigger makes the memory safe: a row whose `seq` does not follow the
/// stored head, or whose `expected_frontier` is not the stored one (another writer moved it, a
/// restore replaced it), aborts the whole statement and nothing is written; the writer then
/// appends the old way. PostgreSQL appends take the head row `FOR UPDATE` and do not use it.
struct M0017AuditAppends: Migration {
    let id = "0017_audit_appends"

    /// The columns a row of `audit_appends` has beyond those of `audit_records`: the head the
    /// append expects (on its first row) and the head after it (on its last row).
    static let headColumns = ["expected_frontier", "new_frontier", "head_updated_at"]

    func statements(for engine: DatabaseEngine) -> [String] {
        guard engine == .sqlite else { return [] }
        let columns = SQLiteAuditInsert.columns
        return [
            """
            CREATE VIEW audit_appends AS SELECT \(columns.joined(separator: ", ")),
                NULL AS expected_frontier, NULL AS new_frontier, NULL AS head_updated_at
            FROM audit_records WHERE 0
            """,
            """
            CREATE TRIGGER audit_appends_insert INSTEAD OF INSERT ON audit_appends BEGIN
                SELECT RAISE(ABORT, '\(Self.headMoved)') WHERE NOT EXISTS (
                    SELECT 1 FROM audit_heads h WHERE h.tenant_id = NEW.tenant_id AND h.size = NEW.seq - 1
                        AND (NEW.expected_frontier IS NULL OR h.frontier = NEW.expected_frontier));
                INSERT INTO audit_records (\(columns.joined(separator: ", ")))
                    VALUES (\(columns.map { "NEW.\($0)" }.joined(separator: ", ")));
                UPDATE audit_heads SET size = NEW.seq, frontier = coalesce(NEW.new_frontier, frontier),
                    updated_at = coalesce(NEW.head_updated_at, updated_at)
                WHERE tenant_id = NEW.tenant_id;
            END
            """,
        ]
    }

    /// The trigger's abort message: the head in memory was not the stored one.
    static let headMoved = "rampart: audit head moved"
}
