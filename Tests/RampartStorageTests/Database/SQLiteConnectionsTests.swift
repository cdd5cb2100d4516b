// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// The embedded database writes through one connection, reads through read-only ones, and
/// checkpoints from a third kind beside the writer.
@Suite struct SQLiteConnectionsTests {
    @Test func readsSeeTheLastCommitAndCannotWrite() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            try await database.withStore { db, store async throws in
                try await db.transaction { try await $0.raw("CREATE TABLE probe (v INTEGER NOT NULL)").run() }
                for value in 1...20 {
                    try await db.transaction { try await $0.raw("INSERT INTO probe (v) VALUES (\(bind: value))").run() }
                    // Each read, on whichever reader it lands, sees the commit just made.
                    let count = try await db.readTransaction { sql in
                        try await sql.raw("SELECT COUNT(*) AS n FROM probe").first()?.decode(column: "n", as: Int.self)
                    }
                    #expect(count == value)
                }
                await #expect(throws: (any Error).self) {
                    try await db.readTransaction { try await $0.raw("INSERT INTO probe (v) VALUES (0)").run() }
                }
                // The store's reads go to the readers too; a write inside one fails rather than commits.
                let tenant = StoreContractTests.tenant("reader-probe")
                await #expect(throws: (any Error).self) { try await store.read { try await $0.insertTenant(tenant) } }
                #expect(try await store.read { try await $0.tenant(id: tenant.id) } == nil)
            }
        }
    }

    /// The writer's automatic checkpoint is off; without the checkpointer the database file
    /// would not grow until the last connection closed, and the WAL would grow without bound.
    @Test func committedPagesReachTheDatabaseFileWhileItIsOpen() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            guard case .sqlite(let path) = database.configuration else {
                Issue.record("not SQLite")
                return
            }
            try await database.withStore { db, _ async throws in
                try await db.transaction { try await $0.raw("CREATE TABLE bulk (v TEXT NOT NULL)").run() }
                let before = try Self.size(of: path)
                let row = String(repeating: "x", count: 4000)
                for _ in 0..<10 {
                    try await db.transaction { sql in
                        for _ in 0..<50 { try await sql.raw("INSERT INTO bulk (v) VALUES (\(bind: row))").run() }
                    }
                }
                // Commits spaced past the checkpointer's minimum interval start checkpoints.
                var after = try Self.size(of: path)
                for _ in 0..<100 where after < before + 1_500_000 {
                    try await Task.sleep(for: .milliseconds(60))
                    try await db.transaction { try await $0.raw("INSERT INTO bulk (v) VALUES ('tick')").run() }
                    after = try Self.size(of: path)
                }
                #expect(after >= before + 1_500_000, "2 MB committed, database file grew by \(after - before) bytes")
            }
        }
    }

    private static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}
