// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartServer
import RampartTesting
import Testing

/// Issue 22: four-eyes changes. With `changeApproval` on, policy and tagging-rule writes are held
/// as change requests with the exact document; a different person with the approver role applies
/// or rejects them, at the version they were made against.
@Suite struct ChangeRequestTests {
    static let password = "change-approver-pass-1"
    static let ledger = ["database": "finance", "table": "ledger", "column": "amount"]

    struct Setup {
        var f: TwoTenantFixture
        /// A change approver (role `change-approver` only).
        var cara: String
        /// bob: `user` and `auditor`, reads change requests, decides none.
        var bob: String
    }

    static func setUp(_ client: APIClient) async throws -> Setup {
        let f = try await TwoTenantFixture.make(client)
        let made = try await client.send(
            .post, "/v1/users", token: f.a.adminToken, body: .json(["username": "cara", "password": password, "roles": ["change-approver"]]))
        #expect(made.status == 201, "\(made.text)")
        let cara = try await client.login(tenant: f.a.slug, username: "cara", password: password).string("token")
        let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
        let on = try await client.send(.patch, "/v1/tenant/settings", token: f.a.adminToken, body: .json(["changeApproval": true]))
        let setting = try on.json()["changeApproval"] as? Bool
        #expect(on.status == 200 && setting == true, "\(on.text)")
        return Setup(f: f, cara: cara, bob: bob)
    }

    static func ledgerPolicy(_ service: String, users: [String]) -> [String: any Sendable] {
        [
            "service": service, "name": "ledger readers",
            "resources": ["database": ["values": ["finance"]], "table": ["values": ["ledger"]], "column": ["values": ["amount"]]]
                as [String: any Sendable],
            "policyItems": [["users": users, "accesses": [["type": "select", "isAllowed": true]] as [[String: any Sendable]]]]
                as [[String: any Sendable]],
        ]
    }

    static func allowed(_ client: APIClient, _ s: Setup) async throws -> Bool {
        let reply = try await client.send(
            .post, "/v1/authorize", token: s.f.a.securityToken,
            body: .json(["service": s.f.a.service, "user": "bob", "resource": ledger, "accessType": "select"]))
        return try reply.json()["allowed"] as? Bool == true
    }

    static func apply(_ client: APIClient, _ id: String, _ token: String, _ body: [String: any Sendable]? = nil) async throws -> APIClient.Reply {
        try await client.send(.post, "/v1/change-requests/\(id)/apply", token: token, body: body.map { .json($0) } ?? .none)
    }

