// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartAuditLog
import RampartServer
import RampartTesting
import Testing

/// Issue 22: reports. The data inventory says where each sensitive class lives and who may read
/// it unmasked, asked of the engine; the access report lists who asked for tagged data in a
/// period, with a checkpoint that proves each row is in the signed log.
@Suite struct ReportTests {
    typealias J = [String: any Sendable]

    /// Tenant A: the Hive service uses the tag service (identities from Rampart); a scan of
    /// `sales.payments` tags `card_number` PCI. Policies: analysts, contractors and kim may select
    /// in `sales`; analysts see `card_number` masked; PCI is denied to contractors.
    struct Estate {
        var f: TwoTenantFixture
        var allow: Int
        var mask: Int
        var deny: Int
    }

    static func estate(_ client: APIClient, file: String) async throws -> Estate {
        let f = try await TwoTenantFixture.make(client)
        let kim = f.a.securityToken
        let attach = try await client.send(
            .put, "/v1/services/\(f.a.serviceID)", token: kim, body: .json(["name": f.a.service, "type": "hive", "tagService": "\(f.a.slug)-tags"]))
        #expect(attach.status == 200, "\(attach.text)")
        let carl = try await client.send(
            .post, "/v1/users", token: f.a.adminToken,
            body: .json(["username": "carl", "password": TwoTenantFixture.userPassword, "roles": ["user"]]))
        let contractors = try await client.send(.post, "/v1/groups", token: f.a.adminToken, body: .json(["name": "contractors"]))
        try await client.send(.put, "/v1/groups/\(try contractors.string("id"))/members/\(try carl.string("id"))", token: f.a.adminToken)
        func create(_ policy: J) async throws -> Int {
            let reply = try await client.send(.post, "/v1/policies", token: kim, body: .json(policy))
            #expect(reply.status == 201, "\(reply.text)")
            return try reply.int("id")
        }
        let sales: J = ["database": ["values": ["sales"]] as J, "table": ["values": ["payments"]] as J, "column": ["values": ["*"]] as J]
        let allow = try await create([
            "service": f.a.service, "name": "sales readers", "resources": sales,
            "policyItems": [
                ["groups": ["analysts", "contractors"], "users": ["kim"], "accesses": [["type": "select", "isAllowed": true] as J]] as J
            ],
        ])
        let mask = try await create([
            "service": f.a.service, "name": "cards masked for analysts", "policyType": 1,
            "resources": [
                "database": ["values": ["sales"]] as J, "table": ["values": ["payments"]] as J, "column": ["values": ["card_number"]] as J,
            ],
            "dataMaskPolicyItems": [
                [
                    "groups": ["analysts"], "accesses": [["type": "select", "isAllowed": true] as J],
                    "dataMaskInfo": ["dataMaskType": "MASK_SHOW_LAST_4"],
                ]
                    as J
            ],
        ])
        let deny = try await create([
            "service": "\(f.a.slug)-tags", "name": "no PCI for contractors", "resources": ["tag": ["values": ["PCI"]] as J],
            "denyPolicyItems": [["groups": ["contractors"], "accesses": [["type": "hive:select", "isAllowed": true] as J]] as J],
        ])
        #expect(try await client.send(.post, "/v1/tagging-rules", token: kim, body: .json(["class": "CREDIT_CARD", "tag": "PCI"])).status == 201)
        let datasource = try await client.send(
            .post, "/v1/datasources", token: kim,
            body: .json(["name": "payments", "kind": "sqlite", "path": file, "rangerService": f.a.service, "rangerDatabase": "sales"]))
        #expect(datasource.status == 201, "\(datasource.text)")
        let scan = try await client.send(.post, "/v1/scans", token: kim, body: .json(["datasource": "payments"]))
        let done = try await DiscoveryTests.waitForScan(client, try scan.string("id"), token: kim)
        #expect(done["status"] as? String == "succeeded", "\(done)")
        return Estate(f: f, allow: allow, mask: mask, deny: deny)
    }

    /// A server on `engine` with the estate made and scanned.
    static func withEstate(_ engine: TestEngine, _ body: @escaping @Sendable (APIClient, Estate) async throws -> Void) async throws {
        let dir = try DiscoveryTests.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await DiscoveryTests.writePayments(dir + "/payments.sqlite", cards: DiscoveryTests.cards(60))
        try await TestServer.withServer(engine, configure: DiscoveryTests.fastScans) { client in
            try await body(client, try await Self.estate(client, file: dir + "/payments.sqlite"))
        }
    }

