// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// `rampart backup create | verify | keygen` and `rampart restore`, run as the real binary, with
/// the documented exit codes.
@Suite struct BackupCLITests {
    static func rampart(_ arguments: [String], environment: [String: String] = [:]) throws -> CLITests.Run {
        try CLITests.rampart(arguments + ["--quiet"], environment: environment)
    }

    static func mutatedCopy(of path: String, in directory: String, _ name: String, _ change: (inout [UInt8]) -> Void) throws -> String {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        let copy = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
        return copy
    }

    /// A data directory with a tenant, a backup key and a backup of it.
    static func prepared(_ directory: String) throws -> (data: String, key: String, backup: String) {
        let data = directory + "/data"
        let created = try CLITests.rampart([
            "tenants", "create", "--data-dir", data, "--slug", "acme", "--name", "Acme Corp", "--admin-username", "alice",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let key = directory + "/backup.key"
        let keygen = try CLITests.rampart(["backup", "keygen", "--out", key])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let backup = directory + "/acme.rbk"
        let create = try rampart(["backup", "create", "--data-dir", data, "--key-file", key, "--out", backup])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout.contains("backup written: \(backup)"))
        return (data, key, backup)
    }

    @Test func createVerifyRestoreOnTheEmbeddedDatabase() throws {
        try CLITests.withDataDirectory { directory in
            let (data, key, backup) = try Self.prepared(directory)
            let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try CLITests.rampart(["backup", "keygen", "--out", key]).status == 1, "an existing key is never replaced")
            #expect((try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int) == 0o600)

            let masterKey = try String(contentsOfFile: data + "/master.key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let verify = try Self.rampart(["backup", "verify", backup, "--key-file", key], environment: ["RAMPART_MASTER_KEY": masterKey])
            #expect(verify.status == 0, "\(verify.stderr)")
            #expect(verify.stdout.contains("is restorable"))
            #expect(verify.stdout.contains("tenants: 1"))
            #expect(verify.stdout.contains("matches the backup's fingerprint"))
            #expect(verify.stdout.contains("audit logs verified: 1 tenants, 1 records"), "\(verify.stdout)")

            let target = directory + "/restored"
            let restore = try Self.rampart(["restore", backup, "--data-dir", target, "--key-file", key])
            #expect(restore.status == 0, "\(restore.stderr)")
            #expect(restore.stdout.contains("restored "))
            #expect(restore.stdout.contains("no master key found"))
            #expect(!FileManager.default.fileExists(atPath: target + "/master.key"), "restore never invents a master key")

            // With the original master key in place the restored deployment is the same.
            try FileManager.default.copyItem(atPath: data + "/master.key", toPath: target + "/master.key")
            let list = try CLITests.rampart(["tenants", "list", "--data-dir", target])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("acme") && list.stdout.contains("Acme Corp"))

            let again = try Self.rampart(["restore", backup, "--data-dir", target, "--key-file", key])
            #expect(again.status == 11, "\(again.stderr)")
            #expect(again.stderr.contains("--force") && again.stderr.split(separator: "\n").count == 1)
            let forced = try Self.rampart(["restore", backup, "--data-dir", target, "--key-file", key, "--force"])
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(forced.stdout.contains("matches the backup's fingerprint"))

            // A different master key is called out.
            let other = directory + "/other"
            try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
            let mismatch = try Self.rampart(
                ["restore", backup, "--data-dir", other, "--key-file", key],
                environment: ["RAMPART_MASTER_KEY": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="])
            #expect(mismatch.status == 0)
            #expect(mismatch.stderr.contains("does NOT match"))
        }
    }

    /// A backup faithfully carries an audit log that was edited before it was taken; `verify`
    /// restores it and refuses it with its own exit code.
    @Test func verifyCatchesAnAuditLogTamperedBeforeTheBackup() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (data, key, _) = try Self.prepared(directory)
        try await withDatabase(.resolve(dataDirectory: data, databaseURL: nil), logger: Logger(label: "cli-test")) { database in
            try await database.transaction { sql in try await sql.raw("UPDATE audit_records SET outcome = 'denied' WHERE seq = 1").run() }
        }
        let backup = directory + "/tampered.rbk"
        #expect(try Self.rampart(["backup", "create", "--data-dir", data, "--key-file", key, "--out", backup]).status == 0)
        let verify = try Self.rampart(["backup", "verify", backup, "--key-file", key])
        #expect(verify.status == 12, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stderr.contains("audit log") && verify.stderr.split(separator: "\n").count == 1, "\(verify.stderr)")
    }

    @Test func everyFailureHasItsOwnExitCode() throws {
        try CLITests.withDataDirectory { directory in
            let (_, key, backup) = try Self.prepared(directory)
            let size = try Data(contentsOf: URL(fileURLWithPath: backup)).count
            let otherKey = directory + "/other.key"
            #expect(try CLITests.rampart(["backup", "keygen", "--out", otherKey]).status == 0)
            let notABackup = directory + "/not-a-backup"
            try Data("hello".utf8).write(to: URL(fileURLWithPath: notABackup))
            let cases: [(String, String, Int32, String)] = [
                ("not a backup", notABackup, 3, "not a Rampart backup"),
                ("header byte", try Self.mutatedCopy(of: backup, in: directory, "header.rbk") { $0[60] ^= 1 }, 4, "header is damaged"),
                ("chunk byte", try Self.mutatedCopy(of: backup, in: directory, "chunk.rbk") { $0[200] ^= 1 }, 6, "was modified"),
                ("last byte", try Self.mutatedCopy(of: backup, in: directory, "last.rbk") { $0[$0.count - 1] ^= 1 }, 6, "was modified"),
                ("truncated", try Self.mutatedCopy(of: backup, in: directory, "cut.rbk") { $0.removeLast(min(40, size - 180)) }, 7, "truncated"),
                ("appended", try Self.mutatedCopy(of: backup, in: directory, "long.rbk") { $0 += [0] }, 8, "follow the end"),
            ]
            for (what, path, code, message) in cases {
                let run = try Self.rampart(["backup", "verify", path, "--key-file", key])
                #expect(run.status == code, "\(what): \(run.stderr)")
                #expect(run.stderr.contains(message), "\(what): \(run.stderr)")
                #expect(run.stderr.split(separator: "\n").count == 1, "\(what): \(run.stderr)")
                let restore = try Self.rampart(["restore", path, "--data-dir", directory + "/never", "--key-file", key])
                #expect(restore.status == code, "restore, \(what): \(restore.stderr)")
            }
            let wrongKey = try Self.rampart(["backup", "verify", backup, "--key-file", otherKey])
            #expect(wrongKey.status == 5 && wrongKey.stderr.contains("wrong backup key file"), "\(wrongKey.stderr)")
            let passphraseInstead = try Self.rampart(
                ["backup", "verify", backup], environment: ["RAMPART_BACKUP_PASSPHRASE": "a long passphrase here"])
            #expect(passphraseInstead.status == 5, "\(passphraseInstead.stderr)")
            let noKey = try Self.rampart(["backup", "verify", backup])
            #expect(noKey.status == 2 && noKey.stderr.split(separator: "\n").count == 1, "\(noKey.stderr)")
            let both = try Self.rampart(["backup", "verify", backup, "--key-file", key, "--passphrase-file", key])
            #expect(both.status == 2)
        }
    }

    @Test func passphraseBackupsComeFromTheEnvironmentOrAFile() throws {
        try CLITests.withDataDirectory { directory in
            let data = directory + "/data"
            #expect(try CLITests.rampart(["migrate", "--data-dir", data]).status == 0)
            let backup = directory + "/p.rbk"
            let passphrase = "correct horse battery staple"
            let create = try Self.rampart(
                ["backup", "create", "--data-dir", data, "--out", backup], environment: ["RAMPART_BACKUP_PASSPHRASE": passphrase])
            #expect(create.status == 0, "\(create.stderr)")
            let file = directory + "/passphrase"
            try (passphrase + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let verify = try Self.rampart(["backup", "verify", backup, "--passphrase-file", file])
            #expect(verify.status == 0, "\(verify.stderr)")
            try "not the right passphrase\n".write(toFile: file, atomically: true, encoding: .utf8)
            let wrong = try Self.rampart(["backup", "verify", backup, "--passphrase-file", file])
            #expect(wrong.status == 5 && wrong.stderr.contains("wrong passphrase"), "\(wrong.stderr)")
            let short = try Self.rampart(
                ["backup", "create", "--data-dir", data, "--out", backup], environment: ["RAMPART_BACKUP_PASSPHRASE": "short"])
            #expect(short.status == 1 && short.stderr.contains("at least 12"))
            #expect(
                try Self.rampart(["backup", "create", "--data-dir", data, "--out", backup, "--passphrase", "x"]).status == 2, "no passphrase flag")
        }
    }

    /// The migration path from the embedded default to a shared PostgreSQL store, and back.
    @Test func embeddedToPostgresAndBack() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (data, key, backup) = try Self.prepared(directory)
        let masterKey = try String(contentsOfFile: data + "/master.key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try await TestDatabase.withFresh(.postgres) { database in
            let url = try #require(database.postgresURL)
            let restore = try Self.rampart(
                ["restore", backup, "--database-url", url, "--key-file", key], environment: ["RAMPART_MASTER_KEY": masterKey])
            #expect(restore.status == 0, "\(restore.stderr)")
            let list = try CLITests.rampart(["tenants", "list", "--database-url", url], environment: ["RAMPART_MASTER_KEY": masterKey])
            #expect(list.stdout.contains("acme"), "\(list.stderr)")
            let back = directory + "/from-postgres.rbk"
            let create = try Self.rampart(["backup", "create", "--database-url", url, "--key-file", key, "--out", back])
            #expect(create.status == 0, "\(create.stderr)")
            let home = directory + "/home"
            let restoreHome = try Self.rampart(["restore", back, "--data-dir", home, "--key-file", key])
            #expect(restoreHome.status == 0, "\(restoreHome.stderr)")
            let listHome = try CLITests.rampart(["tenants", "list", "--data-dir", home], environment: ["RAMPART_MASTER_KEY": masterKey])
            #expect(listHome.stdout.contains("Acme Corp"), "\(listHome.stderr)")
        }
    }
}
