// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartApp
import RampartAuditLog
import RampartBackup
import RampartCore
import RampartStorage

/// `rampart backup verify FILE`: proves a backup restorable by restoring it into a scratch
/// SQLite database, after checking every chunk and every manifest hash, and verifying every
/// tenant's audit log in the restored copy (Merkle tree and checkpoint signatures).
struct BackupVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Decrypt and check every chunk and hash of a backup, then restore it into a scratch database and compare row counts.")

    @Argument(help: "The backup file.")
    var file: String

    @OptionGroup var key: BackupKeyOptions

    @Flag(help: "No progress display.")
    var quiet = false

    func run() async throws {
        let credential = try key.credential()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-verify-\(UUIDv7.generate())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let progress = ProgressReporter(enabled: !quiet)
        let file = self.file
        let (report, audit) = try await withDatabase(.sqlite(path: scratch + "/scratch.sqlite"), logger: Logger(label: "rampart")) { database in
            let report = try await DatabaseRestore.restore(from: file, credential: credential, into: database, progress: progress.handler)
            return (report, try await Self.verifyAuditLogs(SQLStore(database: database)))
        }
        progress.finish()
        if let failed = audit.reports.first(where: { !$0.report.ok }) {
            let finding = failed.report.findings.first.map { ": \($0)" } ?? ""
            throw BackupError(.auditLogTampered, "the audit log of tenant \(failed.tenant.rawValue) in the backup fails verification\(finding)")
        }
        let manifest = report.manifest
        print("backup \(file) is restorable")
        print("  created \(Timestamp.rfc3339(milliseconds: manifest.createdAt)) from \(manifest.sourceEngine) by \(report.preamble.producer)")
        print("  schema: \(manifest.schemaVersion.joined(separator: ", "))")
        print("  every chunk authenticated; \(manifest.parts.count) part hashes match the manifest")
        print("  \(manifest.totalRows) rows restored into a scratch SQLite database; row counts match in all \(manifest.rowCounts.count) tables:")
        for (table, rows) in manifest.rowCounts { print("    \(table): \(rows)") }
        print("  audit logs verified: \(audit.reports.count) tenants, \(audit.records) records, \(audit.checkpoints) signed checkpoints")
        if let line = MasterKeyCheck.describe(recorded: manifest.masterKeyFingerprint, dataDirectory: nil).line { print("  \(line)") }
    }

    /// Every tenant's log in the restored copy, checked against the signing keys it holds.
    static func verifyAuditLogs(_ store: SQLStore) async throws -> AuditLogsVerified {
        let tenants = try await store.read { try await $0.auditTenants() }
        var result = AuditLogsVerified()
        for (tenant, _, _) in tenants {
            let report = try await AuditVerification.verify(store: store, tenant: tenant)
            result.reports.append((tenant, report))
            result.records += report.recordsChecked
            result.checkpoints += report.checkpointsVerified
        }
        return result
    }

    struct AuditLogsVerified: Sendable {
        var reports: [(tenant: TenantID, report: VerificationReport)] = []
        var records: Int64 = 0
        var checkpoints: Int = 0
    }
}
