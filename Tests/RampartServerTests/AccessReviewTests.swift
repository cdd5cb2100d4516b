// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartServer
import RampartTesting
import Testing

/// Issue 22: access reviews. A campaign lists the grants in its scope; the resource owner (the
/// approval rule's approvers) or the campaign's reviewers confirm or revoke each; at the deadline
/// what nobody reviewed is revoked or reported.
@Suite struct AccessReviewTests {
    typealias J = [String: any Sendable]
    static let password = "reviewer-pass-phrase-1"

    static func user(_ client: APIClient, _ f: TwoTenantFixture, _ name: String, groups: [String]) async throws -> String {
        let made = try await client.send(
            .post, "/v1/users", token: f.a.adminToken, body: .json(["username": name, "password": password, "roles": ["user"]]))
        for group in groups {
            let existing = try await client.send(.get, "/v1/groups?limit=500", token: f.a.adminToken).json()["items"] as? [[String: Any]] ?? []
            var groupID = existing.first { $0["name"] as? String == group }?["id"] as? String
            if groupID == nil {
                groupID = try await client.send(.post, "/v1/groups", token: f.a.adminToken, body: .json(["name": group])).string("id")
            }
            try await client.send(.put, "/v1/groups/\(try #require(groupID))/members/\(try made.string("id"))", token: f.a.adminToken)
        }
        return try await client.login(tenant: f.a.slug, username: name, password: password).string("token")
    }

    static func policy(_ client: APIClient, _ f: TwoTenantFixture, table: String, users: [String], groups: [String]) async throws -> Int {
        let reply = try await client.send(
            .post, "/v1/policies", token: f.a.securityToken,
            body: .json([
                "service": f.a.service, "name": "finance \(table)",
                "resources": ["database": ["values": ["finance"]] as J, "table": ["values": [table]] as J, "column": ["values": ["*"]] as J],
                "policyItems": [["users": users, "groups": groups, "accesses": [["type": "select", "isAllowed": true] as J]] as J],
            ]))
        #expect(reply.status == 201, "\(reply.text)")
        return try reply.int("id")
    }

    static func allowed(_ client: APIClient, _ f: TwoTenantFixture, _ token: String, _ user: String, table: String) async throws -> Bool {
        let reply = try await client.send(
            .post, "/v1/authorize", token: token,
            body: .json([
                "service": f.a.service, "user": user, "resource": ["database": "finance", "table": table, "column": "amount"], "accessType": "select",
            ]))
        return try reply.json()["allowed"] as? Bool == true
    }

