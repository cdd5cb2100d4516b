// SPDX-License-Identifier: Apache-2.0

// Durable audit appends and verification through the real store.
//
//   swift run -c release AuditStoreBench [records] [postgres-url]
//
// Appends `records` (default 200,000) audit records to one tenant's log in batches (group commit,
// as the server's AuditWriter does), reports records/s per batch size and the latency of a
// one-record append (what a request adds when it is alone), then signs a checkpoint and times a
// full verification (tree recomputed from the stored records, every checkpoint checked).

import Foundation
import Logging
import RampartApp
import RampartAuditLog
import RampartCore
import RampartServer
import RampartStorage

let arguments = CommandLine.arguments
let total = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
let postgresURL = arguments.count > 2 ? arguments[2] : nil

func record(_ index: Int, tenant: TenantID) -> AuditRecord {
    AuditRecord(
        seq: 0, time: 1_790_000_000_000_000 + Int64(index), tenantID: tenant.rawValue, actorType: "apiKey", actorID: "k\(index % 50)",
        sourceIP: "10.1.\(index % 250).\(index % 199)", userAgent: "bench/1.0", method: "POST", path: "/v1/authorize/batch",
        entityType: "user", entityID: "user\(index % 200)", operation: "decision", outcome: index % 5 == 0 ? "denied" : "allowed", status: nil,
        requestID: "req-\(index / 1000)", batchID: "batch-\(index / 1000)", service: "hive",
        resource: "column=c\(index % 40),database=db\(index % 7),table=t\(index % 30)",
        accessType: "select", policyID: String(index % 1000), policyVersion: 3, details: nil)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func run(label: String, configuration: DatabaseConfiguration) async throws {
    let logger = Logger(label: "bench")
    try await withDatabase(configuration, logger: logger) { database in
        try await Migrator(database: database).migrate()
        let store = SQLStore(database: database)
        let keyring = Keyring(master: .generate())
        let tenant = TenantID(UUIDv7.generate())
        let clock = ContinuousClock()
        var appended = 0
        for batch in [1, 100, 1000] {
            let count = batch == 1 ? 2000 : total / 2
            var latencies: [Double] = []
            let start = clock.now
            var done = 0
            while done < count {
                let size = min(batch, count - done)
                let records = (0..<size).map { record(appended + done + $0, tenant: tenant) }
                let begin = clock.now
                _ = try await store.write { try await $0.appendAudit(records, in: tenant, at: 1) }
                latencies.append(seconds(clock.now - begin))
                done += size
            }
            appended += count
            let elapsed = seconds(clock.now - start)
            latencies.sort()
            print(
                String(
                    format: "%@ batch %5d: %8.0f records/s (%d records, %.2f s), commit p50 %.2f ms p99 %.2f ms", label, batch,
                    Double(count) / elapsed, count, elapsed, latencies[latencies.count / 2] * 1000,
                    latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1000))
        }
        let services = try RampartServices(
            store: store, keyring: keyring, passwordHasher: PasswordHasher(parameters: .testing), passwordPolicy: PasswordPolicy(),
            sessionLifetime: SessionLifetime(), clock: SystemClock(), maximumBodySize: 1 << 20)
        try await services.auditLog.checkpoint(tenant)
        let start = clock.now
        let report = try await AuditVerification.verify(store: store, tenant: tenant)
        let elapsed = seconds(clock.now - start)
        print(
            String(
                format: "%@ verify: %d records in %.2f s (%.0f records/s), ok=%@", label, report.recordsChecked, elapsed,
                Double(report.recordsChecked) / elapsed, report.ok ? "true" : "false"))
    }
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-bench-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
try await run(label: "sqlite  ", configuration: .resolve(dataDirectory: directory, databaseURL: nil))
if let postgresURL { try await run(label: "postgres", configuration: .resolve(dataDirectory: directory, databaseURL: postgresURL)) }
