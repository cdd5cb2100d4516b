// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Logging
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import SQLKit
import SQLiteNIO
import Testing

/// Discovery over HTTP: datasources (credentials write-only), scans in the background with
/// progress and cancellation, per-column results with masked samples, tagging rules that reach
/// tag-based policy decisions, rescans that remove tags, and recovery of interrupted scans.
@Suite struct DiscoveryTests {
    typealias J = [String: any Sendable]

    static func fastScans(_ configuration: inout ServerConfiguration) {
        configuration.discovery.pollInterval = .milliseconds(50)
        configuration.discovery.heartbeatInterval = .milliseconds(200)
    }

    /// A fresh temporary directory.
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-discovery-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Luhn-valid 16-digit card numbers.
    static func cards(_ count: Int) -> [String] {
        (0..<count).map { i in
            let body = "453201511283" + String(format: "%03d", i)
            let digits = body.compactMap { $0.wholeNumberValue }
            var sum = 0
            for (index, digit) in digits.reversed().enumerated() {
                // The check digit will sit to the right, so the rightmost body digit is doubled.
                let d = index % 2 == 0 ? digit * 2 : digit
                sum += d > 9 ? d - 9 : d
            }
            return body + String((10 - sum % 10) % 10)
        }
    }

    /// Writes a SQLite file with `payments(id, card_number, note)`.
    static func writePayments(_ path: String, cards: [String]) async throws {
        try? FileManager.default.removeItem(atPath: path)
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "test"))
        _ = try await connection.query("CREATE TABLE payments (id INTEGER PRIMARY KEY, card_number TEXT, note TEXT)")
        for (index, card) in cards.enumerated() {
            _ = try await connection.query(
                "INSERT INTO payments (id, card_number, note) VALUES (?, ?, ?)", [.integer(index + 1), .text(card), .text("order \(index)")])
        }
        try await connection.close()
    }

    static func waitForScan(_ client: APIClient, _ id: String, token: String) async throws -> [String: Any] {
        // A deadline, not a count of polls: the whole suite in parallel on two cores can stretch a
        // scan of a few rows to many seconds.
        let deadline = ContinuousClock.now + .seconds(120)
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            last = try await client.send(.get, "/v1/scans/\(id)", token: token).json()
            if let status = last["status"] as? String, ["succeeded", "failed", "cancelled"].contains(status) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RampartError(.internalError, "scan \(id) did not finish: \(last)")
    }

    /// Points tenant A's Hive service at its tag service, where discovery's tags go.
    /// The Hive service uses the tenant's tag service; the tests name bob's groups per request
    /// (`rampart.identity.source` `request`, Ranger plugin semantics).
    static func attachTagService(_ client: APIClient, _ f: TwoTenantFixture) async throws {
        let attach = try await client.send(
            .put, "/v1/services/\(f.a.serviceID)", token: f.a.securityToken,
            body: .json([
                "name": f.a.service, "type": "hive", "tagService": "\(f.a.slug)-tags", "configs": ["rampart.identity.source": "request"],
            ]))
        #expect(attach.status == 200, "\(attach.text)")
    }

    /// The Hive service uses the tenant's tag service, where `PCI` is denied to contractors, and
    /// card numbers a scan finds get each of `tags`.
    static func denyPCIToContractors(_ client: APIClient, _ f: TwoTenantFixture, taggingCardsAs tags: [String]) async throws {
        try await attachTagService(client, f)
        let deny: J = [
            "name": "no PCI for contractors", "service": "\(f.a.slug)-tags", "resources": ["tag": ["values": ["PCI"]]],
            "denyPolicyItems": [["groups": ["contractors"], "accesses": [["type": "hive:select", "isAllowed": true] as J]] as J],
        ]
        #expect(try await client.send(.post, "/v1/policies", token: f.a.securityToken, body: .json(deny)).status == 201)
        for tag in tags {
            let rule = try await client.send(
                .post, "/v1/tagging-rules", token: f.a.securityToken, body: .json(["class": "CREDIT_CARD", "minConfidence": 0.8, "tag": tag]))
            #expect(rule.status == 201, "\(rule.text)")
        }
    }

    static func decide(_ client: APIClient, _ f: TwoTenantFixture, groups: [String], column: String = "card_number") async throws -> Bool {
        let reply = try await client.send(
            .post, "/v1/authorize", token: f.a.securityToken,
            body: .json([
                "service": f.a.service, "user": "bob", "groups": groups, "accessType": "select",
                "resource": ["database": "sales", "table": "payments", "column": column],
            ]))
        #expect(reply.status == 200, "\(reply.text)")
        return try reply.json()["allowed"] as? Bool ?? false
    }

    /// On SQLite this once left the server's writes failing: the scan's heartbeat, cancelled when
    /// the work ends, could be cancelled inside its transaction, and the ROLLBACK was dropped too
    /// (see `TransactionCancellationTests`).
    @Test(arguments: TestEngine.available)
    func scanTagsColumnsAndTagPoliciesDecideWithoutAManualStep(_ engine: TestEngine) async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/payments.sqlite"
        try await Self.writePayments(file, cards: Self.cards(60))
        try await TestServer.withServer(engine, configure: Self.fastScans) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            try await Self.denyPCIToContractors(client, f, taggingCardsAs: ["PCI"])
            let created = try await client.send(
                .post, "/v1/datasources", token: token,
                body: .json(["name": "payments", "kind": "sqlite", "path": file, "rangerService": f.a.service, "rangerDatabase": "sales"]))
            #expect(created.status == 201, "\(created.text)")
            let datasource = try created.string("id")
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]), "before the scan nothing is tagged")

            let schema = try await client.send(.get, "/v1/datasources/\(datasource)/schema", token: token).json()
            let table = try #require((schema["tables"] as? [[String: Any]])?.first)
            #expect(table["name"] as? String == "payments" && table["estimatedRows"] as? Int == 60)
            #expect((table["columns"] as? [[String: Any]])?.map { $0["name"] as? String } == ["id", "card_number", "note"])

            let scan = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": datasource]))
            #expect(scan.status == 202, "\(scan.text)")
            #expect(try scan.json()["options"].flatMap { ($0 as? [String: Any])?["sampleSize"] as? Int } == 1000)
            let done = try await Self.waitForScan(client, try scan.string("id"), token: token)
            #expect(done["status"] as? String == "succeeded", "\(done)")
            let progress = try #require(done["progress"] as? [String: Any])
            #expect(progress["tablesDone"] as? Int == 1 && progress["tablesTotal"] as? Int == 1 && progress["rowsRead"] as? Int == 60)
            #expect((progress["bytesRead"] as? Int ?? 0) > 60 * 16)

            let results = try await client.send(.get, "/v1/scans/\(try scan.string("id"))/results", token: token)
            let card = try #require((try results.json()["columns"] as? [[String: Any]])?.first { $0["column"] as? String == "card_number" })
            #expect(card["classes"] as? [String] == ["CREDIT_CARD"], "\(card)")
            let samples = (card["maskedSamples"] as? [String: [String]])?["CREDIT_CARD"] ?? []
            #expect(!samples.isEmpty)
            for raw in Self.cards(60) { #expect(!results.text.contains(raw), "a raw card number is in the results") }

            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]) == false, "the PCI tag denies contractors")
            #expect(try await Self.decide(client, f, groups: ["analysts"]), "others still read it")
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"], column: "note"), "untagged columns stay readable")
            let tagged = try await client.send(.get, "/v1/tags/resources", token: token).json()["items"] as? [[String: Any]] ?? []
            #expect(tagged.count == 1)
            #expect(tagged.first?["tags"] as? [String] == ["PCI"])
            #expect(tagged.first?["resource"] as? [String: String] == ["database": "sales", "table": "payments", "column": "card_number"])
            let audit = try await client.send(.get, "/v1/audit/records?entity=\(try scan.string("id"))", token: f.a.adminToken)
            #expect(audit.text.contains("discovery scan completed") && audit.text.contains("tagsAdded"), "\(audit.text)")
            for raw in Self.cards(60) { #expect(!audit.text.contains(raw)) }
            let serviceTags = try await client.send(.get, "/v1/services/\(f.a.tagServiceID)/tags", token: token)
            #expect(serviceTags.text.contains("rampart-discovery") && serviceTags.text.contains("card_number"))

            // The data no longer holds card numbers: the rescan removes the tag, and history keeps it.
            try await Self.writePayments(file, cards: (0..<60).map { "not a card \($0)" })
            let rescan = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": "payments"]))
            #expect(try await Self.waitForScan(client, try rescan.string("id"), token: token)["status"] as? String == "succeeded")
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]), "the tag is gone after the rescan")
            let after = try await client.send(.get, "/v1/tags/resources", token: token).json()["items"] as? [[String: Any]] ?? []
            #expect(after.isEmpty)
            let history = try await client.send(.get, "/v1/tags/history", token: token).json()["items"] as? [[String: Any]] ?? []
            #expect(history.map { $0["action"] as? String } == ["removed", "added"], "\(history)")
            #expect(history.first?["scanId"] as? String == (try rescan.string("id")))

            // Tagged again, then the datasource is deleted: its tags go with it.
            try await Self.writePayments(file, cards: Self.cards(60))
            let third = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": datasource]))
            #expect(try await Self.waitForScan(client, try third.string("id"), token: token)["status"] as? String == "succeeded")
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]) == false)
            #expect(try await client.send(.delete, "/v1/datasources/\(datasource)", token: token).status == 204)
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]), "a deleted datasource leaves no tags behind")
            #expect((try await client.send(.get, "/v1/tags/resources", token: token).json()["items"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.get, "/v1/scans/\(try third.string("id"))", token: token).status == 404)
        }
    }

    /// People settle discovery's tags: a rejected tag is removed from decisions at once and scans
    /// do not add it again until the rejection is withdrawn; an accepted tag stays when scans no
    /// longer find it. A request names up to 500 tags and changes all or none.
    @Test(arguments: TestEngine.available)
    func peopleAcceptAndRejectDiscoveredTags(_ engine: TestEngine) async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/payments.sqlite"
        try await Self.writePayments(file, cards: Self.cards(60))
        try await TestServer.withServer(engine, configure: Self.fastScans) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            try await Self.denyPCIToContractors(client, f, taggingCardsAs: ["PCI", "FINANCIAL"])
            let created = try await client.send(
                .post, "/v1/datasources", token: token,
                body: .json(["name": "payments", "kind": "sqlite", "path": file, "rangerService": f.a.service, "rangerDatabase": "sales"]))
            let datasource = try created.string("id")
            func scan() async throws {
                let started = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": datasource]))
                #expect(try await Self.waitForScan(client, try started.string("id"), token: token)["status"] as? String == "succeeded")
            }
            func tags() async throws -> [String] {
                let items = try await client.send(.get, "/v1/tags/resources", token: token).json()["items"] as? [[String: Any]] ?? []
                return (items.first?["tags"] as? [String] ?? []).sorted()
            }
            func review(_ action: String, _ tags: [String], datasource id: String? = nil) async throws -> APIClient.Reply {
                let items = tags.map { ["datasourceId": id ?? datasource, "table": "payments", "column": "card_number", "tag": $0] }
                return try await client.send(.post, "/v1/tags/reviews", token: token, body: .json(["action": action, "items": items] as J))
            }
            try await scan()
            #expect(try await tags() == ["FINANCIAL", "PCI"])
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]) == false)

            // All or none: one tag the column does not have refuses the whole request.
            let partial = try await review("reject", ["PCI", "NOT-A-TAG"])
            #expect(partial.status == 404 && partial.text.contains("NOT-A-TAG"), "\(partial.text)")
            #expect(try await tags() == ["FINANCIAL", "PCI"])
            #expect(try await review("maybe", ["PCI"]).status == 422)
            #expect(try await review("reject", []).status == 422)
            #expect(try await review("reject", Array(repeating: "PCI", count: 501)).status == 422)
            #expect(try await review("reject", ["PCI"], datasource: "not-an-id").status == 422)
            #expect(try await review("clear", ["PCI"]).status == 404, "no verdict to withdraw")
            let otherTenant = try await client.send(
                .post, "/v1/tags/reviews", token: f.b.securityToken,
                body: .json(
                    ["action": "reject", "items": [["datasourceId": datasource, "table": "payments", "column": "card_number", "tag": "PCI"]]] as J))
            #expect(otherTenant.status == 404, "another tenant's datasource is not found")

            // Under four eyes a rejection (which unmasks) is refused; an acceptance is not.
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: f.a.adminToken, body: .json(["changeApproval": true])).status == 200)
            let held = try await review("reject", ["PCI"])
            #expect(held.status == 409 && held.text.contains("four eyes"), "\(held.text)")
            #expect(try await tags() == ["FINANCIAL", "PCI"])
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: f.a.adminToken, body: .json(["changeApproval": false])).status == 200)

            // Rejected: out of decisions at once, and a rescan does not bring it back.
            let rejected = try await review("reject", ["PCI", "PCI"])
            let reviewedCount = try rejected.json()["reviewed"] as? Int
            #expect(rejected.status == 200 && reviewedCount == 1, "\(rejected.text)")
            #expect(try await tags() == ["FINANCIAL"])
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]), "the rejected tag no longer denies")
            try await scan()
            #expect(try await tags() == ["FINANCIAL"], "scans do not add a rejected tag again")
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]))

            // Accepted: kept when the data no longer looks like it.
            #expect(try await review("accept", ["FINANCIAL"]).status == 200)
            try await Self.writePayments(file, cards: (0..<60).map { "not a card \($0)" })
            try await scan()
            #expect(try await tags() == ["FINANCIAL"], "an accepted tag survives a scan that no longer finds it")
            let resources = try await client.send(.get, "/v1/tags/resources", token: token).json()["items"] as? [[String: Any]]
            #expect(resources?.first?["reviews"] as? [String: String] == ["FINANCIAL": "accepted"])

            // The rejection withdrawn, the next scan that finds cards tags the column again.
            #expect(try await review("clear", ["PCI"]).status == 200)
            try await Self.writePayments(file, cards: Self.cards(60))
            try await scan()
            #expect(try await tags() == ["FINANCIAL", "PCI"])
            #expect(try await Self.decide(client, f, groups: ["analysts", "contractors"]) == false)
            let history = try await client.send(.get, "/v1/tags/history", token: token).json()["items"] as? [[String: Any]] ?? []
            #expect(Set(history.compactMap { $0["action"] as? String }) == ["added", "rejected", "accepted", "cleared"], "\(history)")
            let reviewers = Set(history.filter { $0["action"] as? String != "added" }.compactMap { $0["actor"] as? String })
            #expect(reviewers.count == 1 && reviewers.first?.hasPrefix("user:") == true, "each verdict names its reviewer: \(history)")
            let audit = try await client.send(.get, "/v1/audit/records?entity=\(datasource)&limit=1000", token: f.a.adminToken)
            let records = try audit.json()["items"] as? [[String: Any]] ?? []
            let rejection = records.first {
                ($0["details"] as? String)?.contains("\"action\":\"reject\"") == true && $0["outcome"] as? String == "allowed"
            }
            #expect(rejection?["path"] as? String == "/v1/tags/reviews", "the audit record names the datasource and the action")
            #expect((rejection?["details"] as? String)?.contains("payments.card_number:PCI") == true, "\(rejection ?? [:])")
            let listed = try await client.send(.get, "/v1/tags/reviews", token: token).json()["items"] as? [[String: Any]]
            #expect(listed?.map { $0["verdict"] as? String } == ["accepted"], "the withdrawn rejection is gone, the acceptance stays")
        }
    }

    @Test(arguments: TestEngine.available)
    func datasourceCredentialsAreWriteOnlyAndInputIsChecked(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.adminToken
            let password = "Datasource-Secret-Pw-1"
            let created = try await client.send(
                .post, "/v1/datasources", token: token,
                body: .json(["name": "warehouse", "kind": "postgres", "url": "postgres://reader:\(password)@127.0.0.1:1/wh?sslmode=disable"]))
            #expect(created.status == 201, "\(created.text)")
            #expect(!created.text.contains(password))
            let json = try created.json()
            #expect(json["hasCredentials"] as? Bool == true && json["host"] as? String == "127.0.0.1" && json["port"] as? Int == 1)
            #expect(json["username"] as? String == "reader" && json["database"] as? String == "wh" && json["tls"] as? String == "disable")
            let id = try created.string("id")
            let fetched = try await client.send(.get, "/v1/datasources/\(id)", token: token)
            #expect(!fetched.text.contains(password) && fetched.text.contains("\"hasCredentials\":true"))
            // Nothing listens on port 1.
            let refused = try await client.send(.post, "/v1/datasources/\(id)/test", token: token).json()
            #expect(refused["ok"] as? Bool == false)
            #expect((refused["error"] as? [String: Any])?["code"] as? String == "refused", "\(refused)")
            let schema = try await client.send(.get, "/v1/datasources/\(id)/schema", token: token)
            #expect(schema.status == 502 && (try? schema.string("code")) == "datasource-failed", "\(schema.text)")
            // DNS.
            // A new host drops the stored password unless the request gives it again (issue 17, item 4).
            let moved = try await client.send(.patch, "/v1/datasources/\(id)", token: token, body: .json(["host": "no-such-host.invalid"]))
            #expect(moved.status == 200, "\(moved.text)")
            #expect(try moved.json()["hasCredentials"] as? Bool == false)
            let movedWithPassword = try await client.send(
                .patch, "/v1/datasources/\(id)", token: token, body: .json(["host": "no-such-host.invalid", "password": password]))
            #expect(movedWithPassword.status == 200, "\(movedWithPassword.text)")
            let dns = try await client.send(.post, "/v1/datasources/\(id)/test", token: token).json()
            #expect((dns["error"] as? [String: Any])?["code"] as? String == "dns", "\(dns)")
            // The password can be removed and replaced, never read.
            let cleared = try await client.send(.patch, "/v1/datasources/\(id)", token: token, body: .json(["password": ""]))
            #expect((try cleared.json())["hasCredentials"] as? Bool == false)
            let replaced = try await client.send(.patch, "/v1/datasources/\(id)", token: token, body: .json(["password": "other-\(password)"]))
            #expect((try replaced.json())["hasCredentials"] as? Bool == true && !replaced.text.contains(password))

            if let url = ProcessInfo.processInfo.environment["RAMPART_TEST_DATABASE_URL"], var parts = URLComponents(string: url) {
                // A real PostgreSQL server with a wrong password, then the right one.
                parts.password = "wrong-password-123"
                let wrong = try await client.send(
                    .post, "/v1/datasources", token: token, body: .json(["name": "pg", "kind": "postgres", "url": parts.string ?? ""]))
                let wrongID = try wrong.string("id")
                let auth = try await client.send(.post, "/v1/datasources/\(wrongID)/test", token: token).json()
                #expect((auth["error"] as? [String: Any])?["code"] as? String == "auth", "\(auth)")
                let right = try await client.send(
                    .patch, "/v1/datasources/\(wrongID)", token: token, body: .json(["password": URLComponents(string: url)?.password ?? ""]))
                #expect(right.status == 200)
                let ok = try await client.send(.post, "/v1/datasources/\(wrongID)/test", token: token).json()
                #expect(ok["ok"] as? Bool == true, "\(ok)")
                // The test server has no certificate a client would trust (or no TLS at all).
                let requireTLS = try await client.send(
                    .patch, "/v1/datasources/\(wrongID)", token: token,
                    body: .json(["tls": "require", "password": URLComponents(string: url)?.password ?? ""]))
                #expect(requireTLS.status == 200, "\(requireTLS.text)")
                let tls = try await client.send(.post, "/v1/datasources/\(wrongID)/test", token: token).json()
                #expect((tls["error"] as? [String: Any])?["code"] as? String == "tls", "\(tls)")
            }

            for (body, field) in [
                (["name": "xx", "kind": "sqlite", "path": "relative/file.db"] as J, "path"),
                (["name": "xx", "kind": "sqlite", "path": "/tmp/../etc/passwd"] as J, "path"),
                (["name": "xx", "kind": "csv-dir"] as J, "path"),
                (["name": "xx", "kind": "oracle", "path": "/x"] as J, "kind"),
                (["name": "xx", "kind": "postgres", "url": "mysql://a@b/c"] as J, "url"),
                (["name": "xx", "kind": "postgres", "host": "h", "username": "u", "port": 70000] as J, "port"),
                (["name": "xx", "kind": "sqlite", "path": "/x.db", "password": "p"] as J, "password"),
                (["kind": "sqlite", "path": "/x.db"] as J, "name"),
            ] {
                let reply = try await client.send(.post, "/v1/datasources", token: token, body: .json(body))
                #expect(reply.status == 422 && reply.contentType == "application/problem+json", "\(body): \(reply.text)")
                #expect((try? reply.string("field")) == field, "\(body): \(reply.text)")
            }
            let noService = try await client.send(
                .post, "/v1/datasources", token: token,
                body: .json(["name": "xx", "kind": "sqlite", "path": "/x.db", "rangerService": "no-such-service"]))
            #expect(noService.status == 404 && (try? noService.string("field")) == "rangerService", "\(noService.text)")
            let duplicate = try await client.send(
                .post, "/v1/datasources", token: token, body: .json(["name": "warehouse", "kind": "sqlite", "path": "/x.db"]))
            #expect(duplicate.status == 409)
            let missing = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": "nope"]))
            #expect(missing.status == 404 && (try? missing.string("field")) == "datasource")
            let badSample = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": id, "sampleSize": 0]))
            #expect(badSample.status == 422 && (try? badSample.string("field")) == "sampleSize")
            #expect(try await client.send(.delete, "/v1/datasources/\(id)", token: token).status == 204)
            #expect(try await client.send(.get, "/v1/datasources/\(id)", token: token).status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func customClassifiersAreUsedByTheTenantsScans(_ engine: TestEngine) async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rows = (0..<40).map { "E-\(String(format: "%06d", 100_000 + $0 * 7)),someone\($0)@example.com" }
        try ("employee_id,email\n" + rows.joined(separator: "\n") + "\n").write(toFile: dir + "/staff.csv", atomically: true, encoding: .utf8)
        try "{\"other\": 1}\n".write(toFile: dir + "/ignored.jsonl", atomically: true, encoding: .utf8)
        try await TestServer.withServer(engine, configure: Self.fastScans) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.adminToken
            let bad = try await client.send(.post, "/v1/classifiers", token: token, body: .json(["dataClass": "EMP", "pattern": "(a+)+("]))
            #expect(bad.status == 422 && (try? bad.string("field")) == "pattern", "\(bad.text)")
            let made = try await client.send(
                .post, "/v1/classifiers", token: token,
                body: .json(["dataClass": "employee_id", "pattern": "E-[0-9]{6}", "columnNameHints": ["employee"]]))
            #expect(made.status == 201, "\(made.text)")
            #expect(
                try await client.send(.post, "/v1/classifiers", token: token, body: .json(["dataClass": "EMPLOYEE_ID", "pattern": "x"])).status == 409
            )
            let listed = try await client.send(.get, "/v1/classifiers", token: token)
            #expect(listed.text.contains("EMPLOYEE_ID"))
            let source = try await client.send(
                .post, "/v1/datasources", token: token, body: .json(["name": "staff", "kind": "csv-dir", "path": dir])
            ).string("id")
            let scan = try await client.send(
                .post, "/v1/scans", token: token, body: .json(["datasource": source, "include": ["staff*"], "exclude": ["*.tmp"], "sampleSize": 25]))
            let id = try scan.string("id")
            #expect(try await Self.waitForScan(client, id, token: token)["status"] as? String == "succeeded")
            let results = try await client.send(.get, "/v1/scans/\(id)/results", token: token)
            let columns = try results.json()["columns"] as? [[String: Any]] ?? []
            #expect(columns.first { $0["column"] as? String == "employee_id" }?["classes"] as? [String] == ["EMPLOYEE_ID"], "\(results.text)")
            #expect(columns.first { $0["column"] as? String == "email" }?["classes"] as? [String] == ["EMAIL"])
            #expect(columns.allSatisfy { $0["table"] as? String == "staff" })
            #expect(!results.text.contains("someone1@example.com"), "samples are masked")
            // B's scans do not use A's classifier.
            let theirs = try await client.send(
                .post, "/v1/datasources", token: f.b.adminToken, body: .json(["name": "staff", "kind": "csv-dir", "path": dir])
            ).string("id")
            let theirScan = try await client.send(.post, "/v1/scans", token: f.b.adminToken, body: .json(["datasource": theirs])).string("id")
            #expect(try await Self.waitForScan(client, theirScan, token: f.b.adminToken)["status"] as? String == "succeeded")
            let theirResults = try await client.send(.get, "/v1/scans/\(theirScan)/results", token: f.b.adminToken)
            #expect(!theirResults.text.contains("EMPLOYEE_ID"))
            #expect(try await client.send(.delete, "/v1/classifiers/\(try made.string("id"))", token: token).status == 204)
        }
    }

    @Test(arguments: TestEngine.available)
    func queuedScansCancelAndInterruptedScansFailAtRestart(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            var configuration = TestServer.configuration(for: database)
            // No scan runs: the queue is only observed.
            configuration.discovery.maximumConcurrentScans = 0
            configuration.discovery.instanceID = "server-one"
            let ids: [String] = try await TestServer.run(configuration) { client in
                let f = try await TwoTenantFixture.make(client)
                let token = f.a.adminToken
                let source = try await client.send(
                    .post, "/v1/datasources", token: token, body: .json(["name": "files", "kind": "csv-dir", "path": "/nonexistent"])
                ).string("id")
                var ids: [String] = []
                for _ in 0..<4 {
                    ids.append(try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": source])).string("id"))
                }
                let cancelled = try await client.send(.post, "/v1/scans/\(ids[3])/cancel", token: token)
                #expect(cancelled.status == 202 && (try? cancelled.string("status")) == "cancelled", "\(cancelled.text)")
                #expect(try await client.send(.post, "/v1/scans/\(ids[3])/cancel", token: token).status == 409)
                let list = try await client.send(.get, "/v1/scans?datasource=\(source)&limit=2", token: token).json()
                #expect((list["items"] as? [[String: Any]])?.count == 2 && list["nextCursor"] is String)
                #expect((list["items"] as? [[String: Any]])?.first?["id"] as? String == ids[3], "newest first")
                return ids
            }
            // As if servers had died mid-scan: one by this instance, one by another whose heartbeat
            // is stale, one by another that is alive.
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            try await database.withStore { db, _ in
                try await db.transaction { sql in
                    for (id, instance, heartbeat) in [
                        (ids[0], "server-one", now), (ids[1], "server-two", now - 3_600_000), (ids[2], "server-three", now),
                    ] {
                        try await sql.raw(
                            "UPDATE discovery_scans SET status = 'running', instance = \(bind: instance), heartbeat_at = \(bind: heartbeat), started_at = \(bind: heartbeat) WHERE id = \(bind: id)"
                        ).run()
                    }
                }
            }
            try await TestServer.run(configuration) { client in
                let token = try await client.login(tenant: "tenant-a", username: "admin", password: "tenant-owner-passphrase-9").string("token")
                var statuses: [String: Any] = [:]
                for _ in 0..<100 {
                    statuses = try await client.send(.get, "/v1/scans/\(ids[0])", token: token).json()
                    if statuses["status"] as? String == "failed" { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(statuses["status"] as? String == "failed" && statuses["error"] as? String == "interrupted by a server restart", "\(statuses)")
                #expect(try await client.send(.get, "/v1/scans/\(ids[1])", token: token).string("status") == "failed")
                #expect(
                    try await client.send(.get, "/v1/scans/\(ids[2])", token: token).string("status") == "running",
                    "a live server's scan is left alone")
                #expect(try await client.send(.get, "/v1/scans/\(ids[3])", token: token).string("status") == "cancelled")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aRunningScanIsCancelledAndAFailingOneSaysWhy(_ engine: TestEngine) async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for index in 0..<30 {
            let rows = (0..<2000).map { "\($0),user\($0)@example.com" }.joined(separator: "\n")
            try ("id,email\n" + rows + "\n").write(toFile: dir + "/t\(index).csv", atomically: true, encoding: .utf8)
        }
        try await TestServer.withServer(engine, configure: Self.fastScans) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.adminToken
            let source = try await client.send(
                .post, "/v1/datasources", token: token, body: .json(["name": "many", "kind": "csv-dir", "path": dir])
            ).string("id")
            let id = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": source, "fullScan": true])).string("id")
            for _ in 0..<200 {
                if try await client.send(.get, "/v1/scans/\(id)", token: token).string("status") != "queued" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let cancel = try await client.send(.post, "/v1/scans/\(id)/cancel", token: token)
            #expect(cancel.status == 202 || cancel.status == 409, "\(cancel.text)")
            let done = try await Self.waitForScan(client, id, token: token)
            if cancel.status == 202 {
                #expect(done["status"] as? String == "cancelled", "\(done)")
            }
            let broken = try await client.send(
                .post, "/v1/datasources", token: token, body: .json(["name": "gone", "kind": "sqlite", "path": "/nonexistent/file.db"])
            ).string("id")
            let failing = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": broken])).string("id")
            let failed = try await Self.waitForScan(client, failing, token: token)
            #expect(failed["status"] as? String == "failed" && (failed["error"] as? String)?.hasPrefix("not-found:") == true, "\(failed)")
        }
    }

    @Test func aPostgreSQLDatasourceIsSampledAndClassified() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            try await source.withStore { db, _ in
                try await db.transaction { sql in
                    try await sql.raw("CREATE SCHEMA shop").run()
                    try await sql.raw("CREATE TABLE shop.payments (id INTEGER, card_number TEXT, note TEXT)").run()
                    try await sql.raw("CREATE TABLE public.notes (body TEXT)").run()
                    for (index, card) in Self.cards(600).enumerated() {
                        try await sql.raw("INSERT INTO shop.payments VALUES (\(bind: index), \(bind: card), \(bind: "order \(index)"))").run()
                    }
                    // A jsonb column is classified per key path (issue 25).
                    try await sql.raw("CREATE TABLE shop.accounts (id INTEGER, profile JSONB)").run()
                    for index in 0..<60 {
                        let document = #"{"contact": {"email": "user\#(index)@example.com"}, "plan": "basic", "visits": \#(index)}"#
                        try await sql.raw("INSERT INTO shop.accounts VALUES (\(bind: index), \(bind: document)::jsonb)").run()
                    }
                }
                try await db.transaction { sql in try await sql.raw("ANALYZE shop.payments").run() }
            }
            try await TestServer.withServer(.sqlite, configure: Self.fastScans) { client in
                let f = try await TwoTenantFixture.make(client)
                let token = f.a.adminToken
                let created = try await client.send(
                    .post, "/v1/datasources", token: token, body: .json(["name": "shop", "kind": "postgres", "url": url]))
                #expect(created.status == 201, "\(created.text)")
                let id = try created.string("id")
                let test = try await client.send(.post, "/v1/datasources/\(id)/test", token: token).json()
                #expect(test["ok"] as? Bool == true && test["tables"] as? Int ?? 0 >= 2, "\(test)")
                let schema = try await client.send(.get, "/v1/datasources/\(id)/schema", token: token).json()["tables"] as? [[String: Any]] ?? []
                let payments = schema.first { $0["schema"] as? String == "shop" && $0["name"] as? String == "payments" }
                #expect(payments?["estimatedRows"] as? Int == 600, "\(schema)")
                #expect((payments?["columns"] as? [[String: Any]])?.map { $0["type"] as? String } == ["integer", "text", "text"])
                // A role that may log in but not connect to this database: `permission`.
                let role = "discovery_probe_\(UUID().uuidString.prefix(8).lowercased())"
                let databaseName = URLComponents(string: url)?.path.dropFirst().description ?? ""
                try await source.withStore { db, _ in
                    try await db.transaction { sql in
                        try await sql.raw("CREATE ROLE \(unsafeRaw: role) LOGIN PASSWORD 'probe-pass-1'").run()
                        try await sql.raw("REVOKE CONNECT ON DATABASE \(unsafeRaw: "\"\(databaseName)\"") FROM PUBLIC").run()
                    }
                }
                var limited = URLComponents(string: url)
                limited?.user = role
                limited?.password = "probe-pass-1"
                let denied = try await client.send(
                    .post, "/v1/datasources", token: token, body: .json(["name": "limited", "kind": "postgres", "url": limited?.string ?? ""]))
                let permission = try await client.send(.post, "/v1/datasources/\(try denied.string("id"))/test", token: token).json()
                #expect((permission["error"] as? [String: Any])?["code"] as? String == "permission", "\(permission)")
                try await source.withStore { db, _ in try await db.transaction { sql in try await sql.raw("DROP ROLE \(unsafeRaw: role)").run() } }

                let scan = try await client.send(
                    .post, "/v1/scans", token: token, body: .json(["datasource": id, "include": ["shop.*"], "sampleSize": 50])
                ).string("id")
                let done = try await Self.waitForScan(client, scan, token: token)
                #expect(done["status"] as? String == "succeeded", "\(done)")
                let progress = done["progress"] as? [String: Any]
                #expect(progress?["tablesTotal"] as? Int == 2 && (progress?["rowsRead"] as? Int ?? 0) <= 100, "\(done)")
                let results = try await client.send(.get, "/v1/scans/\(scan)/results", token: token)
                let columns = try results.json()["columns"] as? [[String: Any]] ?? []
                let card = columns.first { $0["column"] as? String == "card_number" }
                #expect(card?["table"] as? String == "shop.payments" && card?["classes"] as? [String] == ["CREDIT_CARD"], "\(results.text)")
                let email = columns.first { $0["column"] as? String == "profile.contact.email" }
                #expect(email?["table"] as? String == "shop.accounts" && email?["classes"] as? [String] == ["EMAIL"], "\(results.text)")
                let plan = columns.first { $0["column"] as? String == "profile.plan" }
                #expect(plan != nil && (plan?["classes"] as? [String] ?? []).isEmpty, "\(results.text)")
            }
        }
    }

    @Test func fileDatasourcesCannotReachTheServersOwnData() async throws {
        let outside = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try await TestDatabase.withFresh(.sqlite) { database in
            var configuration = TestServer.configuration(for: database)
            configuration.discovery.allowedPathRoots = [outside, database.directory]
            let dataDirectory = configuration.dataDirectory
            try FileManager.default.createSymbolicLink(atPath: outside + "/sneaky", withDestinationPath: dataDirectory)
            try await TestServer.run(configuration) { client in
                let f = try await TwoTenantFixture.make(client)
                for path in [
                    dataDirectory, dataDirectory + "/rampart.sqlite", outside + "/sneaky", outside + "/sneaky/rampart.sqlite", "/etc/passwd",
                ] {
                    let reply = try await client.send(
                        .post, "/v1/datasources", token: f.a.adminToken, body: .json(["name": "own", "kind": "sqlite", "path": path]))
                    #expect(reply.status == 403 && (try? reply.string("field")) == "path", "\(path): \(reply.text)")
                }
                let fine = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken, body: .json(["name": "fine", "kind": "csv-dir", "path": outside + "/files"]))
                #expect(fine.status == 201, "\(fine.text)")
                // A link swapped in after creation is refused at use.
                try FileManager.default.createSymbolicLink(atPath: outside + "/files", withDestinationPath: dataDirectory)
                let test = try await client.send(.post, "/v1/datasources/\(try fine.string("id"))/test", token: f.a.adminToken).json()
                #expect((test["error"] as? [String: Any])?["code"] as? String == "permission", "\(test)")
                let schema = try await client.send(.get, "/v1/datasources/\(try fine.string("id"))/schema", token: f.a.adminToken)
                #expect(schema.status == 502 && schema.text.contains("permission"), "\(schema.text)")
            }
        }
    }

    /// Without an operator-allowed directory no tenant can name a file on the host; inside one,
    /// a link to a file elsewhere is not read.
    @Test func fileDatasourcesNeedAnAllowedRootAndLinksAreNotFollowed() async throws {
        let outside = try Self.directory()
        let secret = try Self.directory()
        defer {
            try? FileManager.default.removeItem(atPath: outside)
            try? FileManager.default.removeItem(atPath: secret)
        }
        try FileManager.default.createDirectory(atPath: outside + "/files", withIntermediateDirectories: true)
        try "name,email\nann,ann@example.com\n".write(toFile: outside + "/files/plain.csv", atomically: true, encoding: .utf8)
        try "token,owner\nsecret-of-another-tenant,bob\n".write(toFile: secret + "/other.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: outside + "/files/linked.csv", withDestinationPath: secret + "/other.csv")
        try await TestDatabase.withFresh(.sqlite) { database in
            var closed = TestServer.configuration(for: database)
            closed.discovery.allowedPathRoots = []
            try await TestServer.run(closed) { client in
                let f = try await TwoTenantFixture.make(client)
                let reply = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken, body: .json(["name": "files", "kind": "csv-dir", "path": outside + "/files"]))
                #expect(reply.status == 403 && reply.text.contains("--datasource-root"), "\(reply.text)")
            }
        }
        try await TestDatabase.withFresh(.sqlite) { database in
            var open = TestServer.configuration(for: database)
            open.discovery.allowedPathRoots = [outside]
            try await TestServer.run(open) { client in
                let f = try await TwoTenantFixture.make(client)
                let created = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken, body: .json(["name": "files", "kind": "csv-dir", "path": outside + "/files"]))
                #expect(created.status == 201, "\(created.text)")
                let schema = try await client.send(.get, "/v1/datasources/\(try created.string("id"))/schema", token: f.a.adminToken)
                #expect(schema.status == 200, "\(schema.text)")
                #expect(schema.text.contains("plain"), "\(schema.text)")
                #expect(!schema.text.contains("linked") && !schema.text.contains("token"), "a linked file is not listed: \(schema.text)")
            }
        }
    }

    /// Nested records are classified per key path, and the tag lands on the column that exists
    /// with the key path recorded in the tag's `path` attribute.
    @Test func keyPathsOfNestedRecordsAreTaggedOnTheirColumn() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/files", withIntermediateDirectories: true)
        let records = (0..<40).map { i in #"{"id": \#(i), "profile": {"contact": {"email": "user\#(i)@example.com"}, "plan": "basic"}}"# }
        try records.joined(separator: "\n").write(toFile: root + "/files/accounts.jsonl", atomically: true, encoding: .utf8)
        try await TestDatabase.withFresh(.sqlite) { database in
            var configuration = TestServer.configuration(for: database)
            Self.fastScans(&configuration)
            configuration.discovery.allowedPathRoots = [root]
            try await TestServer.run(configuration) { client in
                let f = try await TwoTenantFixture.make(client)
                let token = f.a.securityToken
                try await Self.attachTagService(client, f)
                let rule = try await client.send(.post, "/v1/tagging-rules", token: token, body: .json(["class": "EMAIL", "tag": "PII"]))
                #expect(rule.status == 201, "\(rule.text)")
                let created = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken,
                    body: .json(["name": "files", "kind": "jsonl-dir", "path": root + "/files", "rangerService": f.a.service]))
                #expect(created.status == 201, "\(created.text)")
                let scan = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": "files"]))
                #expect(scan.status == 202, "\(scan.text)")
                let done = try await Self.waitForScan(client, try scan.string("id"), token: token)
                #expect(done["status"] as? String == "succeeded", "\(done)")
                let results = try await client.send(.get, "/v1/scans/\(try scan.string("id"))/results", token: token)
                let email = (try results.json()["columns"] as? [[String: Any]])?.first { $0["column"] as? String == "profile.contact.email" }
                #expect(email?["classes"] as? [String] == ["EMAIL"], "\(results.text)")
                let serviceTags = try await client.send(.get, "/v1/services/\(f.a.tagServiceID)/tags", token: token)
                #expect(serviceTags.text.contains(#""path":"contact.email""#), "\(serviceTags.text)")
                #expect(serviceTags.text.contains(#""values":["profile"]"#), "\(serviceTags.text)")
                #expect(!serviceTags.text.contains(#""values":["profile.contact.email"]"#), "\(serviceTags.text)")
            }
        }
    }
}
