// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// `--audit-durability process` relaxes only the commits that ask for it: every other commit
/// on the same connection is synced to disk as before.
@Suite struct CommitDurabilityTests {
    /// SQLite: `synchronous` as the transaction sees it (1 NORMAL, 2 FULL).
    static func synchronous(_ sql: any SQLDatabase, _ engine: DatabaseEngine) async throws -> String {
        switch engine {
        case .sqlite:
            return String(try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) ?? -1)
        case .postgres:
            return try await sql.raw("SHOW synchronous_commit").first()?.decode(column: "synchronous_commit", as: String.self) ?? "?"
        }
    }

    @Test(arguments: TestEngine.available)
    func onlyTheRelaxedCommitIsRelaxed(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { db, store async throws in
                let (relaxed, strict) = engine == .sqlite ? ("1", "2") : ("off", "on")
                #expect(try await db.transaction { try await Self.synchronous($0, db.engine) } == strict)
                for _ in 0..<3 {
                    #expect(try await db.transaction(durability: .process) { try await Self.synchronous($0, db.engine) } == relaxed)
                }
                // The next plain commit is synced again, also through the store.
                #expect(try await db.transaction { try await Self.synchronous($0, db.engine) } == strict)
                _ = try await store.write(durability: .process) { tx in try await tx.directoryClock() }
                let tenant = StoreContractTests.tenant("durability-probe")
                try await store.write { try await $0.insertTenant(tenant) }
                #expect(try await db.transaction { try await Self.synchronous($0, db.engine) } == strict)
                #expect(try await store.read { try await $0.tenant(id: tenant.id) } != nil)
            }
        }
    }
}
