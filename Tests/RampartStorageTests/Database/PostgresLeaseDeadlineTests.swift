// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartCore
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// When PostgreSQL refuses connections, the pool retries for ever; a request waiting on it must
/// fail with `unavailable` after the lease deadline instead of hanging (a CI run once hung here).
@Suite struct PostgresLeaseDeadlineTests {
    @Test(.timeLimit(.minutes(1)))
    func aTransactionThatCannotGetAConnectionFailsAfterTheDeadline() async throws {
        // Port 1 on loopback: nothing listens, every connection attempt is refused.
        let database = try PostgresDatabase(
            url: "postgres://rampart:none@127.0.0.1:1/rampart?sslmode=disable", logger: Logger(label: "lease-test"),
            leaseDeadline: .milliseconds(800))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.run() }
            defer { group.cancelAll() }
            let started = ContinuousClock.now
            do {
                try await database.transaction { try await $0.raw("SELECT 1").run() }
                Issue.record("a transaction ran without a database")
            } catch let error as RampartError {
                #expect(error.code == .unavailable)
                #expect(error.message.contains("within"), "the deadline answered, not the pool: \(error.message)")
            }
            // Only a lower bound: on a loaded two-core machine the deadline's timer itself can
            // fire seconds late (a full CI run once measured 10.4 s). Hanging is what this test
            // is about, and the pool's own retries took over a minute, past the time limit.
            let waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(800), "waited \(waited)")
            await #expect(throws: RampartError.self) { try await database.ping() }
        }
    }

    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func theDeadlineBoundsOnlyTheWaitNotTheWork() async throws {
        guard let url = TestEngine.postgresURL else { return }
        let database = try PostgresDatabase(url: url, logger: Logger(label: "lease-test"), leaseDeadline: .seconds(2))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.run() }
            defer { group.cancelAll() }
            // An idle connection in the pool first, so the lease below is immediate even when
            // a loaded machine is slow to open one.
            var warm = false
            for _ in 0..<10 where !warm { warm = (try? await database.ping()) != nil }
            #expect(warm)
            // A transaction that works for longer than the deadline once it holds its connection.
            let value = try await database.transaction { sql in
                try await sql.raw("SELECT pg_sleep(2.5)").run()
                return try await sql.raw("SELECT 7 AS v").first()?.decode(column: "v", as: Int.self)
            }
            #expect(value == 7)
            try await database.ping()
        }
    }
}
