// SPDX-License-Identifier: Apache-2.0

import RampartBackup

/// A table as found by introspecting a live database (never from a hard-coded list, so tables
/// added by later migrations are backed up without touching this code).
package struct TableSchema: Sendable, Equatable {
    package var name: String
    package var columns: [ColumnSchema]
    package var primaryKey: [String]
    /// Other tables this one has foreign keys to.
    package var references: [String]

    package var backupHeader: BackupTableHeader {
        BackupTableHeader(
            name: name,
            columns: columns.map { BackupColumn(name: $0.name, type: $0.type, declaredType: $0.declaredType, nullable: $0.nullable) },
            primaryKey: primaryKey, references: references)
    }
}

/// One column of a ``TableSchema``.
package struct ColumnSchema: Sendable, Equatable {
    package var name: String
    /// As the engine reports it: `BIGINT` on SQLite, the `udt_name` (`int8`, `jsonb`) on PostgreSQL.
    package var declaredType: String
    package var type: BackupColumnType
    package var nullable: Bool
}

/// Tables Rampart never backs up as rows: the migration ledger is rewritten by the restore's own
/// migrations, and engine-internal tables belong to the engine.
enum BackupExclusions {
    static let migrationsTable = "rampart_migrations"

    /// Tables a migration fills with bookkeeping rows (id counters): rows there do not make a
    /// target "hold data", and the restore replaces them with the backup's.
    static let seededByMigrations: Set<String> = ["policy_id_sequences"]

    /// Tables the database derives from others (triggers keep them): never backed up, emptied
    /// with the rest of a Rampart database before a restore, rebuilt by the restore's own writes.
    static let derived: Set<String> = ["directory_clock", "directory_epochs"]

    static func isExcluded(_ table: String) -> Bool {
        table == migrationsTable || table.hasPrefix("sqlite_") || derived.contains(table)
    }
}

/// Orders tables so that every table comes after the tables it references, which is the order
/// rows can be inserted in with foreign keys enforced (and the reverse is the order to empty them).
enum TableOrdering {
    /// Kahn's algorithm, ties broken by name so the order is stable across runs and engines.
    /// Tables in a reference cycle (which no migration creates today) are appended by name; the
    /// restore defers foreign-key checks to commit on SQLite, where that matters.
    static func sorted(_ tables: [TableSchema]) -> [TableSchema] {
        let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var pending = Dictionary(
            tables.map { table in (table.name, Set(table.references.filter { $0 != table.name && byName[$0] != nil })) },
            uniquingKeysWith: { first, _ in first })
        var ordered: [TableSchema] = []
        while !pending.isEmpty {
            let ready = pending.filter { $0.value.isEmpty }.keys.sorted()
            guard !ready.isEmpty else {
                ordered += pending.keys.sorted().compactMap { byName[$0] }
                break
            }
            for name in ready {
                pending[name] = nil
                if let table = byName[name] { ordered.append(table) }
            }
            for key in pending.keys { pending[key]?.subtract(ready) }
        }
        return ordered
    }
}
