// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Discovery in the console: datasources added and tested (failures explained), tagging rules
/// (held for a second person under four eyes), a scan followed on its self-refreshing page to
/// its results with masked samples, and the tags it gave; all through the API's use cases.
extension ConsoleTests {
    @Test func securityAdminsScanFromTheConsole() async throws {
        try await TestServer.withServer(.sqlite, configure: DiscoveryTests.fastScans) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["security-admin"])
            let dir = try DiscoveryTests.directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let cards = DiscoveryTests.cards(40)
            let rows = (0..<40).map { "\($0),person\($0)@example.com,\(cards[$0])" }
            try (["id,email,card"] + rows).joined(separator: "\n").write(toFile: dir + "/customers.csv", atomically: true, encoding: .utf8)

            var dana = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)
            let empty = try await dana.get("/console/t/acme/discovery")
            #expect(empty.status == 200 && empty.text.contains("No datasources yet.") && empty.text.contains("Add datasource"))
            let csrf = try #require(Self.hidden("csrf", in: empty.text))
            let fields = ["name": "exports", "kind": "csv-dir", "path": dir]
            #expect(try await dana.post("/console/t/acme/discovery/datasources", fields).status == 403)
            let relative = try await dana.post(
                "/console/t/acme/discovery/datasources", ["csrf": csrf, "name": "rel", "kind": "csv-dir", "path": "rel"])
            #expect(relative.status == 422 && relative.text.contains("role=\"alert\"") && relative.text.contains("value=\"rel\""))
            let noService = try await dana.post(
                "/console/t/acme/discovery/datasources", fields.merging(["csrf": csrf, "rangerService": "no-such-service"]) { $1 })
            #expect(noService.status == 422 && noService.text.contains("role=\"alert\""), "\(noService.text)")
            let added = try await dana.post("/console/t/acme/discovery/datasources", fields.merging(["csrf": csrf]) { $1 })
            #expect(added.status == 303, "\(added.text)")
            let sourcePath = try #require(added.headers[.location])
            let listed = try await client.send(.get, "/v1/datasources", token: adminToken).json()["items"] as? [[String: Any]]
            #expect(listed?.first?["name"] as? String == "exports", "the API sees the console's datasource")

            let tested = try await dana.post("\(sourcePath)/test", ["csrf": csrf])
            #expect(tested.status == 200 && tested.text.contains("Connected: 1 tables found."), "\(tested.text)")
            let missing = try await dana.post(
                "/console/t/acme/discovery/datasources", ["csrf": csrf, "name": "gone", "kind": "csv-dir", "path": dir + "/nothing-here"])
            let missingTest = try await dana.post("\(try #require(missing.headers[.location]))/test", ["csrf": csrf])
            #expect(missingTest.text.contains("<code>not-found</code>") && missingTest.text.contains("does not exist"), "\(missingTest.text)")

            // A tagging rule, then a scan that applies it.
            let bad = try await dana.post(
                "/console/t/acme/discovery/tagging-rules", ["csrf": csrf, "dataClass": "EMAIL", "minConfidence": "1e999", "tag": "PII"])
            #expect(bad.status == 422 && bad.text.contains("value=\"1e999\""), "the form comes back as typed")
            let rule = try await dana.post(
                "/console/t/acme/discovery/tagging-rules", ["csrf": csrf, "dataClass": "EMAIL", "minConfidence": "80", "tag": "PII"])
            #expect(rule.status == 303 && rule.headers[.location] == "/console/t/acme/discovery?done=rule-created")
            #expect(try await dana.post("/console/t/acme/discovery/tagging-rules", ["csrf": csrf, "dataClass": "EMAIL", "tag": "PII"]).status == 409)
            #expect(try await dana.get("/console/t/acme/discovery").text.contains("<code>EMAIL</code></td><td>80%</td><td>PII</td>"))

            let started = try await dana.post("\(sourcePath)/scans", ["csrf": csrf, "sampleSize": "500"])
            #expect(started.status == 303, "\(started.text)")
            let scanPath = try #require(started.headers[.location])
            let scanID = String(try #require(scanPath.split(separator: "/").last))
            let first = try await dana.get(scanPath)
            #expect(first.status == 200)
            if !first.text.contains(">succeeded<") {
                #expect(first.text.contains("<meta http-equiv=\"refresh\" content=\"2\">"), "refreshes while it runs")
            }
            _ = try await DiscoveryTests.waitForScan(client, scanID, token: adminToken)
            let done = try await dana.get(scanPath)
            #expect(!done.text.contains("http-equiv=\"refresh\""), "a finished scan's page stays")
            #expect(done.text.contains("<code>EMAIL</code>") && done.text.contains("<code>CREDIT_CARD</code>"), "\(done.text)")
            #expect(!done.text.contains("person1@example.com") && !done.text.contains(cards[1]), "samples are masked")
            let source = try await dana.get(sourcePath)
            #expect(source.text.contains("<td>customers</td><td>email</td><td>PII</td>"), "\(source.text)")
            #expect(try await dana.post("\(scanPath)/cancel", ["csrf": csrf]).status == 303, "cancelling a finished scan only shows it")

            // The tag is reviewed from its row: rejected (gone from the API's tags), then allowed again.
            let reject = try #require(Self.attribute("name=\"one\" value", in: source.text), "\(source.text)")
            #expect(reject.hasPrefix("accept "), "an unreviewed tag offers Accept first")
            let token = String(reject.dropFirst("accept ".count))
            #expect(source.text.contains("<span class=\"muted\">suggested</span>"))
            #expect(try await dana.post("\(sourcePath)/tags/review", ["one": "reject \(token)"]).status == 403, "no token, no review")
            let none = try await dana.post("\(sourcePath)/tags/review", ["csrf": csrf, "action": "accept"])
            #expect(none.status == 422 && none.text.contains("Tick the tags to accept first."))
            let rejected = try await dana.post("\(sourcePath)/tags/review", ["csrf": csrf, "one": "reject \(token)"])
            #expect(rejected.status == 303 && rejected.headers[.location] == "\(sourcePath)?done=tags-rejected", "\(rejected.text)")
            let afterReject = try await dana.get(try #require(rejected.headers[.location]))
            #expect(afterReject.text.contains("The tags are rejected and removed.") && afterReject.text.contains("Allow again"))
            #expect((try await client.send(.get, "/v1/tags/resources", token: adminToken).json()["items"] as? [Any])?.isEmpty == true)
            let reviews = try await client.send(.get, "/v1/tags/reviews", token: adminToken).json()["items"] as? [[String: Any]]
            #expect(reviews?.first?["verdict"] as? String == "rejected" && reviews?.first?["reviewerId"] as? String != nil, "\(reviews ?? [])")
            let forged = try await dana.post("\(sourcePath)/tags/review", ["csrf": csrf, "items[]": "bm90LWEtdGFn", "action": "accept"])
            #expect(forged.status == 422 || forged.status == 404, "a token naming no tag is refused: \(forged.status)")
            let cleared = try await dana.post("\(sourcePath)/tags/review", ["csrf": csrf, "one": "clear \(token)"])
            #expect(cleared.headers[.location] == "\(sourcePath)?done=tags-cleared")
            #expect(!(try await dana.get(sourcePath)).text.contains("Allow again"))

            // Under four eyes a rule waits for a change approver.
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["changeApproval": true])).status == 200)
            let held = try await dana.post("/console/t/acme/discovery/tagging-rules", ["csrf": csrf, "dataClass": "CREDIT_CARD", "tag": "PCI"])
            #expect(held.headers[.location] == "/console/t/acme/discovery?done=held")
            let pending = try await client.send(.get, "/v1/change-requests", token: adminToken).json()["items"] as? [[String: Any]]
            #expect(pending?.count == 1 && pending?.first?["subject"] as? String == "tagging-rule", "\(pending ?? [])")
            #expect(!(try await dana.get("/console/t/acme/discovery")).text.contains("<td>PCI</td>"), "not made yet")

            // A person without discovery:read finds no discovery pages.
            let admin = try await client.send(
                .post, "/v1/users", token: adminToken, body: .json(["username": "uma", "password": Self.password, "roles": ["user"]]))
            #expect(admin.status == 201)
            var uma = try await Self.signIn(client, tenant: "acme", username: "uma", password: Self.password)
            #expect(try await uma.get("/console/t/acme/discovery").status == 404)
            #expect(try await uma.get(scanPath).status == 404)
        }
    }
}