    @Test(arguments: TestEngine.available)
    func reviewersConfirmOrRevokeAndTheDeadlineRevokesTheRest(_ engine: TestEngine) async throws {
        try await AccessRequestTests.withClockedServer(engine) { client, clock in
            let f = try await TwoTenantFixture.make(client)
            let kim = f.a.securityToken
            let rita = try await Self.user(client, f, "rita", groups: ["reviewers"])
            let otto = try await Self.user(client, f, "otto", groups: ["owners"])
            let ledger = try await Self.policy(client, f, table: "ledger", users: ["bob"], groups: ["analysts"])
            let payroll = try await Self.policy(client, f, table: "payroll", users: ["kim", "bob"], groups: [])
            // Payroll's owners approve access to it, so they review it too.
            let rule = try await client.send(
                .post, "/v1/approval-rules", token: kim,
                body: .json(["service": f.a.service, "resource": ["table": "payroll"], "approverGroup": "owners"]))
            #expect(rule.status == 201, "\(rule.text)")

            // Bad input names the field; only policy writers start campaigns.
            for (body, field) in [
                (["durationSeconds": 10] as J, "durationSeconds"), (["reviewerGroup": "nobody"], "reviewerGroup"), (["service": "nope"], "service"),
                (["onDeadline": "forget"], "onDeadline"),
            ] {
                var draft: J = [
                    "name": "Q4 finance", "service": f.a.service, "resource": ["database": "finance"], "reviewerGroup": "reviewers",
                    "onDeadline": "revoke", "durationSeconds": 3600,
                ]
                draft.merge(body) { _, new in new }
                let refused = try await client.send(.post, "/v1/access-reviews", token: kim, body: .json(draft))
                #expect(refused.status == 422 && (try? refused.string("field")) == field, "\(field): \(refused.text)")
            }
            let campaign: J = [
                "name": "Q4 finance", "service": f.a.service, "resource": ["database": "finance"], "reviewerGroup": "reviewers",
                "onDeadline": "revoke", "durationSeconds": 3600,
            ]
            #expect(try await client.send(.post, "/v1/access-reviews", token: rita, body: .json(campaign)).status == 403)
            let started = try await client.send(.post, "/v1/access-reviews", token: kim, body: .json(campaign))
            #expect(started.status == 201, "\(started.text)")
            let id = try started.string("id")
            let grants = try started.json()["grants"] as? [[String: Any]] ?? []
            let seen = Set(
                grants.map { "\($0["policyId"] as? Int ?? 0):\($0["principalType"] as? String ?? ""):\($0["principal"] as? String ?? "")" })
            #expect(seen == ["\(ledger):user:bob", "\(ledger):group:analysts", "\(payroll):user:kim", "\(payroll):user:bob"], "\(seen)")
            func grant(_ policy: Int, _ principal: String) throws -> Int {
                try #require(grants.first { $0["policyId"] as? Int == policy && $0["principal"] as? String == principal }?["id"] as? Int)
            }
            #expect(grants.filter { $0["reviewerGroup"] as? String == "owners" }.count == 2, "payroll's owners review its grants")
            let progress = try started.json()["progress"] as? [String: Any]
            #expect(progress?["pending"] as? Int == 4 && (progress?["pendingByReviewer"] as? [String: Int]) == ["reviewers": 2, "owners": 2])

            // Reviewers decide their own grants only, never their own access.
            let path = "/v1/access-reviews/\(id)/grants"
            let confirmed = try await client.send(
                .post, "\(path)/\(try grant(ledger, "bob"))/confirm", token: rita, body: .json(["comment": "needed"]))
            #expect(try confirmed.string("state") == "confirmed" && confirmed.string("decidedBy") == "rita", "\(confirmed.text)")
            #expect(try await client.send(.post, "\(path)/\(try grant(ledger, "bob"))/revoke", token: rita).status == 409, "decided once")
            #expect(try await client.send(.post, "\(path)/\(try grant(payroll, "kim"))/revoke", token: rita).status == 403, "owners' grant")
            _ = try await Self.user(client, f, "ana", groups: ["reviewers", "analysts"])
            let ana = try await client.login(tenant: f.a.slug, username: "ana", password: Self.password).string("token")
            #expect(try await client.send(.post, "\(path)/\(try grant(ledger, "analysts"))/revoke", token: ana).status == 403, "her own group")
            #expect(try await Self.allowed(client, f, kim, "kim", table: "payroll"))
            let revoked = try await client.send(.post, "\(path)/\(try grant(payroll, "kim"))/revoke", token: otto)
            #expect(try revoked.string("state") == "revoked", "\(revoked.text)")
            #expect(try await !Self.allowed(client, f, kim, "kim", table: "payroll"), "revoking takes kim out of the policy")
            #expect(try await Self.allowed(client, f, kim, "bob", table: "payroll"), "bob is still named")
            let stored = try await client.send(.get, "/v1/policies/\(payroll)", token: kim).json()
            #expect(((stored["policyItems"] as? [[String: Any]])?.first?["users"] as? [String]) == ["bob"])
            let ottos = try await client.send(.get, "/v1/access-reviews/\(id)", token: otto)
            let ottoGrants = try ottos.json()["grants"] as? [[String: Any]] ?? []
            #expect(ottos.status == 200 && ottoGrants.count == 2, "reviewers follow the progress of their own grants: \(ottos.text)")
            #expect(ottoGrants.allSatisfy { $0["reviewerGroup"] as? String == "owners" })
            #expect(try await client.send(.get, "/v1/access-reviews", token: otto).text.contains(id), "a reviewer lists the campaigns it reviews")
            let outsider = try await client.send(.get, "/v1/access-reviews", token: f.a.apiKeyToken)
            #expect(outsider.status == 200 && !outsider.text.contains(id), "someone who reviews nothing lists none: \(outsider.text)")

            // A second campaign reports instead of revoking.
            var reporting = campaign
            reporting["resource"] = ["database": "hr"]
            reporting["onDeadline"] = "report"
            let report = try await client.send(.post, "/v1/access-reviews", token: kim, body: .json(reporting))
            let reportGrants = try report.json()["grants"] as? [Any]
            #expect(report.status == 201 && reportGrants?.count == 1, "\(report.text)")

            // The deadline: what nobody reviewed is revoked (the first campaign) or reported (the second).
            clock.advance(seconds: 3601)
            let admin = try await client.login(tenant: f.a.slug, username: "admin", password: "tenant-owner-passphrase-9").string("token")
            var state = ""
            for _ in 0..<100 where state != "closed" {
                try await Task.sleep(for: .milliseconds(100))
                state = try await client.send(.get, "/v1/access-reviews/\(id)", token: admin).string("state")
            }
            #expect(state == "closed")
            let closed = try await client.send(.get, "/v1/access-reviews/\(id)", token: admin).json()
            let final = try #require(closed["progress"] as? [String: Any])
            #expect(final["confirmed"] as? Int == 1 && final["revoked"] as? Int == 3 && final["pending"] as? Int == 0, "\(final)")
            let security = try await client.login(tenant: f.a.slug, username: "kim", password: TwoTenantFixture.securityPassword).string("token")
            #expect(try await Self.allowed(client, f, security, "bob", table: "ledger"), "the confirmed grant stays")
            #expect(try await !Self.allowed(client, f, security, "ana", table: "ledger"), "analysts were revoked")
            #expect(try await !Self.allowed(client, f, security, "bob", table: "payroll"))
            let reported = try await client.send(.get, "/v1/access-reviews/\(try report.string("id"))", token: admin).json()
            #expect((reported["progress"] as? [String: Any])?["unreviewed"] as? Int == 1, "\(reported)")
            let hr = try await client.send(.get, "/v1/policies?service=\(f.a.service)&limit=500", token: security).json()["items"] as? [[String: Any]]
            let hrItems = hr?.first { $0["name"] as? String == "nobody reads hr" }?["policyItems"] as? [[String: Any]]
            #expect(hrItems?.first?["groups"] as? [String] == ["analysts"], "a reporting campaign changes no policy")
            #expect(try await client.send(.get, "/v1/security/events?kind=review.closed", token: admin).text.contains(id))
            let records = try await AuditInclusion.expectRecordsOfEntityVerify(id, client, token: admin)
            let operations = records.compactMap { $0["operation"] as? String }
            #expect(operations.filter { $0 == "access-review.revoked" }.count == 2, "\(operations)")
            #expect(operations.contains("POST /v1/access-reviews/{id}/grants/{grant}/revoke"), "\(operations)")

            // Another tenant sees none of it.
            let otherAdmin = try await client.login(tenant: f.b.slug, username: "admin", password: "tenant-owner-passphrase-9").string("token")
            #expect(try await client.send(.get, "/v1/access-reviews/\(id)", token: otherAdmin).status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func aTagScopedCampaignReviewsThePoliciesOverTaggedColumns(_ engine: TestEngine) async throws {
        try await ReportTests.withEstate(engine) { client, e in
            let started = try await client.send(
                .post, "/v1/access-reviews", token: e.f.a.securityToken,
                body: .json(["name": "PCI", "service": e.f.a.service, "tag": "PCI", "reviewerGroup": "analysts", "durationSeconds": 86400]))
            #expect(started.status == 201, "\(started.text)")
            let grants = try started.json()["grants"] as? [[String: Any]] ?? []
            // `sales readers` and the fixture's `analysts read sales` cover the tagged column;
            // `nobody reads hr` does not, masks are not grants, and the tag policy only denies.
            #expect(Set(grants.compactMap { $0["policyId"] as? Int }) == [1, e.allow], "\(grants)")
        }
    }
}
