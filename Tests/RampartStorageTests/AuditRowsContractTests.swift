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
}
