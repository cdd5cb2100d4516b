// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import Logging
import RampartApp
import RampartAuditLog
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import SQLKit
import Synchronization
import Testing

@Suite struct AuditLogTests {
    static func records(_ client: APIClient, _ token: String, query: String = "") async throws -> [[String: Any]] {
        let reply = try await client.send(.get, "/v1/audit/records?limit=1000\(query)", token: token)
        #expect(reply.status == 200, "\(reply.text)")
        return try reply.json()["items"] as? [[String: Any]] ?? []
    }

    @Test(arguments: TestEngine.available)
    func everyRequestAndDecisionIsRecorded(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            // A read, a refused write, a failed login, a successful change and a decision batch.
            let read = try await client.send(.get, "/v1/users", token: f.a.adminToken, headers: [.userAgent: "audit-test/1"])
            let requestID = try #require(read.headers[HTTPField.Name("X-Request-Id")!])
            let duplicate = try await client.send(.post, "/v1/users", token: f.a.adminToken, body: .json(["username": "bob"]))
            #expect(duplicate.status == 409)
            let badLogin = try await client.login(tenant: f.a.slug, username: "bob", password: "not-the-password-123")
            #expect(badLogin.status == 401)
            let created = try await client.send(.post, "/v1/groups", token: f.a.adminToken, body: .json(["name": "auditors-club"]))
            let groupID = try created.string("id")
            let batch = try await client.send(
                .post, "/v1/authorize/batch", token: f.a.securityToken,
                body: .json([
                    "requests": [
                        [
                            "service": f.a.service, "user": "bob", "resource": ["database": "sales", "table": "orders", "column": "total"],
                            "accessType": "select",
                        ]
                            as [String: any Sendable],
                        [
                            "service": f.a.service, "user": "bob", "resource": ["database": "hr", "table": "salaries", "column": "x"],
                            "accessType": "select",
                        ],
                    ] as [[String: any Sendable]]
                ]))
            #expect(batch.status == 200)

            let all = try await Self.records(client, f.a.adminToken)
            let seqs = all.compactMap { $0["seq"] as? Int }
            #expect(seqs == Array(1...seqs.count), "sequence numbers are gapless from 1")
            #expect(all.allSatisfy { $0["tenantId"] as? String == f.a.id })

            let readRecord = try #require(all.first { $0["requestId"] as? String == requestID })
            #expect(readRecord["operation"] as? String == "GET /v1/users")
            #expect(readRecord["outcome"] as? String == "allowed" && readRecord["status"] as? Int == 200)
            #expect(readRecord["actorType"] as? String == "user" && readRecord["sourceIp"] as? String == "127.0.0.1")
            #expect(readRecord["userAgent"] as? String == "audit-test/1")

            let refused = try #require(all.first { $0["operation"] as? String == "POST /v1/users" && $0["status"] as? Int == 409 })
            #expect(refused["outcome"] as? String == "error")

            let failed = try #require(all.first { ($0["details"] as? String)?.contains("login.failed") == true })
            #expect(failed["outcome"] as? String == "denied" && failed["status"] as? Int == 401)
            #expect((failed["details"] as? String)?.contains("not-the-password") == false)

            // The change was recorded in its own transaction: entity named, no status (the
            // response did not exist yet), and no second record for the same request.
            let change = try #require(all.first { $0["operation"] as? String == "POST /v1/groups" && $0["outcome"] as? String == "allowed" })
            #expect(change["entityType"] as? String == "groups")
            let changeRequest = try #require(change["requestId"] as? String)
            #expect(all.filter { $0["requestId"] as? String == changeRequest }.count == 1)
            _ = groupID

            let decisions = all.filter { $0["operation"] as? String == "decision" }
            #expect(decisions.count == 2)
            let batchIDs = Set(decisions.compactMap { $0["batchId"] as? String })
            #expect(batchIDs.count == 1)
            #expect(decisions.contains { $0["outcome"] as? String == "allowed" && $0["policyId"] as? String == "1" })
            #expect(decisions.contains { $0["outcome"] as? String == "denied" && $0["resource"] as? String == "column=x,database=hr,table=salaries" })
            #expect(decisions.allSatisfy { $0["service"] as? String == f.a.service && $0["accessType"] as? String == "select" })

            // Filters: outcome and actor.
            let denied = try await Self.records(client, f.a.adminToken, query: "&outcome=denied")
            #expect(!denied.isEmpty && denied.allSatisfy { $0["outcome"] as? String == "denied" })
            // Users without audit:read are refused.
            #expect(try await client.send(.get, "/v1/audit/records", token: f.a.securityToken).status == 403)
        }
    }

    @Test(arguments: TestEngine.available)
    func checkpointsAndProofsVerifyWithThePublishedKey(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.adminToken
            let first = try await client.send(.post, "/v1/audit/checkpoints", token: token)
            #expect(first.status == 201)
            for _ in 0..<5 { _ = try await client.send(.get, "/v1/me", token: token) }
            let second = try await client.send(.post, "/v1/audit/checkpoints", token: token)
            let keys = try await client.send(.get, "/v1/audit/public-key", token: token).json()
            let keyText = try #require((keys["keys"] as? [[String: Any]])?.first?["publicKey"] as? String)
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: try #require(Data(base64Encoded: keyText)))

            let decoder = JSONDecoder()
            func checkpoint(_ reply: APIClient.Reply) throws -> SignedCheckpoint {
                let object = try #require(try reply.json()["checkpoint"])
                return try decoder.decode(SignedCheckpoint.self, from: JSONSerialization.data(withJSONObject: object))
            }
            let old = try checkpoint(first)
            let new = try checkpoint(second)
            #expect(old.verify(publicKey: publicKey) && new.verify(publicKey: publicKey))
            #expect(new.treeSize > old.treeSize)

            let inclusion = try await client.send(.get, "/v1/audit/proof/inclusion?seq=3&size=\(new.treeSize)", token: token).json()
            let leaf = try MerkleHash(hex: try #require(inclusion["leafHash"] as? String))
            let path = try (inclusion["proof"] as? [String] ?? []).map { try MerkleHash(hex: $0) }
            #expect(InclusionProof(leafIndex: 2, treeSize: new.treeSize, hashes: path).verify(leafHash: leaf, root: new.rootHash))
            #expect(!InclusionProof(leafIndex: 3, treeSize: new.treeSize, hashes: path).verify(leafHash: leaf, root: new.rootHash))

            let consistency = try await client.send(
                .get, "/v1/audit/proof/consistency?from=\(old.treeSize)&to=\(new.treeSize)", token: token
            ).json()
            let hashes = try (consistency["proof"] as? [String] ?? []).map { try MerkleHash(hex: $0) }
            #expect(
                ConsistencyProof(fromSize: old.treeSize, toSize: new.treeSize, hashes: hashes).verify(fromRoot: old.rootHash, toRoot: new.rootHash))

            let outOfRange = try await client.send(.get, "/v1/audit/proof/consistency?from=5&to=999999", token: token)
            #expect(outOfRange.status == 404, "a tree the log does not have has no proof")
        }
    }

    // MARK: Tamper detection, on the store directly

    /// A log of `count` records with checkpoints at every 10 and at the end.
    static func makeLog(_ store: SQLStore, services: RampartServices, tenant: TenantID, count: Int) async throws {
        for index in 1...count {
            let record = AuditRecord(
                seq: 0, time: 1_700_000_000_000_000 + Int64(index), tenantID: tenant.rawValue, actorType: "user", actorID: "u-\(index % 3)",
                sourceIP: "10.0.0.\(index % 7)", userAgent: "tamper-test", method: "GET", path: "/v1/users", entityType: "users",
                entityID: nil, operation: "GET /v1/users", outcome: "allowed", status: 200, requestID: "r\(index)", batchID: nil,
                service: nil, resource: nil, accessType: nil, policyID: nil, policyVersion: nil, details: nil)
            _ = try await store.write { try await $0.appendAudit([record], in: tenant, at: 1) }
            if index % 10 == 0 || index == count { try await services.auditLog.checkpoint(tenant) }
        }
    }

    enum Tamper: String, CaseIterable, Sendable {
        case updateField, updateFieldAndLeaf, deleteRow, swapRows, insertRow, truncateTail, wrongSigningKey
    }

    @Test(arguments: TestEngine.available, Tamper.allCases)
    func verificationDetectsTampering(_ engine: TestEngine, _ tamper: Tamper) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { db, store in
                let services = try RampartServices(
                    store: store, keyring: Keyring(master: .generate()), passwordHasher: PasswordHasher(parameters: .testing),
                    passwordPolicy: PasswordPolicy(), sessionLifetime: SessionLifetime(), clock: SystemClock(), maximumBodySize: 1 << 20)
                let tenant = TenantID(UUIDv7.generate())
                try await Self.makeLog(store, services: services, tenant: tenant, count: 30)
                let clean = try await AuditVerification.verify(store: store, tenant: tenant)
                #expect(clean.ok, "\(clean.findings)")
                #expect(clean.recordsChecked == 30)

                let t = tenant.rawValue
                try await db.transaction { sql in
                    switch tamper {
                    case .updateField:
                        try await sql.raw("UPDATE audit_records SET outcome = 'denied' WHERE tenant_id = \(bind: t) AND seq = 7").run()
                    case .updateFieldAndLeaf:
                        // A careful attacker recomputes the leaf hash too; only the signed root catches it.
                        let row = try #require(try await sql.raw("SELECT * FROM audit_records WHERE tenant_id = \(bind: t) AND seq = 17").first())
                        var record = try StoredAuditRecord(row: row).record
                        record.actorID = "someone-else"
                        try await sql.raw(
                            "UPDATE audit_records SET actor_id = 'someone-else', leaf_hash = \(bind: record.leafHash.hex) WHERE tenant_id = \(bind: t) AND seq = 17"
                        ).run()
                    case .deleteRow:
                        try await sql.raw("DELETE FROM audit_records WHERE tenant_id = \(bind: t) AND seq = 12").run()
                    case .swapRows:
                        try await sql.raw("UPDATE audit_records SET seq = -1 WHERE tenant_id = \(bind: t) AND seq = 4").run()
                        try await sql.raw("UPDATE audit_records SET seq = 4 WHERE tenant_id = \(bind: t) AND seq = 5").run()
                        try await sql.raw("UPDATE audit_records SET seq = 5 WHERE tenant_id = \(bind: t) AND seq = -1").run()
                    case .insertRow:
                        // Shift 21...30 up by one and put a forged record at 21, leaf hash and all.
                        for seq in stride(from: 30, through: 21, by: -1) {
                            try await sql.raw("UPDATE audit_records SET seq = \(bind: seq + 1) WHERE tenant_id = \(bind: t) AND seq = \(bind: seq)")
                                .run()
                        }
                        try await sql.raw(
                            """
                            INSERT INTO audit_records (tenant_id, seq, time_us, actor_type, operation, outcome, leaf_hash)
                            SELECT tenant_id, 21, time_us, actor_type, operation, outcome, leaf_hash FROM audit_records
                            WHERE tenant_id = \(bind: t) AND seq = 20
                            """
                        ).run()
                    case .truncateTail:
                        try await sql.raw("DELETE FROM audit_records WHERE tenant_id = \(bind: t) AND seq > 27").run()
                    case .wrongSigningKey:
                        let forger = Curve25519.Signing.PrivateKey()
                        let row = try #require(
                            try await sql.raw("SELECT * FROM audit_checkpoints WHERE tenant_id = \(bind: t) AND tree_size = 20").first())
                        let checkpoint = Checkpoint(
                            tenantID: t, treeSize: 20, rootHash: try MerkleHash(hex: try row.decode(column: "root_hash", as: String.self)),
                            timestamp: try row.decode(column: "time_us", as: Int64.self))
                        let forged = try checkpoint.sign(with: forger)
                        // Keep the stored key id, so only the signature betrays the forgery.
                        try await sql.raw(
                            "UPDATE audit_checkpoints SET signature = \(bind: Data(forged.signature).base64EncodedString()) WHERE tenant_id = \(bind: t) AND tree_size = 20"
                        ).run()
                    }
                }
                let report = try await AuditVerification.verify(store: store, tenant: tenant)
                #expect(!report.ok, "\(tamper) went unnoticed")
                let kinds = Set(report.findings.map(\.kind))
                switch tamper {
                case .updateField:
                    #expect(report.findings.contains { $0.kind == .recordChanged && $0.seq == 7 }, "\(report.findings)")
                case .updateFieldAndLeaf:
                    #expect(report.findings.contains { $0.kind == .rootMismatch && ($0.range?.contains(17) ?? false) }, "\(report.findings)")
                case .deleteRow:
                    #expect(
                        report.findings.contains { $0.kind == .recordMissing && ($0.seq == 12 || ($0.range?.contains(12) ?? false)) },
                        "\(report.findings)")
                case .swapRows:
                    #expect(report.findings.contains { $0.kind == .recordChanged && ($0.seq == 4 || $0.seq == 5) }, "\(report.findings)")
                case .insertRow:
                    #expect(kinds.contains(.recordChanged) || kinds.contains(.rootMismatch), "\(report.findings)")
                case .truncateTail:
                    #expect(kinds.contains(.truncated), "\(report.findings)")
                case .wrongSigningKey:
                    #expect(report.findings.contains { $0.kind == .badSignature && $0.checkpointSize == 20 }, "\(report.findings)")
                }
            }
        }
    }
}
