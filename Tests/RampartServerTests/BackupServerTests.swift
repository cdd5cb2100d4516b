// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import Logging
import RampartApp
import RampartAuditLog
import RampartBackup
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import Testing

/// Disaster recovery through the real server: back up a running deployment, restore it into a new
/// database (also on the other engine), start a server there and use it.
@Suite struct BackupServerTests {
    static let enginePairs: [(TestEngine, TestEngine)] = TestEngine.available.flatMap { source in
        TestEngine.available.map { (source, $0) }
    }

    static func decide(_ client: APIClient, _ token: String, _ service: String) async throws -> Bool? {
        let reply = try await client.send(
            .post, "/v1/authorize", token: token,
            body: .json([
                "service": service, "user": "bob", "resource": ["database": "sales", "table": "orders", "column": "total"], "accessType": "select",
            ]))
        return try reply.json()["allowed"] as? Bool
    }

    @Test(arguments: enginePairs)
    func restoredServerServesTheSameDeployment(_ source: TestEngine, _ target: TestEngine) async throws {
        let master = MasterKey.generate()
        let key = BackupCredential.keyFile(SymmetricKey(size: .bits256))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-dr-\(UUID().uuidString).rbk").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try await TestDatabase.withFresh(source) { database in
            var configuration = TestServer.configuration(for: database)
            configuration.environment = [MasterKeySource.environmentVariable: master.base64.exposedValue]
            return try await TestServer.run(configuration) { client in
                let fixture = try await TwoTenantFixture.make(client)
                let rotated = try await client.send(.post, "/v1/keys/rotate", token: fixture.a.securityToken)
                #expect(rotated.status == 200)
                #expect(try await Self.decide(client, fixture.a.securityToken, fixture.a.service) == true)
                // Online: taken through a second connection while this server is up.
                let report = try await withDatabase(database.configuration, logger: Logger(label: "test")) { db in
                    try await DatabaseBackup.create(from: db, to: path, credential: key)
                }
                #expect(report.manifest.masterKeyFingerprint == master.fingerprint)
                return fixture
            }
        }
        try await TestDatabase.withFresh(target) { database in
            try await withDatabase(database.configuration, logger: Logger(label: "test")) { db in
                _ = try await DatabaseRestore.restore(from: path, credential: key, into: db)
            }
            var configuration = TestServer.configuration(for: database)
            configuration.environment = [MasterKeySource.environmentVariable: master.base64.exposedValue]
            try await TestServer.run(configuration) { client in
                #expect(try await client.loginOperator().isEmpty == false)
                let admin = try await client.login(tenant: "tenant-a", username: "admin", password: "tenant-owner-passphrase-9")
                #expect(admin.status == 200)
                let bob = try await client.login(tenant: "tenant-b", username: "bob", password: TwoTenantFixture.userPassword)
                #expect(bob.status == 200)
                // API keys and live sessions were restored with their hashes.
                #expect(try await client.send(.get, "/v1/me", token: fixture.a.apiKeyToken).status == 200)
                #expect(try await client.send(.get, "/v1/me", token: fixture.b.adminKeyToken).status == 200)
                #expect(try await Self.decide(client, fixture.a.securityToken, fixture.a.service) == true)
                let keys = try await client.send(.get, "/v1/keys", token: fixture.a.securityToken).json()
                #expect(keys["versions"] as? [Int] == [1, 2])
                let members = try await client.send(.get, "/v1/groups/\(fixture.a.groupID)/members", token: fixture.a.adminToken)
                #expect(members.text.contains("bob"))
            }
            // The audit logs came back whole: every tree recomputes and every checkpoint verifies.
            for tenant in [TenantID(rawValue: fixture.a.id), TenantID(rawValue: fixture.b.id), .platform] {
                let report = try await database.withStore { _, store in try await AuditVerification.verify(store: store, tenant: tenant) }
                #expect(report.ok, "\(report.findings)")
                #expect(report.recordsChecked > 0)
            }
            // The wrong master key is refused at start with the fingerprint message.
            var wrong = TestServer.configuration(for: database)
            wrong.environment = [MasterKeySource.environmentVariable: MasterKey.generate().base64.exposedValue]
            await #expect(throws: RampartError.self) { try await TestServer.run(wrong) { _ in } }
        }
    }

    @Test func scheduledBackupsAreWrittenCopiedPrunedAndReported() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            let directory = database.directory + "/backups"
            let offsite = database.directory + "/offsite"
            let keyFile = database.directory + "/backup.key"
            try BackupCredential.generateKeyFile(at: keyFile)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let stale = directory + "/\(BackupOutputFile.temporaryPrefix)rampart-daily-x.rbk.1"
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: stale))
            var configuration = TestServer.configuration(for: database)
            configuration.backup.directory = directory
            configuration.backup.offsiteDirectory = offsite
            configuration.backup.keyFile = keyFile
            configuration.backup.intradayInterval = .seconds(1)
            configuration.backup.initialDelay = .zero
            configuration.backup.retryDelay = .milliseconds(200)
            configuration.backup.keepIntraday = 2
            try await TestServer.run(configuration) { client in
                let token = try await client.loginOperator()
                var status: [String: Any] = [:]
                var successes = 0
                for _ in 0..<150 where successes < 4 {
                    try await Task.sleep(for: .milliseconds(200))
                    let metrics = try await client.send(.get, "/metrics").text
                    successes =
                        metrics.split(separator: "\n")
                        .first { $0.hasPrefix("rampart_backups_total{outcome=\"success\"}") }
                        .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
                }
                #expect(successes >= 4)
                // This server runs the job: /v1/backups names it as the holder, /metrics says so.
                let jobs = try await client.send(.get, "/v1/backups", token: token).json()
                let me = try #require(jobs["instance"] as? String)
                let holders = (jobs["jobs"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
                    $0[$1["job"] as? String ?? ""] = $1["holder"] as? String
                }
                #expect(holders["backups"] == me, "\(jobs)")
                let held = try await client.send(.get, "/metrics").text
                #expect(held.contains("rampart_job_lease_held{job=\"backups\"") && held.contains("\"} 1"), "\(held.prefix(200))")
                // Backups go on every second meanwhile: retention is checked between two of them.
                var files: [[String: Any]] = []
                for _ in 0..<50 {
                    status = try await client.send(.get, "/v1/backups", token: token).json()
                    files = status["backups"] as? [[String: Any]] ?? []
                    if files.filter({ $0["kind"] as? String == "intraday" }).count <= 2 { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(status["enabled"] as? Bool == true)
                #expect(status["lastFailure"] is NSNull)
                let last = try #require(status["lastSuccess"] as? [String: Any])
                #expect((last["sizeBytes"] as? Int ?? 0) > 0)
                #expect(files.filter { $0["kind"] as? String == "daily" }.count == 1)
                #expect(files.filter { $0["kind"] as? String == "intraday" }.count <= 2, "retention keeps 2 intraday backups")
                #expect(!FileManager.default.fileExists(atPath: stale), "the partial file of a killed backup is swept")
                // A backup in progress only ever exists under a temporary name.
                let names = try FileManager.default.contentsOfDirectory(atPath: directory)
                #expect(
                    names.allSatisfy { ($0.hasPrefix("rampart-") && $0.hasSuffix(".rbk")) || $0.hasPrefix(BackupOutputFile.temporaryPrefix) },
                    "\(names)")
                let copies = try FileManager.default.contentsOfDirectory(atPath: offsite).filter { $0.hasSuffix(".rbk") }
                #expect(copies.contains { $0.contains("daily") })
                let metrics = try await client.send(.get, "/metrics").text
                #expect(metrics.contains("rampart_backup_last_success_timestamp_seconds"))
                #expect(metrics.contains("rampart_backup_last_size_bytes"))
                // Every scheduled file is a complete, verifiable backup (copied first: retention
                // may delete it meanwhile).
                let credential = try BackupCredential.loadKeyFile(keyFile)
                let scratch = database.directory + "/verify"
                try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
                var verified = 0
                for name in names where name.hasSuffix(".rbk") && name.hasPrefix("rampart-") {
                    guard (try? FileManager.default.copyItem(atPath: directory + "/" + name, toPath: scratch + "/" + name)) != nil else { continue }
                    #expect(throws: Never.self) { _ = try DatabaseRestore.verifyFile(at: scratch + "/" + name, credential: credential) }
                    verified += 1
                }
                #expect(verified >= 1)
                // Operator only.
                let (_, adminToken) = try await client.makeTenant("acme", operatorToken: token)
                #expect(try await client.send(.get, "/v1/backups", token: adminToken).status == 403)
                // A failure is reported, not fatal.
                try FileManager.default.removeItem(atPath: directory)
                var failure: [String: Any]?
                for _ in 0..<50 where failure == nil {
                    try await Task.sleep(for: .milliseconds(200))
                    failure = try await client.send(.get, "/v1/backups", token: token).json()["lastFailure"] as? [String: Any]
                }
                #expect((failure?["message"] as? String)?.isEmpty == false, "a failure is recorded with its reason")
                #expect(try await client.send(.get, "/metrics").text.contains("rampart_backups_total{outcome=\"failure\"}"))
            }
            // The interrupted backup found at start and the failure are security events of the
            // platform's audit log.
            let events = try await database.withStore { _, store in
                try await store.read { try await $0.auditRecords(.platform, fromSeq: 1, limit: 10_000) }
            }.filter { $0.record.operation == "security-event" }.compactMap(\.record.details)
            #expect(events.contains { $0.contains("backup.missed") && $0.contains("interruptedFiles") }, "\(events)")
            #expect(events.contains { $0.contains("backup.failed") }, "\(events)")
        }
    }

    @Test func schedulingNeedsAKeyFile() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            var configuration = TestServer.configuration(for: database)
            configuration.backup.directory = database.directory + "/backups"
            let refused = await #expect(throws: RampartError.self) { try await TestServer.run(configuration) { _ in } }
            #expect(refused?.message.contains("--backup-key-file") == true)
        }
    }
}