    @Test(arguments: TestEngine.available)
    func aSecondPersonAppliesTheExactChangeAtItsVersion(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let s = try await Self.setUp(client)
            let kim = s.f.a.securityToken
            #expect(try await !Self.allowed(client, s))

            // The write is held: 202, where to follow it, the document and its differences.
            let held = try await client.send(.post, "/v1/policies", token: kim, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["bob"])))
            #expect(held.status == 202, "\(held.text)")
            let id = try held.string("id")
            #expect(held.headers[.location] == "/v1/change-requests/\(id)")
            #expect(try held.string("state") == "pending" && held.string("operation") == "create" && held.string("subject") == "policy")
            let diff = try held.json()["diff"] as? [[String: Any]] ?? []
            #expect(diff.count == 1 && diff.first?["path"] as? String == "" && diff.first?["after"] != nil, "\(diff)")
            #expect(try await !Self.allowed(client, s), "nothing changes before a second person applies it")

            // Bad input is refused when written, naming the field; no change request is made.
            var bad = Self.ledgerPolicy(s.f.a.service, users: ["bob"])
            bad["policyItems"] =
                [["users": ["bob"], "accesses": [["type": "teleport", "isAllowed": true]] as [[String: any Sendable]]]] as [[String: any Sendable]]
            let refused = try await client.send(.post, "/v1/policies", token: kim, body: .json(bad))
            #expect(refused.status == 422 && refused.text.contains("policyItems"), "\(refused.text)")
            let listed = try await client.send(.get, "/v1/change-requests?state=pending", token: s.cara).json()["items"] as? [[String: Any]] ?? []
            #expect(listed.count == 1)

            // Nobody applies or rejects their own change, even holding the approver role; reading is not deciding.
            #expect(try await Self.apply(client, id, kim).status == 403)
            let dana = try await client.send(
                .post, "/v1/users", token: s.f.a.adminToken,
                body: .json(["username": "dana", "password": Self.password, "roles": ["security-admin", "change-approver"]]))
            #expect(dana.status == 201, "\(dana.text)")
            let danaToken = try await client.login(tenant: s.f.a.slug, username: "dana", password: Self.password).string("token")
            let own = try await client.send(
                .post, "/v1/policies", token: danaToken, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["dana"])))
            let ownID = try own.string("id")
            let selfApplied = try await Self.apply(client, ownID, danaToken)
            #expect(selfApplied.status == 403 && selfApplied.text.contains("own"), "\(selfApplied.text)")
            #expect(try await client.send(.post, "/v1/change-requests/\(ownID)/reject", token: danaToken).status == 403)
            #expect(try await client.send(.post, "/v1/change-requests/\(ownID)/cancel", token: danaToken).status == 200)
            #expect(try await Self.apply(client, id, s.bob).status == 403)
            #expect(try await client.send(.get, "/v1/change-requests/\(id)", token: s.bob).status == 200)
            #expect(try await client.send(.get, "/v1/change-requests", token: s.f.a.apiKeyToken).status == 403, "plain users read none")

            // Concurrent applies: exactly one makes the change.
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<12 { group.addTask { try await Self.apply(client, id, s.cara, ["comment": "looks right"]).status } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1 && statuses.filter { $0 == 409 }.count == 11, "\(statuses)")
            let applied = try await client.send(.get, "/v1/change-requests/\(id)", token: s.cara)
            #expect(try applied.string("state") == "applied" && applied.string("decidedBy") == "cara", "\(applied.text)")
            let policyID = try #require(Int(try applied.string("objectId")))
            #expect(try await Self.allowed(client, s))

            // Two replacements made against version 1: the first applied wins, the other is stale.
            let first = try await client.send(
                .put, "/v1/policies/\(policyID)", token: kim, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["bob", "kim"])))
            let second = try await client.send(
                .put, "/v1/policies/\(policyID)", token: kim, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["kim"])))
            #expect(first.status == 202 && second.status == 202)
            #expect(try first.int("baseVersion") == 1)
            let changedPaths = (try second.json()["diff"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(changedPaths.contains("policyItems[0].users[0]"), "\(changedPaths)")
            #expect(try await Self.apply(client, try second.string("id"), s.cara).status == 200)
            #expect(try await !Self.allowed(client, s), "bob is no longer named")
            let stale = try await Self.apply(client, try first.string("id"), s.cara)
            #expect(stale.status == 409 && stale.text.contains("stale"), "\(stale.text)")
            #expect(try await client.send(.get, "/v1/change-requests/\(try first.string("id"))", token: s.cara).string("state") == "stale")
            #expect(try await !Self.allowed(client, s), "a stale change changes nothing")

            // An If-Match the object no longer has is refused when the change is made.
            let outdated = try await client.send(
                .put, "/v1/policies/\(policyID)", token: kim, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["bob"])),
                headers: [.ifMatch: "\"1\""])
            #expect(outdated.status == 412, "\(outdated.text)")

            // Rejected and cancelled changes change nothing.
            let deletion = try await client.send(.delete, "/v1/policies/\(policyID)", token: kim)
            #expect(deletion.status == 202)
            let rejected = try await client.send(
                .post, "/v1/change-requests/\(try deletion.string("id"))/reject", token: s.cara, body: .json(["comment": "still needed"]))
            #expect(try rejected.string("state") == "rejected" && rejected.string("comment") == "still needed")
            #expect(try await Self.apply(client, try deletion.string("id"), s.cara).status == 409)
            #expect(try await client.send(.get, "/v1/policies/\(policyID)", token: kim).status == 200)
            let withdrawn = try await client.send(.delete, "/v1/policies/\(policyID)", token: kim).string("id")
            #expect(try await client.send(.post, "/v1/change-requests/\(withdrawn)/cancel", token: s.cara).status == 403)
            #expect(try await client.send(.post, "/v1/change-requests/\(withdrawn)/cancel", token: kim).string("state") == "cancelled")

            // Tagging rules too; an import (many changes at once) is refused while four eyes are on.
            let rule = try await client.send(.post, "/v1/tagging-rules", token: kim, body: .json(["class": "EMAIL", "tag": "PII"]))
            #expect(rule.status == 202, "\(rule.text)")
            #expect(try await client.send(.get, "/v1/tagging-rules", token: kim).text.contains("PII") == false)
            #expect(try await Self.apply(client, try rule.string("id"), s.cara).status == 200)
            #expect(try await client.send(.get, "/v1/tagging-rules", token: kim).text.contains("PII"))
            let imported = try await client.send(
                .post, "/v1/policies/import", token: kim, body: .raw(HivePolicies.json(service: "other-hive"), contentType: "application/json"))
            #expect(imported.status == 409 && imported.text.contains("changeApproval"), "\(imported.text)")
            let tags = try await client.send(
                .put, "/v1/services/\(s.f.a.tagServiceID)/tags", token: kim, body: .json(["tags": [:] as [String: String]]))
            #expect(tags.status == 409 && tags.text.contains("changeApproval"), "\(tags.text)")

            // Every state change is an audit record whose inclusion proof verifies.
            let records = try await AuditInclusion.expectRecordsOfEntityVerify(id, client, token: s.f.a.adminToken)
            let operations = Set(records.compactMap { $0["operation"] as? String })
            #expect(operations.isSuperset(of: ["POST /v1/policies", "POST /v1/change-requests/{id}/apply"]), "\(operations)")
            let events = try await client.send(.get, "/v1/security/events?kind=change.requested", token: s.f.a.adminToken).text
            #expect(events.contains(id))

            // Another tenant's people see none of it.
            #expect(try await client.send(.get, "/v1/change-requests/\(id)", token: s.f.b.adminToken).status == 404)
            #expect(try await client.send(.get, "/v1/change-requests", token: s.f.b.adminToken).text.contains(id) == false)

            // Turning four eyes off is a security event; writes are direct again.
            _ = try await client.send(.patch, "/v1/tenant/settings", token: s.f.a.adminToken, body: .json(["changeApproval": false]))
            #expect(try await client.send(.get, "/v1/security/events?kind=change.approval_disabled", token: s.f.a.adminToken).text.contains("items"))
            let direct = try await client.send(.post, "/v1/policies", token: kim, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["bob"])))
            #expect(direct.status == 409 || direct.status == 201, "\(direct.text)")
        }
    }

    @Test(arguments: TestEngine.available)
    func anEmergencyChangeIsATenantAdminsAndIsReviewedAfterwards(_ engine: TestEngine) async throws {
        try await AccessRequestTests.withClockedServer(engine) { client, clock in
            let s = try await Self.setUp(client)
            let kim = s.f.a.securityToken
            let held = try await client.send(.post, "/v1/policies", token: kim, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["bob"])))
            let id = try held.string("id")

            // Only a tenant-admin, and only with a reason.
            #expect(try await Self.apply(client, id, kim, ["emergency": true, "comment": "outage"]).status == 403)
            let noReason = try await Self.apply(client, id, s.f.a.adminToken, ["emergency": true])
            #expect(noReason.status == 422 && noReason.text.contains("comment"), "\(noReason.text)")
            #expect(try await Self.apply(client, id, s.f.a.adminToken).status == 403, "without emergency a tenant-admin is no approver")
            let applied = try await Self.apply(client, id, s.f.a.adminToken, ["emergency": true, "comment": "INC-7 outage"])
            #expect(applied.status == 200, "\(applied.text)")
            #expect(try applied.json()["emergency"] as? Bool == true)
            #expect(try await Self.allowed(client, s))
            #expect(try await client.send(.get, "/v1/security/events?kind=change.emergency", token: s.f.a.adminToken).text.contains(id))

            // Unreviewed after 24 hours: a security event, once.
            clock.advance(seconds: 86_401)
            let admin = try await client.login(tenant: s.f.a.slug, username: "admin", password: "tenant-owner-passphrase-9").string("token")
            var raised = false
            for _ in 0..<100 where !raised {
                try await Task.sleep(for: .milliseconds(100))
                raised = try await client.send(.get, "/v1/security/events?kind=change.emergency_unreviewed", token: admin).text.contains(id)
            }
            #expect(raised)

            // A change approver who neither made nor applied it reviews it.
            let cara = try await client.login(tenant: s.f.a.slug, username: "cara", password: Self.password).string("token")
            #expect(try await client.send(.post, "/v1/change-requests/\(id)/review", token: admin).status == 403)
            let reviewed = try await client.send(.post, "/v1/change-requests/\(id)/review", token: cara, body: .json(["comment": "fine"]))
            #expect(try reviewed.string("reviewedBy") == "cara", "\(reviewed.text)")
            #expect(try await client.send(.post, "/v1/change-requests/\(id)/review", token: cara).status == 409)
        }
    }
}
