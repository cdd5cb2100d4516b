// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartServer
import RampartTesting
import Testing

/// Requests for a tag, escalation after a timeout, and the tenant's cap on durations.
extension AccessRequestTests {
    static func waitForState(_ client: APIClient, _ id: String, token: String, until done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        for _ in 0..<100 {
            last = try await client.send(.get, "/v1/access-requests/\(id)", token: token).json()
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    @Test(arguments: TestEngine.available)
    func aTagRequestEscalatesOnceThenTimesOutWithinTheTenantsMaximum(_ engine: TestEngine) async throws {
        try await Self.withClockedServer(engine) { client, clock in
            let f = try await TwoTenantFixture.make(client)
            let admin = f.a.adminToken
            let tags = "\(f.a.slug)-tags"
            let attach = try await client.send(
                .put, "/v1/services/\(f.a.serviceID)", token: f.a.securityToken,
                body: .json(["name": f.a.service, "type": "hive", "tagService": tags]))
            #expect(attach.status == 200, "\(attach.text)")
            var tokens: [String: String] = [:]
            for (user, group) in [("olga", "owners"), ("eric", "escalation")] {
                let made = try await client.send(
                    .post, "/v1/users", token: admin, body: .json(["username": user, "password": Self.password, "roles": ["user"]]))
                let groupID = try await client.send(.post, "/v1/groups", token: admin, body: .json(["name": group])).string("id")
                try await client.send(.put, "/v1/groups/\(groupID)/members/\(try made.string("id"))", token: admin)
                tokens[user] = try await client.login(tenant: f.a.slug, username: user, password: Self.password).string("token")
            }
            let cap = try await client.send(.patch, "/v1/tenant/settings", token: admin, body: .json(["accessRequestMaximumSeconds": 1800]))
            #expect(try cap.int("accessRequestMaximumSeconds") == 1800, "\(cap.text)")
            var rule: [String: any Sendable] = [
                "service": tags, "resource": ["tag": "PII"], "approverGroup": "owners", "escalationGroup": "escalation", "timeoutSeconds": 60,
                "maximumDurationSeconds": 7200,
            ]
            let overCap = try await client.send(.post, "/v1/approval-rules", token: f.a.securityToken, body: .json(rule))
            #expect(overCap.status == 422 && (try? overCap.string("field")) == "maximumDurationSeconds", "\(overCap.text)")
            rule["escalationGroup"] = "owners"
            let same = try await client.send(.post, "/v1/approval-rules", token: f.a.securityToken, body: .json(rule))
            #expect(same.status == 422 && (try? same.string("field")) == "escalationGroup", "\(same.text)")
            rule["escalationGroup"] = "escalation"
            rule["maximumDurationSeconds"] = 1800
            #expect(try await client.send(.post, "/v1/approval-rules", token: f.a.securityToken, body: .json(rule)).status == 201)

            // A request for the tag, in the service's own terms: it becomes a request on the tag service.
            let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            func ask(_ duration: Int) async throws -> APIClient.Reply {
                try await client.send(
                    .post, "/v1/access-requests", token: bob,
                    body: .json([
                        "service": f.a.service, "tag": "PII", "accessTypes": ["select"], "durationSeconds": duration, "justification": "audit prep",
                    ]))
            }
            let tooLong = try await ask(3600)
            #expect(tooLong.status == 422 && (try? tooLong.string("field")) == "durationSeconds", "\(tooLong.text)")
            let asked = try await ask(1800)
            #expect(asked.status == 201, "\(asked.text)")
            let id = try asked.string("id")
            let json = try asked.json()
            #expect(json["service"] as? String == tags && json["resource"] as? [String: String] == ["tag": "PII"])
            #expect(json["accessTypes"] as? [String] == ["hive:select"], "\(json)")

            // The escalation group answers only once the request escalated.
            let eric = tokens["eric", default: ""]
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: eric).status == 403)
            clock.advance(seconds: 61)
            let escalated = try await Self.waitForState(client, id, token: bob) { $0["escalated"] as? Bool == true }
            #expect(escalated["escalated"] as? Bool == true && escalated["state"] as? String == "pending", "\(escalated)")
            #expect(try await client.send(.get, "/v1/security/events?kind=access.escalated", token: admin).text.contains(id))
            let approved = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: eric)
            #expect(try approved.string("state") == "active", "\(approved.text)")
            let policy = try await client.send(.get, "/v1/policies/\(try approved.int("policyId"))", token: f.a.securityToken).json()
            #expect(policy["service"] as? String == tags && (policy["resources"] as? [String: Any])?["tag"] != nil, "\(policy)")

            // Unanswered past the escalation too: denied (`timed-out`), with an audit record each step.
            let second = try await ask(600).string("id")
            clock.advance(seconds: 61)
            _ = try await Self.waitForState(client, second, token: bob) { $0["escalated"] as? Bool == true }
            clock.advance(seconds: 61)
            let timedOut = try await Self.waitForState(client, second, token: bob) { $0["state"] as? String == "timed-out" }
            #expect(timedOut["state"] as? String == "timed-out", "\(timedOut)")
            let records = try await client.send(.get, "/v1/audit/records?entity=\(second)&limit=50", token: admin).text
            #expect(records.contains("access-request.escalated") && records.contains("access-request.timed-out"), "\(records)")
        }
    }
}
