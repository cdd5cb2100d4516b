// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// A caller cancelled in the middle of a transaction (a scan's heartbeat stopped when the scan
/// ends, a client that hangs up, a shutdown) must leave the database as usable as before: the
/// transaction is rolled back, and the next one begins. On SQLite the server owns a single
/// connection, so a transaction left open there once made every later write fail.
@Suite struct TransactionCancellationTests {
    @Test(arguments: TestEngine.available)
    func aCancelledTransactionIsRolledBackAndTheNextOneRuns(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { db, _ async throws in
                try await db.transaction { try await $0.raw("CREATE TABLE cancel_probe (v INTEGER NOT NULL)").run() }
                let (started, signal) = AsyncStream.makeStream(of: Void.self)
                let task = Task {
                    try await db.transaction { sql in
                        try await sql.raw("INSERT INTO cancel_probe (v) VALUES (1)").run()
                        signal.yield()
                        // Parked until cancelled; whatever the body awaits next throws.
                        try await Task.sleep(for: .seconds(120))
                    }
                }
                for await _ in started { break }
                task.cancel()
                await #expect(throws: CancellationError.self) { try await task.value }

                try await db.transaction { try await $0.raw("INSERT INTO cancel_probe (v) VALUES (2)").run() }
                let values = try await db.transaction { sql in
                    try await sql.raw("SELECT v FROM cancel_probe ORDER BY v").all().map { try $0.decode(column: "v", as: Int.self) }
                }
                #expect(values == [2])
            }
        }
    }

    /// Cancellation racing the statements themselves: many transactions cancelled at random
    /// points, after which every write still works and only committed rows exist.
    @Test(arguments: TestEngine.available)
    func cancellationAtAnyPointNeverLeavesATransactionOpen(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { db, _ async throws in
                try await db.transaction { try await $0.raw("CREATE TABLE cancel_race (v INTEGER NOT NULL)").run() }
                for round in 0..<40 {
                    let task = Task {
                        try await db.transaction { sql in
                            for step in 0..<20 { try await sql.raw("INSERT INTO cancel_race (v) VALUES (\(bind: round * 100 + step))").run() }
                        }
                    }
                    try await Task.sleep(for: .microseconds((round % 8) * 150))
                    task.cancel()
                    _ = try? await task.value
                }
                try await db.transaction { try await $0.raw("INSERT INTO cancel_race (v) VALUES (-1)").run() }
                let counts = try await db.transaction { sql in
                    try await sql.raw("SELECT v FROM cancel_race").all().map { try $0.decode(column: "v", as: Int.self) }
                }
                // Each round committed all twenty rows or none.
                #expect(counts.contains(-1))
                let rounds = Dictionary(grouping: counts.filter { $0 >= 0 }, by: { $0 / 100 })
                #expect(rounds.values.allSatisfy { $0.count == 20 })
            }
        }
    }
}
