// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import Testing

@Suite("AuditRecord canonical encoding and JSON")
struct AuditRecordTests {
    static let pinned = AuditRecord(
        seq: 42,
        time: 1_767_225_600_123_456,
        tenantID: "acme",
        actorType: "user",
        actorID: "u-7",
        sourceIP: "203.0.113.9",
        userAgent: "rampart-cli/1.0",
        method: "PUT",
        path: "/v1/policies/17",
        entityType: "policy",
        entityID: "17",
        operation: "policy.update",
        outcome: "allowed",
        status: 200,
        requestID: "req-1",
        batchID: nil,
        service: "hive",
        resource: "db=sales/table=orders",
        accessType: "update",
        policyID: "p-17",
        policyVersion: 3,
        details: #"{"note":"zürich ✓"}"#
    )

    /// Pinned by an independent Python implementation of the documented layout. If this test
    /// fails, the encoding changed: every stored leaf hash would stop verifying. Bump
    /// `canonicalEncodingVersion` and keep the old layout instead.
    @Test func pinnedCanonicalEncodingAndLeafHash() {
        let expected =
            "01000000000000002a0006474846222240000000000000000461636d65000000000000000475736572010000000000000003752d3701000000000000000b3230332e302e3131332e3901000000000000000f72616d706172742d636c692f312e3001000000000000000350555401000000000000000f2f76312f706f6c69636965732f3137010000000000000006706f6c6963790100000000000000023137000000000000000d706f6c6963792e7570646174650000000000000007616c6c6f7765640100000000000000c80100000000000000057265712d31000100000000000000046869766501000000000000001564623d73616c65732f7461626c653d6f7264657273010000000000000006757064617465010000000000000004702d31370100000000000000030100000000000000167b226e6f7465223a227ac3bc7269636820e29c93227d"
        #expect(Self.pinned.canonicalBytes == bytes(hex: expected))
        #expect(Self.pinned.leafHash.hex == "c6388303373434c41d610651fe6eba68d81d21d30628d981cd2a00c555f2c362")
        #expect(AuditRecord.canonicalEncodingVersion == 1)
    }

    @Test func everyFieldChangesTheLeafHash() {
        let base = Self.pinned
        var variants: [AuditRecord] = []
        func vary(_ change: (inout AuditRecord) -> Void) {
            var copy = base
            change(&copy)
            variants.append(copy)
        }
        vary { $0.seq += 1 }
        vary { $0.time += 1 }
        vary { $0.tenantID = "acme2" }
        vary { $0.actorType = "apiKey" }
        vary { $0.actorID = nil }
        vary { $0.sourceIP = "203.0.113.10" }
        vary { $0.userAgent = nil }
        vary { $0.method = "POST" }
        vary { $0.path = "/v1/policies/18" }
        vary { $0.entityType = "role" }
        vary { $0.entityID = "" }
        vary { $0.operation = "policy.delete" }
        vary { $0.outcome = "denied" }
        vary { $0.status = 403 }
        vary { $0.requestID = "req-2" }
        vary { $0.batchID = "b-1" }
        vary { $0.service = "kafka" }
        vary { $0.resource = "db=sales" }
        vary { $0.accessType = "select" }
        vary { $0.policyID = "p-18" }
        vary { $0.policyVersion = 4 }
        vary { $0.details = nil }
        let hashes = Set(variants.map(\.leafHash) + [base.leafHash])
        #expect(hashes.count == variants.count + 1)
    }

    @Test func fieldBoundariesAreUnambiguous() {
        // Moving bytes from one field to the next, or nil vs empty, must change the encoding.
        var a = Self.pinned
        var b = Self.pinned
        a.actorID = "ab"
        a.sourceIP = "c"
        b.actorID = "a"
        b.sourceIP = "bc"
        #expect(a.leafHash != b.leafHash)
        a = Self.pinned
        b = Self.pinned
        a.batchID = nil
        b.batchID = ""
        #expect(a.leafHash != b.leafHash)
    }

    @Test func jsonFieldNamesAreStable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let object = try JSONSerialization.jsonObject(with: encoder.encode(Self.pinned)) as? [String: Any]
        let keys = Set(object?.keys.map { $0 } ?? [])
        #expect(
            keys == [
                "seq", "time", "tenantId", "actorType", "actorId", "sourceIp", "userAgent", "method", "path",
                "entityType", "entityId", "operation", "outcome", "status", "requestId", "service", "resource",
                "accessType", "policyId", "policyVersion", "details",
            ])
        #expect(object?["batchId"] == nil)
        #expect(object?["time"] as? Int64 == 1_767_225_600_123_456)
    }

    @Test func jsonRoundTripKeepsTheLeafHash() throws {
        let data = try JSONEncoder().encode(Self.pinned)
        let decoded = try JSONDecoder().decode(AuditRecord.self, from: data)
        #expect(decoded == Self.pinned)
        #expect(decoded.leafHash == Self.pinned.leafHash)
        let minimal = AuditRecord(seq: 1, time: 0, tenantID: "t", actorType: "system", operation: "boot", outcome: "allowed")
        let minimalJSON = try JSONEncoder().encode(minimal)
        #expect(try JSONDecoder().decode(AuditRecord.self, from: minimalJSON) == minimal)
    }
}
