// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// The audit writer's appends (``Store/appendAudit(_:at:durability:)``): on SQLite one statement
/// against a head kept in memory, which must never write past a head that moved behind it.
@Suite struct AuditAppendTests {
    static func record(_ tenant: Tenant, _ label: String) -> AuditRecord {
        AuditRecord(
            seq: 0, time: 1_700_000_000_000_000, tenantID: tenant.id.rawValue, actorType: "api-key", actorID: "key-1", sourceIP: "10.0.0.1",
            userAgent: nil, method: "POST", path: "/v1/authorize", entityType: "resource", entityID: label, operation: "decision",
            outcome: "denied", status: nil, requestID: label, batchID: nil, service: "hive", resource: "{}", accessType: "select",
            policyID: nil, policyVersion: 3, details: nil)
    }

    /// What a verifier would check: sequence numbers 1…n without a gap, each leaf hash the
    /// record's, and the stored head the tree of exactly those leaves.
    static func expectConsistentLog(_ store: SQLStore, _ tenant: Tenant, count: Int) async throws {
        let read = try await store.read { try await $0.auditRecords(tenant.id, fromSeq: 1, limit: 10_000) }
        #expect(read.map(\.record.seq) == Array(1...Int64(count)))
        #expect(read.allSatisfy { $0.leafHash == $0.record.leafHash })
        var rebuilt = MerkleFrontier()
        for entry in read { rebuilt.append(entry.leafHash) }
        let head = try await store.read { try await $0.auditHead(tenant.id) }
        #expect(head == rebuilt)
    }

    /// Appends alternate between the writer's path and plain transactions (the audited state
    /// changes), which move the head without the writer knowing; two tenants, alone and together.
    @Test(arguments: TestEngine.available)
    func appendsInterleavedWithTransactionsKeepOneChain(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let first = StoreContractTests.tenant("append-a")
                let second = StoreContractTests.tenant("append-b")
                try await store.write { tx in
                    try await tx.insertTenant(first)
                    try await tx.insertTenant(second)
                }
                var counts = [first.id: 0, second.id: 0]
                for round in 0..<12 {
                    let tenant = round % 3 == 2 ? second : first
                    let records = (0..<(1 + round % 4)).map { Self.record(tenant, "r\(round)-\($0)") }
                    if round % 4 == 3 {
                        _ = try await store.write { try await $0.appendAudit(records, in: tenant.id, at: Int64(round)) }
                    } else {
                        try await store.appendAudit([AuditAppend(tenant: tenant.id, records: records)], at: Int64(round), durability: .disk)
                    }
                    counts[tenant.id, default: 0] += records.count
                }
                // Both tenants in one group commit.
                try await store.appendAudit(
                    [
                        AuditAppend(tenant: first.id, records: [Self.record(first, "both")]),
                        AuditAppend(tenant: second.id, records: [Self.record(second, "both")]),
                    ],
                    at: 99, durability: .process)
                try await store.appendAudit([AuditAppend(tenant: second.id, records: [Self.record(second, "last")])], at: 100, durability: .disk)
                try await Self.expectConsistentLog(store, first, count: (counts[first.id] ?? 0) + 1)
                try await Self.expectConsistentLog(store, second, count: (counts[second.id] ?? 0) + 2)
            }
        }
    }

    /// A head replaced behind the store's back with one of the same size (a restore, an edit)
    /// is not appended to from memory: the statement is refused and the append reads the stored
    /// head instead.
    @Test func aHeadReplacedWithTheSameSizeIsNotTrusted() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            try await database.withStore { db, store async throws in
                let tenant = StoreContractTests.tenant("append-replaced")
                try await store.write { try await $0.insertTenant(tenant) }
                // Two appends: the second one comes from memory.
                for label in ["one", "two"] {
                    try await store.appendAudit([AuditAppend(tenant: tenant.id, records: [Self.record(tenant, label)])], at: 1, durability: .disk)
                }
                // The same two sequence numbers, other records: what a restore of another log would leave.
                let other = [Self.record(tenant, "other-one"), Self.record(tenant, "other-two")]
                var replaced = MerkleFrontier()
                try await db.transaction { sql in
                    try await sql.raw("DELETE FROM audit_records WHERE tenant_id = \(bind: tenant.id.rawValue)").run()
                    try await sql.raw("DELETE FROM audit_heads WHERE tenant_id = \(bind: tenant.id.rawValue)").run()
                }
                let rewritten = try await store.write { try await $0.appendAudit(other, in: tenant.id, at: 2) }
                for entry in rewritten { replaced.append(entry.leafHash) }
                #expect(replaced.size == 2)
                // The store still remembers the first log's head of size 2.
                try await store.appendAudit([AuditAppend(tenant: tenant.id, records: [Self.record(tenant, "three")])], at: 3, durability: .disk)
                try await Self.expectConsistentLog(store, tenant, count: 3)
                let read = try await store.read { try await $0.auditRecords(tenant.id, fromSeq: 1, limit: 10) }
                #expect(read.map(\.record.entityID) == ["other-one", "other-two", "three"])
            }
        }
    }

    /// The view refuses a row that does not follow the stored head and writes nothing of its statement.
    @Test func theViewRefusesARowThatDoesNotFollowTheHead() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            try await database.withStore { db, store async throws in
                let tenant = StoreContractTests.tenant("append-view")
                try await store.write { try await $0.insertTenant(tenant) }
                try await store.appendAudit([AuditAppend(tenant: tenant.id, records: [Self.record(tenant, "one")])], at: 1, durability: .disk)
                let head = try await store.read { try await $0.auditHead(tenant.id) }
                await #expect(throws: (any Error).self) {
                    try await db.transaction { sql in
                        try await sql.raw(
                            """
                            INSERT INTO audit_appends (tenant_id, seq, time_us, actor_type, operation, outcome, leaf_hash, new_frontier)
                            VALUES (\(bind: tenant.id.rawValue), 5, 1, 'user', 'x', 'allowed', 'ab', 'forged')
                            """
                        ).run()
                    }
                }
                try await Self.expectConsistentLog(store, tenant, count: 1)
                #expect(try await store.read { try await $0.auditHead(tenant.id) } == head)
            }
        }
    }
}
