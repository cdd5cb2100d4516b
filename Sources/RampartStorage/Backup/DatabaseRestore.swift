// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PostgresNIO
import RampartBackup
import RampartCore
import Synchronization

/// Restores a backup file into a database of either engine.
///
/// The file is checked completely first (every chunk's tag, every part's hash) without touching
/// the target. Then the target's schema is built by this build's own migrations, up to the
/// backup's schema version and no further, and the rows go in within one transaction, which
/// commits only after the manifest has been checked and every table's row count matches it.
/// Migrations newer than the backup run afterwards, at the next server start, like on any upgrade.
package enum DatabaseRestore {
    package struct Options: Sendable {
        /// Replace a target that already holds data.
        package var force = false

        package init(force: Bool = false) { self.force = force }
    }

    package struct Report: Sendable {
        package var preamble: BackupPreamble
        package var manifest: BackupManifest
        /// Whether existing tables in the target were dropped first.
        package var replacedExisting: Bool
        package var duration: Duration
    }

    /// Reads the whole file and checks it without a database: what `verify` does before it also
    /// proves the rows restore.
    package static func verifyFile(
        at path: String, credential: BackupCredential, progress: BackupProgressHandler? = nil
    ) throws -> (preamble: BackupPreamble, manifest: BackupManifest, reader: BackupContainerReader) {
        let container = try BackupContainerReader(path: path)
        try container.unlock(credential)
        let archive = BackupArchiveReader(container: container, parseRows: false)
        let preamble = try archive.preamble()
        var rows: Int64 = 0
        while let event = try archive.next() {
            switch event {
            case .row:
                rows += 1
                if let progress, rows % 8192 == 0 {
                    progress(
                        BackupProgress(
                            phase: .verifying, rowsDone: rows, rowsTotal: 0, fileBytes: container.bytesRead,
                            fileBytesTotal: container.fileLength, table: nil))
                }
            case .manifest(let manifest):
                progress?(
                    BackupProgress(
                        phase: .verifying, rowsDone: rows, rowsTotal: manifest.totalRows, fileBytes: container.fileLength,
                        fileBytesTotal: container.fileLength, table: nil))
                return (preamble, manifest, container)
            case .table, .tableEnd:
                break
            }
        }
        throw BackupError(.inconsistent, "the backup ends without its manifest")
    }

    /// The migrations that produce the backup's schema: a prefix of this build's list.
    package static func migrations(for schemaVersion: [String], available: [any Migration] = Migrations.all) throws -> [any Migration] {
        let known = available.map(\.id)
        if let unknown = schemaVersion.first(where: { !known.contains($0) }) {
            throw BackupError(
                .incompatible,
                "the backup's schema is newer than this build (migration \(unknown) is unknown); restore it with a newer rampart")
        }
        guard Array(known.prefix(schemaVersion.count)) == schemaVersion else {
            throw BackupError(
                .incompatible, "the backup's migrations (\(schemaVersion.joined(separator: ", "))) are not a prefix of this build's")
        }
        return Array(available.prefix(schemaVersion.count))
    }

    /// Restores `path` into `database`.
    package static func restore(
        from path: String, credential: BackupCredential, into database: any Database, options: Options = Options(),
        migrations available: [any Migration] = Migrations.all, logger: Logger = Logger(label: "rampart-restore"),
        progress: BackupProgressHandler? = nil
    ) async throws -> Report {
        let started = ContinuousClock.now
        let verified = try verifyFile(at: path, credential: credential, progress: progress)
        let migrations = try migrations(for: verified.preamble.schemaVersion, available: available)
        let fileLength = verified.reader.fileLength
        let reader = LockedArchiveReader(BackupArchiveReader(container: try BackupContainerReader(reopening: verified.reader)))
        _ = try reader.preamble()

        let backupTables = verified.preamble.tables
        let replaced = try await withRestoreSession(database, logger: logger) { session in
            try await prepareTarget(session, backupTables: backupTables, force: options.force)
        }
        try await Migrator(database: database, migrations: migrations).migrate()
        let manifest = verified.manifest
        try await withRestoreSession(database, logger: logger) { session in
            try await load(session, from: reader, manifest: manifest, fileLength: fileLength, progress: progress)
        }
        return Report(preamble: verified.preamble, manifest: manifest, replacedExisting: replaced, duration: ContinuousClock.now - started)
    }

    /// Runs `body` in one write transaction on a connection of the database's own.
    static func withRestoreSession<R: Sendable>(
        _ database: any Database, logger: Logger, _ body: @escaping @Sendable (any BackupSession) async throws -> R
    ) async throws -> R {
        if let sqlite = database as? SQLiteDatabase {
            return try await sqlite.withExclusiveConnection { connection in
                let session = SQLiteBackupSession(connection: connection)
                try await session.execute("BEGIN IMMEDIATE")
                do {
                    // Foreign keys are checked at commit rather than per row, so a reference cycle
                    // or a self-reference cannot fail a correct restore half-way.
                    try await session.execute("PRAGMA defer_foreign_keys = ON")
                    let result = try await body(session)
                    try await runToCompletion { try await session.execute("COMMIT") }
                    return result
                } catch {
                    // The server's own connection: an open transaction left on it would wedge it.
                    try? await runToCompletion { try await session.execute("ROLLBACK") }
                    throw error
                }
            }
        }
        if let postgres = database as? PostgresDatabase {
            return try await postgres.client.withConnection { connection in
                let session = PostgresBackupSession(connection: connection, logger: logger)
                try await session.execute("BEGIN")
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
        throw RampartError(.internalError, "restores are not supported for this database")
    }

    /// Refuses a target with data unless forced, then drops the tables the restore will recreate.
    /// Returns whether anything was dropped.
    private static func prepareTarget(_ session: any BackupSession, backupTables: [String], force: Bool) async throws -> Bool {
        let tables = try await session.tables()
        var occupied: [String] = []
        for table in tables where !BackupExclusions.seededByMigrations.contains(table.name) {
            if try await session.hasRows(table.name) { occupied.append(table.name) }
        }
        if !occupied.isEmpty && !force {
            let listed = occupied.prefix(5).joined(separator: ", ") + (occupied.count > 5 ? ", …" : "")
            throw BackupError(
                .targetNotEmpty, "the target database already holds data (\(listed)); restore into an empty one or pass --force to replace it")
        }
        let ledger = try await session.appliedMigrations()
        // A Rampart database is replaced whole; in a foreign schema only the backup's tables go.
        let dropped = ledger.isEmpty ? tables.filter { backupTables.contains($0.name) } : tables
        for table in TableOrdering.sorted(dropped).reversed() {
            try await session.execute("DROP TABLE \(SQLIdentifier.quote(table.name))\(session.engine == .postgres ? " CASCADE" : "")")
        }
        if !ledger.isEmpty {
            // SQLite keeps a view (and the triggers on it) when its tables go; the migrations
            // that run after the load make them again.
            for view in try await session.views() { try await session.execute("DROP VIEW IF EXISTS \(SQLIdentifier.quote(view))") }
            try await session.execute("DROP TABLE \(BackupExclusions.migrationsTable)")
            for table in BackupExclusions.derived.sorted() { try await session.execute("DROP TABLE IF EXISTS \(SQLIdentifier.quote(table))") }
        }
        return !dropped.isEmpty || !ledger.isEmpty
    }

    private static func load(
        _ session: any BackupSession, from reader: LockedArchiveReader, manifest: BackupManifest, fileLength: UInt64,
        progress: BackupProgressHandler?
    ) async throws {
        let targets = Dictionary(try await session.tables().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var table: (name: String, columns: [ColumnSchema], batch: Int)?
        var batch: [[BackupValue]] = []
        var rows: Int64 = 0
        var restored: [TableSchema] = []
        func report(_ name: String?) {
            progress?(
                BackupProgress(
                    phase: .restoring, rowsDone: rows, rowsTotal: manifest.totalRows, fileBytes: reader.fileBytesRead,
                    fileBytesTotal: fileLength, table: name))
        }
        while let event = try reader.next() {
            switch event {
            case .table(let header):
                guard let target = targets[header.name] else {
                    throw BackupError(.incompatible, "table `\(header.name)` of the backup does not exist after migrating the target")
                }
                let columns = try header.columns.map { column in
                    guard let match = target.columns.first(where: { $0.name == column.name }) else {
                        throw BackupError(.incompatible, "column \(header.name).\(column.name) of the backup does not exist in the target")
                    }
                    return match
                }
                table = (header.name, columns, session.rowsPerStatement(columnCount: columns.count))
                if BackupExclusions.seededByMigrations.contains(header.name) {
                    try await session.execute("DELETE FROM \(SQLIdentifier.quote(header.name))")
                }
                restored.append(target)
                report(header.name)
            case .row(let values):
                guard let current = table, values.count == current.columns.count else {
                    throw BackupError(.inconsistent, "a row of the backup does not match its table's columns")
                }
                batch.append(values)
                rows += 1
                if batch.count >= current.batch {
                    try await session.insert(into: current.name, columns: current.columns, rows: batch)
                    batch.removeAll(keepingCapacity: true)
                }
                if rows % 8192 == 0 { report(current.name) }
            case .tableEnd:
                if let current = table {
                    try await session.insert(into: current.name, columns: current.columns, rows: batch)
                }
                batch.removeAll(keepingCapacity: true)
                table = nil
            case .manifest(let manifest):
                // Proven, not assumed: every table holds exactly what the backup says it held.
                for (name, expected) in manifest.rowCounts {
                    let actual = try await session.count(name)
                    guard actual == expected else {
                        throw BackupError(.inconsistent, "table `\(name)` holds \(actual) rows after the restore, the backup \(expected)")
                    }
                }
                if let postgres = session as? PostgresBackupSession { try await postgres.resetSequences(of: restored) }
                report(nil)
            }
        }
    }
}

/// The archive reader, shared with the closure that runs the restore transaction.
final class LockedArchiveReader: Sendable {
    private let reader: Mutex<BackupArchiveReader>

    init(_ reader: sending BackupArchiveReader) { self.reader = Mutex(reader) }

    func preamble() throws -> BackupPreamble { try reader.withLock { try $0.preamble() } }
    func next() throws -> BackupArchiveEvent? { try reader.withLock { try $0.next() } }
    var fileBytesRead: UInt64 { reader.withLock { $0.fileBytesRead } }
}
