// SPDX-License-Identifier: Apache-2.0

// Backup and restore throughput on a generated SQLite database of the real schema.
//
//   swift run -c release BackupBench [size-in-MiB, default 1024] [work directory]
//
// Prints the database size, the backup size, and MB/s for backup, file-only verification and
// restore (MB = MiB of database file per second), plus the peak resident memory.

import Crypto
import Foundation
import Logging
import RampartBackup
import RampartCore
import RampartStorage
import SQLiteNIO

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
let targetMiB = arguments.count > 1 ? Int(arguments[1]) ?? 1024 : 1024
let work = arguments.count > 2 ? arguments[2] : NSTemporaryDirectory() + "rampart-backup-bench"
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
let sourcePath = work + "/source-\(targetMiB).sqlite"
let backupPath = work + "/bench.rbk"
let restoredPath = work + "/restored.sqlite"
let logger = Logger(label: "bench")
let credential = BackupCredential.keyFile(SymmetricKey(size: .bits256))

func fileSize(_ path: String) -> UInt64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Tenants with users, groups, memberships, API keys and sessions: text-heavy rows like the real
/// ones (UUIDv7 ids, scrypt hashes, names, e-mails).
func generate() async throws {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sourcePath + suffix) }
    let database = try await SQLiteDatabase.open(path: sourcePath, logger: logger)
    try await Migrator(database: database).migrate()
    let started = ContinuousClock.now
    var tenantCount = 0
    while fileSize(sourcePath) + fileSize(sourcePath + "-wal") < UInt64(targetMiB) << 20 {
        let tenantID = UUIDv7.generate()
        let tenant = tenantCount
        try await database.withExclusiveConnection { connection in
            _ = try await connection.query("BEGIN IMMEDIATE", [])
            _ = try await connection.query(
                "INSERT INTO tenants VALUES (?, ?, ?, 'active', ?, ?)",
                [
                    .text(tenantID), .text("tenant-\(tenant)"), .text("Tenant \(tenant) GmbH & Co. KG"), .integer(1_700_000_000_000),
                    .integer(1_700_000_000_000),
                ])
            let groupID = UUIDv7.generate()
            _ = try await connection.query(
                "INSERT INTO user_groups VALUES (?, ?, 'analysts', 'People who read the warehouse', 1, 1)", [.text(groupID), .text(tenantID)])
            for batch in 0..<20 {
                var sql = "INSERT INTO users VALUES "
                var binds: [SQLiteData] = []
                var members = "INSERT INTO group_members VALUES "
                var memberBinds: [SQLiteData] = []
                for row in 0..<250 {
                    let userID = UUIDv7.generate()
                    let number = batch * 250 + row
                    sql +=
                        row == 0
                        ? "(?, ?, ?, ?, ?, 'user', 'active', ?, 1700000000000, 1700000000000)"
                        : ", (?, ?, ?, ?, ?, 'user', 'active', ?, 1700000000000, 1700000000000)"
                    binds += [
                        .text(userID), .text(tenantID), .text("user.\(number).\(tenant)"), .text("Ünïcode Person \(number) of tenant \(tenant)"),
                        .text("user.\(number)@tenant-\(tenant).example.org"),
                        .text("$scrypt$ln=15,r=8,p=1$\(RandomToken.generate(byteCount: 16))$\(RandomToken.generate(byteCount: 32))"),
                    ]
                    members += row == 0 ? "(?, ?, ?, 1)" : ", (?, ?, ?, 1)"
                    memberBinds += [.text(tenantID), .text(groupID), .text(userID)]
                }
                _ = try await connection.query(sql, binds)
                _ = try await connection.query(members, memberBinds)
            }
            _ = try await connection.query("COMMIT", [])
        }
        tenantCount += 1
    }
    try await database.withExclusiveConnection { _ = try await $0.query("PRAGMA wal_checkpoint(TRUNCATE)", []) }
    try await database.shutdown()
    print(
        String(
            format: "generated %d tenants (%.0f MiB) in %.1f s", tenantCount, Double(fileSize(sourcePath)) / 1_048_576,
            seconds(ContinuousClock.now - started)))
}

if fileSize(sourcePath) < UInt64(targetMiB) << 20 {
    try await generate()
}
let databaseBytes = fileSize(sourcePath)
let megabytes = Double(databaseBytes) / 1_048_576
print(String(format: "database: %.0f MiB (%@)", megabytes, sourcePath))

let source = try await SQLiteDatabase.open(path: sourcePath, logger: logger)
try? FileManager.default.removeItem(atPath: backupPath)
let backup = try await DatabaseBackup.create(from: source, to: backupPath, credential: credential, producer: "BackupBench", logger: logger)
try await source.shutdown()
let backupSeconds = seconds(backup.duration)
print(
    String(
        format: "backup:  %.1f s, %.1f MB/s of database; %d rows; file %.0f MiB (content %.0f MiB before compression)", backupSeconds,
        megabytes / backupSeconds, backup.manifest.totalRows, Double(backup.fileBytes) / 1_048_576, Double(backup.contentBytes) / 1_048_576))

let verifyStart = ContinuousClock.now
_ = try DatabaseRestore.verifyFile(at: backupPath, credential: credential)
let verifySeconds = seconds(ContinuousClock.now - verifyStart)
print(String(format: "verify (file only: decrypt, inflate, hash): %.1f s, %.1f MB/s of database", verifySeconds, megabytes / verifySeconds))

for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: restoredPath + suffix) }
let target = try await SQLiteDatabase.open(path: restoredPath, logger: logger)
let restore = try await DatabaseRestore.restore(from: backupPath, credential: credential, into: target, logger: logger)
try await target.shutdown()
let restoreSeconds = seconds(restore.duration)
print(String(format: "restore: %.1f s, %.1f MB/s of database (includes the verification pass)", restoreSeconds, megabytes / restoreSeconds))
print(String(format: "peak resident memory: %.0f MiB", peakResidentMiB()))
