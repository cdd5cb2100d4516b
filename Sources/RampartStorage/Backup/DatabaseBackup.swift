// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartBackup
import RampartCore
import Synchronization

/// Takes an online, consistent backup of a whole Rampart database (every tenant, every table the
/// migrations created, keys in their wrapped form) into an encrypted backup file.
///
/// ```swift
/// let report = try await DatabaseBackup.create(
///     from: database, to: "/backups/rampart.rbk", credential: .loadKeyFile("/etc/rampart/backup.key"))
/// ```
package enum DatabaseBackup {
    package struct Report: Sendable {
        package var path: String
        package var manifest: BackupManifest
        package var fileBytes: UInt64
        package var contentBytes: UInt64
        package var duration: Duration
    }

    /// Writes the backup to `path` (atomically: a temporary name until complete and synced).
    package static func create(
        from database: any Database, to path: String, credential: BackupCredential, producer: String = "rampart",
        configuration: BackupContainerWriter.Configuration = .init(), logger: Logger = Logger(label: "rampart-backup"),
        progress: BackupProgressHandler? = nil
    ) async throws -> Report {
        let started = ContinuousClock.now
        let writer = try LockedArchiveWriter(path: path, credential: credential, configuration: configuration)
        do {
            let result = try await withSnapshot(of: database, logger: logger) { session in
                try await dump(session, into: writer, producer: producer, progress: progress)
            }
            try writer.withLock { try $0.commit() }
            return Report(
                path: path, manifest: result.manifest, fileBytes: result.summary.fileBytes, contentBytes: result.summary.plaintextBytes,
                duration: ContinuousClock.now - started)
        } catch {
            writer.withLock { $0.discard() }
            throw error
        }
    }

    /// Runs `body` inside a read snapshot of `database`, on a connection of its own.
    static func withSnapshot<R: Sendable>(
        of database: any Database, logger: Logger, _ body: @escaping @Sendable (any BackupSession) async throws -> R
    ) async throws -> R {
        if let sqlite = database as? SQLiteDatabase {
            return try await SQLiteBackupSession.withSnapshot(path: sqlite.path, logger: logger) { try await body($0) }
        }
        if let postgres = database as? PostgresDatabase {
            return try await PostgresBackupSession.withSnapshot(client: postgres.client, logger: logger) { try await body($0) }
        }
        throw RampartError(.internalError, "backups are not supported for this database")
    }

    private struct Result: Sendable {
        var manifest: BackupManifest
        var summary: BackupContainerWriter.Summary
    }

    private static func dump(
        _ session: any BackupSession, into writer: LockedArchiveWriter, producer: String, progress: BackupProgressHandler?
    ) async throws -> Result {
        let tables = TableOrdering.sorted(try await session.tables())
        var totals: [String: Int64] = [:]
        for table in tables { totals[table.name] = try await session.count(table.name) }
        let rowsTotal = totals.values.reduce(0, +)
        let preamble = BackupPreamble(
            createdAt: Int64(UnixTime.nowMilliseconds()), sourceEngine: session.engine.rawValue,
            schemaVersion: try await session.appliedMigrations(),
            masterKeyFingerprint: try await session.setting(Keyring.fingerprintSetting), producer: producer,
            tables: tables.map(\.name))
        try writer.withLock { try $0.begin(preamble) }
        let counter = RowCounter()
        for table in tables {
            try writer.withLock { try $0.beginTable(table.backupHeader) }
            progress?(snapshotProgress(writer, rows: counter.value, total: rowsTotal, table: table.name))
            try await session.streamRows(of: table) { values in
                try writer.withLock { try $0.writeRow(values) }
                let done = counter.increment()
                if let progress, done % 4096 == 0 {
                    progress(snapshotProgress(writer, rows: done, total: rowsTotal, table: table.name))
                }
            }
            try writer.withLock { try $0.endTable() }
        }
        let finished = try writer.withLock { try $0.finish() }
        progress?(snapshotProgress(writer, rows: counter.value, total: rowsTotal, table: nil))
        return Result(manifest: finished.manifest, summary: finished.summary)
    }

    private static func snapshotProgress(
        _ writer: LockedArchiveWriter, rows: Int64, total: Int64, table: String?
    )
        -> BackupProgress
    {
        BackupProgress(
            phase: .snapshot, rowsDone: rows, rowsTotal: total, fileBytes: writer.withLock { $0.fileBytes }, fileBytesTotal: 0, table: table)
    }
}

/// The archive writer, shared with a driver's row callback (which runs on the driver's thread
/// while the backup task waits, so the lock is never contended).
final class LockedArchiveWriter: Sendable {
    private let writer: Mutex<BackupArchiveWriter>

    /// Creates the temporary file, writes the header and prepares the content stream.
    init(path: String, credential: BackupCredential, configuration: BackupContainerWriter.Configuration) throws {
        let output = try BackupOutputFile(path: path)
        let container = try BackupContainerWriter(
            output: output, credential: credential, createdAt: Int64(UnixTime.nowMilliseconds()), configuration: configuration)
        writer = Mutex(BackupArchiveWriter(container: container))
    }

    func withLock<R: Sendable>(_ body: (BackupArchiveWriter) throws -> R) throws -> R {
        try writer.withLock { writer throws -> R in try body(writer) }
    }

    func withLock<R: Sendable>(_ body: (BackupArchiveWriter) -> R) -> R {
        writer.withLock { body($0) }
    }
}

/// Rows streamed so far, counted from the driver's thread.
final class RowCounter: Sendable {
    private let count = Atomic<Int64>(0)

    var value: Int64 { count.load(ordering: .relaxed) }

    func increment() -> Int64 { count.add(1, ordering: .relaxed).newValue }
}
