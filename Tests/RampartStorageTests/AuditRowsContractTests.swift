// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import RampartStorage
import RampartTesting
import Testing

/// Audit records reach the database as one JSON document per chunk; every value, however
/// awkward, must come back exactly as appended, or the log would not verify.
@Suite struct AuditRowsContractTests {
    static let awkward = [
        "plain", "quote \" and backslash \\ and slash /", "line\nbreak\r\ttab \u{01}\u{1F}", "ünïcödé 中文 😀", "", "{\"json\":[1,2]}",
        "'; DROP TABLE audit_records; --", String(repeating: "x", count: 5000),
    ]

    @Test(arguments: TestEngine.available)
    func everyValueRoundTripsAcrossChunks(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let tenant = StoreContractTests.tenant("audit-rows")
                try await store.write { try await $0.insertTenant(tenant) }
                // 2,300 records: three chunks, the last partial.
                let records = (0..<2300).map { i in
                    let text = Self.awkward[i % Self.awkward.count]
                    let optional: String? = i % 3 == 0 ? nil : text
                    return AuditRecord(
                        seq: 0, time: 1_700_000_000_000_000 + Int64(i), tenantID: tenant.id.rawValue, actorType: "user", actorID: optional,
                        sourceIP: optional, userAgent: text, method: "POST", path: "/v1/x?\(text)", entityType: optional, entityID: text,
                        operation: text, outcome: i % 2 == 0 ? "allowed" : "denied", status: i % 5 == 0 ? nil : 200 + i % 300,
                        requestID: optional, batchID: optional, service: text, resource: text, accessType: optional, policyID: optional,
                        policyVersion: i % 4 == 0 ? nil : Int64.max - Int64(i), details: optional)
                }
                let appended = try await store.write { try await $0.appendAudit(records, in: tenant.id, at: 5) }
                let read = try await store.read { tx in try await tx.auditRecords(tenant.id, fromSeq: 1, limit: 5000) }
                #expect(read.count == records.count)
                #expect(read == appended)
                for (stored, original) in zip(read, records) {
                    var expected = original
                    expected.seq = stored.record.seq
                    #expect(stored.record == expected)
                    #expect(stored.leafHash == stored.record.leafHash)
                }
            }
        }
    }

    /// Columns equal in every row of an append are bound once and shared; a column that differs
    /// in one row only, shared NULLs, and a single-row append must still come back exactly.
    @Test(arguments: TestEngine.available)
    func sharedAndAlmostSharedColumnsRoundTrip(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let tenant = StoreContractTests.tenant("audit-shared")
                try await store.write { try await $0.insertTenant(tenant) }
                let record: @Sendable (Int) -> AuditRecord = { i in
                    AuditRecord(
                        seq: 0, time: 1_700_000_000_000_000, tenantID: tenant.id.rawValue, actorType: "api-key", actorID: "key-1",
                        sourceIP: "10.0.0.1", userAgent: nil, method: "POST", path: "/v1/authorize/batch", entityType: "resource",
                        entityID: i == 1_000 ? "the odd one" : "db/table", operation: "decision", outcome: i == 999 ? "allowed" : "denied",
                        status: nil, requestID: "req-1", batchID: "batch-1", service: "hive", resource: "{\"db\":\"x\"}",
                        accessType: "select", policyID: nil, policyVersion: i == 0 ? 7 : 8, details: nil)
                }
                // 1,001 records: a full chunk whose last-but-one row differs in `outcome`, then a one-row chunk.
                let records = (0..<1001).map(record)
                let appended = try await store.write { try await $0.appendAudit(records, in: tenant.id, at: 5) }
                let single = try await store.write { try await $0.appendAudit([record(5)], in: tenant.id, at: 6) }
                let read = try await store.read { tx in try await tx.auditRecords(tenant.id, fromSeq: 1, limit: 5000) }
                #expect(read == appended + single)
                for (stored, original) in zip(read, records + [record(5)]) {
                    var expected = original
                    expected.seq = stored.record.seq
                    #expect(stored.record == expected)
                }
                #expect(read.allSatisfy { $0.leafHash == $0.record.leafHash })
                #expect(read.map(\.record.outcome).filter { $0 == "allowed" }.count == 1)
                #expect(read.map(\.record.policyVersion) == [7] + Array(repeating: 8, count: 1001))
            }
        }
    }
}
