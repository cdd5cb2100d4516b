// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartBackup
import RampartStorage

/// `rampart backup create --out FILE`: an online, consistent, encrypted snapshot of everything.
struct BackupCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Back up the whole database (all tenants and tables) into an encrypted file, while the server runs.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var key: BackupKeyOptions

    @Option(help: "The backup file to write (written under a temporary name, then renamed).")
    var out: String

    @Flag(help: "No progress display.")
    var quiet = false

    func run() async throws {
        let credential = try key.credential()
        if case .sqlite(let path) = storage.database, !FileManager.default.fileExists(atPath: path) {
            throw BackupError(.io, "there is no database at \(path)")
        }
        let progress = ProgressReporter(enabled: !quiet)
        let out = self.out
        let report = try await withDatabase(storage.database, logger: Logger(label: "rampart")) { database in
            try await DatabaseBackup.create(
                from: database, to: out, credential: credential, producer: "rampart \(RampartVersion.current)", progress: progress.handler)
        }
        progress.finish()
        let seconds = ByteCount.seconds(report.duration)
        let manifest = report.manifest
        print("backup written: \(report.path)")
        print(
            "  \(ByteCount.describe(report.fileBytes)) (\(ByteCount.describe(report.contentBytes)) of rows before compression) in "
                + String(format: "%.1f s, %.1f MB/s", seconds, Double(report.contentBytes) / 1_048_576 / max(seconds, 0.001)))
        print(
            "  \(manifest.totalRows) rows in \(manifest.rowCounts.count) tables; source \(manifest.sourceEngine); schema \(manifest.schemaVersion.last ?? "empty")"
        )
        if let fingerprint = manifest.masterKeyFingerprint {
            print("  master key fingerprint \(fingerprint): the restored server needs this master key, kept apart from the backup")
        }
    }
}
