// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartBackup
import RampartCore
import RampartStorage

/// `rampart restore FILE`: a backup into an empty database of either engine.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty database (--data-dir for SQLite, --database-url for PostgreSQL). Stop the server first.")

    @Argument(help: "The backup file.")
    var file: String

    @OptionGroup var storage: StorageOptions
    @OptionGroup var key: BackupKeyOptions

    @Flag(help: "Replace a target database that already holds data.")
    var force = false

    @Flag(help: "No progress display.")
    var quiet = false

    func run() async throws {
        let credential = try key.credential()
        let progress = ProgressReporter(enabled: !quiet)
        let file = self.file
        let options = DatabaseRestore.Options(force: force)
        let report = try await withDatabase(storage.database, logger: Logger(label: "rampart")) { database in
            try await DatabaseRestore.restore(from: file, credential: credential, into: database, options: options, progress: progress.handler)
        }
        progress.finish()
        let manifest = report.manifest
        let seconds = ByteCount.seconds(report.duration)
        print(
            "restored \(manifest.totalRows) rows in \(manifest.rowCounts.count) tables into \(storage.database.redactedDescription)"
                + String(format: " in %.1f s", seconds) + (report.replacedExisting ? " (existing tables replaced)" : ""))
        print(
            "  backup created \(Timestamp.rfc3339(milliseconds: manifest.createdAt)) from \(manifest.sourceEngine); schema \(manifest.schemaVersion.last ?? "empty")"
        )
        let check = MasterKeyCheck.describe(recorded: manifest.masterKeyFingerprint, dataDirectory: storage.dataDirectory)
        if let line = check.line {
            if check.mismatch {
                FileHandle.standardError.write(Data("rampart: warning: \(line)\n".utf8))
            } else {
                print("  \(line)")
            }
        }
    }
}