    @Test(arguments: TestEngine.available)
    func theInventorySaysWhereSensitiveDataIsAndWhoReadsItUnmasked(_ engine: TestEngine) async throws {
        try await Self.withEstate(engine) { client, e in
            let bob = try await client.login(tenant: e.f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            let report = try await client.send(.get, "/v1/reports/inventory", token: bob)
            #expect(report.status == 200, "\(report.text)")
            let json = try report.json()
            let entries = json["entries"] as? [[String: Any]] ?? []
            #expect(entries.count == 1, "\(report.text)")
            let entry = try #require(entries.first)
            #expect(entry["class"] as? String == "CREDIT_CARD" && entry["tag"] as? String == "PCI" && entry["datasource"] as? String == "payments")
            #expect(entry["database"] as? String == "sales" && entry["table"] as? String == "payments" && entry["column"] as? String == "card_number")
            #expect(entry["service"] as? String == e.f.a.service)
            // Asked of the engine: kim reads it in clear, bob masked, carl is denied by the tag policy.
            #expect(entry["unmaskedReaders"] as? [String] == ["kim"], "\(entry)")
            #expect(entry["maskedReaders"] as? Int == 1)
            // The fixture's own first policy allows on every table too.
            #expect((entry["allowingPolicies"] as? [Int])?.contains(e.allow) == true, "\(entry)")
            #expect(entry["maskingPolicies"] as? [Int] == [e.mask], "\(entry)")
            #expect(entry["denyingPolicies"] as? [Int] == [e.deny], "\(entry)")
            #expect((json["classes"] as? [[String: Any]])?.first?["columns"] as? Int == 1)
            #expect(json["users"] as? Int == 4 && json["truncated"] as? Bool == false, "admin, bob, kim, carl")
            for raw in DiscoveryTests.cards(60) { #expect(!report.text.contains(raw)) }

            let csv = try await client.send(.get, "/v1/reports/inventory?format=csv", token: bob)
            #expect(csv.contentType?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("class,tag,confidence") && lines[1].contains("card_number") && lines[1].contains(",kim,"))
            #expect((try await client.send(.get, "/v1/reports/inventory?class=EMAIL", token: bob).json()["entries"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.get, "/v1/reports/inventory?class=no%20such", token: bob).status == 422)
            #expect(try await client.send(.get, "/v1/reports/inventory?format=xml", token: bob).status == 422)
            #expect(try await client.send(.get, "/v1/reports/inventory", token: e.f.a.apiKeyToken).status == 403, "plain users read no reports")
            // Tenant B sees its own (empty) inventory, nothing of A's.
            let theirs = try await client.send(.get, "/v1/reports/inventory", token: e.f.b.adminToken)
            #expect(theirs.status == 200 && !theirs.text.contains("card_number"))
        }
    }

    @Test(arguments: TestEngine.available)
    func theAccessReportListsDecisionsOnTaggedDataWithProofs(_ engine: TestEngine) async throws {
        try await Self.withEstate(engine) { client, e in
            let kim = e.f.a.securityToken
            func ask(_ user: String, _ resource: [String: String]) async throws -> Bool {
                let reply = try await client.send(
                    .post, "/v1/authorize", token: kim,
                    body: .json(["service": e.f.a.service, "user": user, "resource": resource, "accessType": "select"]))
                return try reply.json()["allowed"] as? Bool == true
            }
            let card = ["database": "sales", "table": "payments", "column": "card_number"]
            #expect(try await ask("bob", card))
            #expect(try await !ask("carl", card))
            #expect(try await ask("bob", ["database": "sales", "table": "payments", "column": "note"]), "untagged: not in the report")
            _ = try await ask("bob", ["database": "sales", "table": "payments"])

            let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
            let (from, to) = (now - 86_400_000_000, now + 3_600_000_000)
            let reply = try await client.send(.get, "/v1/reports/access?tag=PCI&from=\(from)&to=\(to)", token: e.f.a.adminToken)
            #expect(reply.status == 200, "\(reply.text)")
            let report = try reply.json()
            let rows = report["rows"] as? [[String: Any]] ?? []
            #expect(rows.map { $0["user"] as? String } == ["bob", "carl", "bob"], "\(reply.text)")
            #expect(rows.map { $0["outcome"] as? String } == ["allowed", "denied", rows.last?["outcome"] as? String])
            #expect(rows.allSatisfy { ($0["classes"] as? [String]) == ["CREDIT_CARD"] })
            #expect(report["taggedColumns"] as? Int == 1 && report["truncated"] as? Bool == false)

            // Each row is in the signed log: its leaf hash has an inclusion proof to the checkpoint's root.
            let signed = try #require((report["checkpoint"] as? [String: Any])?["checkpoint"] as? [String: Any])
            let checkpoint = try JSONDecoder().decode(SignedCheckpoint.self, from: JSONSerialization.data(withJSONObject: signed))
            for row in rows {
                let seq = try #require(row["seq"] as? Int)
                #expect(Int64(seq) <= checkpoint.checkpoint.treeSize)
                let proof = try await client.send(
                    .get, "/v1/audit/proof/inclusion?seq=\(seq)&size=\(checkpoint.checkpoint.treeSize)", token: e.f.a.adminToken
                ).json()
                #expect(proof["leafHash"] as? String == row["leafHash"] as? String)
                let path = try (proof["proof"] as? [String] ?? []).map { try MerkleHash(hex: $0) }
                let leaf = try MerkleHash(hex: try #require(row["leafHash"] as? String))
                #expect(
                    InclusionProof(leafIndex: Int64(seq - 1), treeSize: checkpoint.checkpoint.treeSize, hashes: path)
                        .verify(leafHash: leaf, root: checkpoint.checkpoint.rootHash))
            }

            let csv = try await client.send(.get, "/v1/reports/access?tag=PCI&from=\(from)&to=\(to)&format=csv", token: e.f.a.adminToken)
            #expect(csv.text.split(separator: "\n").count == 4 && csv.text.hasPrefix("seq,time,user"))
            #expect(
                (try await client.send(.get, "/v1/reports/access?tag=PII&from=\(from)&to=\(to)", token: kim).json()["rows"] as? [Any])?.isEmpty
                    == true)
            for bad in [
                "tag=PCI&from=\(to)&to=\(from)", "from=\(from)&to=\(to)", "tag=PCI&from=-1&to=\(to)", "tag=PCI&from=\(from)&to=9223372036854775807",
                "tag=PCI&from=0&to=\(to)",
            ] {
                let refused = try await client.send(.get, "/v1/reports/access?\(bad)", token: kim)
                #expect(refused.status == 422, "\(bad): \(refused.text)")
            }
            let theirs = try await client.send(.get, "/v1/reports/access?tag=PCI&from=\(from)&to=\(to)", token: e.f.b.adminToken)
            let theirRows = try theirs.json()["rows"] as? [Any]
            #expect(theirs.status == 200 && theirRows?.isEmpty == true)
        }
    }
}
