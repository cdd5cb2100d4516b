// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartBackup
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Takes the scheduled backups while the server runs (see ``BackupSchedule``), copies each to the
/// off-site directory, applies retention and records the outcome.
///
/// With several servers on one PostgreSQL database, each may enable it: the holder of the
/// `backups` job lease (see ``JobLeases``) takes them, and another server takes over when it dies.
package struct BackupScheduler: Service {
    package let schedule: BackupSchedule
    package let directory: String
    package let credential: BackupCredential
    package let database: any Database
    package let status: BackupStatus
    /// Failed and missed backups are security events of the platform log.
    package let events: SecurityMonitor?
    package let logger: Logger
    /// With several servers on one database, only the holder of the job's lease backs up.
    package let leases: JobLeases?

    package init(
        schedule: BackupSchedule, directory: String, credential: BackupCredential, database: any Database, status: BackupStatus,
        events: SecurityMonitor? = nil, leases: JobLeases? = nil, logger: Logger
    ) {
        self.leases = leases
        self.events = events
        self.schedule = schedule
        self.directory = directory
        self.credential = credential
        self.database = database
        self.status = status
        self.logger = logger
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            // The lease is asked for only after the start delay: a server restarted after a crash
            // must not take the job and then idle while another could have backed up.
            try await Task.sleep(for: schedule.initialDelay)
            // Only the job's holder: servers sharing a backup directory must not sweep the file
            // another is writing, nor each report the same missed backup.
            if await leases?.holds(JobLeases.Job.backups) ?? true {
                var interrupted = 0
                for folder in [directory] + [schedule.offsiteDirectory].compactMap({ $0 }) {
                    let swept = BackupCatalog(directory: folder).sweepPartialFiles()
                    interrupted += swept
                    if swept > 0 { logger.warning("removed partial backup files of an interrupted backup", metadata: ["count": "\(swept)"]) }
                }
                await reportMissed(now: Int64(UnixTime.nowMilliseconds()), interrupted: interrupted)
            }
            while !Task.isCancelled {
                let wait = nextWait(now: Int64(UnixTime.nowMilliseconds()))
                if wait > .zero {
                    try await Task.sleep(for: wait)
                    continue
                }
                guard await leases?.holds(JobLeases.Job.backups) ?? true else {
                    // Another server backs up; ask again when its lease could have lapsed.
                    try await Task.sleep(for: JobLeases.renewal)
                    continue
                }
                if await runOnce() == nil { try await Task.sleep(for: schedule.retryDelay) }
            }
        }
    }

    /// How long until a backup is due: now when today has no daily backup, otherwise an interval
    /// after the newest backup, but never past the next UTC midnight (when a daily one is due).
    package func nextWait(now: Int64) -> Duration {
        let catalog = BackupCatalog(directory: directory)
        guard catalog.hasDaily(onDayOf: now) else { return .zero }
        let newest = catalog.entries().first?.createdAt ?? now
        let due = min(newest + schedule.intradayInterval.wholeMilliseconds, (BackupCatalog.day(now) + 1) * 86_400_000)
        return .milliseconds(max(0, due - now))
    }

    /// Takes one backup now; returns it, or `nil` after recording the failure.
    @discardableResult
    package func runOnce() async -> BackupStatus.Success? {
        let now = Int64(UnixTime.nowMilliseconds())
        let catalog = BackupCatalog(directory: directory)
        let kind: BackupCatalog.Kind = catalog.hasDaily(onDayOf: now) ? .intraday : .daily
        let name = BackupCatalog.fileName(kind: kind, at: now)
        let path = (directory as NSString).appendingPathComponent(name)
        do {
            let report = try await DatabaseBackup.create(
                from: database, to: path, credential: credential, producer: "rampart scheduler", logger: logger)
            if let offsite = schedule.offsiteDirectory {
                try Self.copy(path, to: (offsite as NSString).appendingPathComponent(name))
                BackupCatalog(directory: offsite).prune(kind, keep: keep(kind))
            }
            let pruned = catalog.prune(kind, keep: keep(kind))
            let milliseconds = report.duration.wholeMilliseconds
            let success = BackupStatus.Success(
                at: Int64(UnixTime.nowMilliseconds()), file: name, kind: kind, sizeBytes: report.fileBytes, rows: report.manifest.totalRows,
                durationMilliseconds: milliseconds)
            status.record(success)
            logger.info(
                "backup written",
                metadata: [
                    "file": .string(name), "bytes": "\(report.fileBytes)", "rows": "\(report.manifest.totalRows)",
                    "duration_ms": "\(milliseconds)", "pruned": "\(pruned.count)",
                ])
            return success
        } catch {
            let message = (error as? BackupError)?.message ?? (error as? RampartError)?.message ?? String(describing: error)
            let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "backup failed"
            status.record(BackupStatus.Failure(at: Int64(UnixTime.nowMilliseconds()), message: line))
            logger.error("backup failed", metadata: ["file": .string(name), "error": .string(line)])
            await raise(.backupFailed, ["file": name, "error": line])
            return nil
        }
    }

    /// At start: a backup interrupted by a crash, or a newest backup older than the interval plus
    /// an hour of grace (the server was down when one was due), is reported as missed.
    package func reportMissed(now: Int64, interrupted: Int) async {
        let grace: Int64 = 3_600_000
        let interval = schedule.intradayInterval.wholeMilliseconds
        var details: [String: String] = [:]
        if interrupted > 0 { details["interruptedFiles"] = String(interrupted) }
        if let newest = BackupCatalog(directory: directory).entries().first, now - newest.createdAt > interval + grace {
            details["lastBackup"] = newest.file
            details["hoursSinceLastBackup"] = String((now - newest.createdAt) / 3_600_000)
        }
        guard !details.isEmpty else { return }
        await raise(.backupMissed, details)
    }

    private func raise(_ kind: SecurityEventKind, _ details: [String: String]) async {
        do {
            try await events?.raise(kind, tenant: .platform, actorType: "system", details: details, audit: nil)
        } catch {
            logger.error("cannot record a backup security event", metadata: ["event": .string(kind.rawValue)])
        }
    }

    private func keep(_ kind: BackupCatalog.Kind) -> Int {
        kind == .daily ? schedule.keepDaily : schedule.keepIntraday
    }

    /// Copies a finished backup with the same care as writing it: temporary name, fsync, rename,
    /// fsync of the directory.
    package static func copy(_ source: String, to destination: String) throws {
        guard let input = FileHandle(forReadingAtPath: source) else { throw BackupError(.io, "cannot read \(source)") }
        defer { try? input.close() }
        let output = try BackupOutputFile(path: destination)
        do {
            while let block = try input.read(upToCount: 1 << 20), !block.isEmpty {
                try output.write(Array(block))
            }
            try output.commit()
        } catch {
            output.discard()
            throw BackupError(.io, "cannot copy the backup to \(destination): \(error)")
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds, the unit of the catalog's and status's times.
    package var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
