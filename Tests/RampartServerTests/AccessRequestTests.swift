// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import RampartAuditLog
import RampartServer
import RampartTesting
import Testing

/// Issue 22: access requests. Approval turns a request into a policy valid until its end, so the
/// decision API denies at expiry by itself; the right approvers, once each, never the requester.
@Suite struct AccessRequestTests {
    static let password = "approver-pass-phrase-1"
    static let ledger = ["database": "finance", "table": "ledger", "column": "amount"]

    struct Setup {
        var f: TwoTenantFixture
        var bob: String
        var approvers: [String]
        var groupID: String
    }

    /// Tenant A with `approvers` (approver0…, bob and kim in it) and a rule on its Hive service:
    /// `required` approvals, two denials deny, at most an hour, a ticket id as justification.
    static func setUp(_ client: APIClient, approverCount: Int = 3, required: Int = 2) async throws -> Setup {
        let f = try await TwoTenantFixture.make(client)
        let admin = f.a.adminToken
        let group = try await client.send(.post, "/v1/groups", token: admin, body: .json(["name": "approvers"])).string("id")
        var tokens: [String] = []
        for index in 0..<approverCount {
            let user = try await client.send(
                .post, "/v1/users", token: admin, body: .json(["username": "approver\(index)", "password": password, "roles": ["user"]]))
            try await client.send(.put, "/v1/groups/\(group)/members/\(try user.string("id"))", token: admin)
            tokens.append(try await client.login(tenant: f.a.slug, username: "approver\(index)", password: password).string("token"))
        }
        try await client.send(.put, "/v1/groups/\(group)/members/\(f.a.userID)", token: admin)
        let users = try await client.send(.get, "/v1/users?limit=500", token: admin).json()["items"] as? [[String: Any]] ?? []
        let kimID = try #require(users.first { $0["username"] as? String == "kim" }?["id"] as? String)
        try await client.send(.put, "/v1/groups/\(group)/members/\(kimID)", token: admin)
        let rule = try await client.send(
            .post, "/v1/approval-rules", token: f.a.securityToken,
            body: .json([
                "service": f.a.service, "approverGroup": "approvers", "requiredApprovals": required, "denialThreshold": 2,
                "maximumDurationSeconds": 3600, "timeoutSeconds": 120, "justificationPattern": "JIRA-[0-9]+ .*", "breakGlassMaximumSeconds": 900,
            ]))
        #expect(rule.status == 201, "\(rule.text)")
        let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
        return Setup(f: f, bob: bob, approvers: tokens, groupID: group)
    }

    static func ask(
        _ client: APIClient, _ token: String, _ service: String, duration: Int = 60, justification: String = "JIRA-42 quarter close"
    )
        async throws -> APIClient.Reply
    {
        try await client.send(
            .post, "/v1/access-requests", token: token,
            body: .json([
                "service": service, "resource": ledger, "accessTypes": ["select"], "durationSeconds": duration, "justification": justification,
            ]))
    }

    /// A server on a clock the test moves, sweeping due requests every 200 ms.
    static func withClockedServer(_ engine: TestEngine, _ body: @escaping @Sendable (APIClient, ManualClock) async throws -> Void) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(
            engine,
            configure: {
                $0.clock = clock
                $0.accessRequestSweep = .milliseconds(200)
            }
        ) { client in try await body(client, clock) }
    }

    static func allowed(_ client: APIClient, _ s: Setup, user: String = "bob") async throws -> Bool {
        let reply = try await client.send(
            .post, "/v1/authorize", token: s.f.a.securityToken,
            body: .json(["service": s.f.a.service, "user": user, "resource": ledger, "accessType": "select"]))
        return try reply.json()["allowed"] as? Bool == true
    }

    @Test(arguments: TestEngine.available)
    func approvedAccessStartsAndEndsByItself(_ engine: TestEngine) async throws {
        try await Self.withClockedServer(engine) { client, clock in
            let s = try await Self.setUp(client)
            let service = s.f.a.service
            #expect(try await !Self.allowed(client, s))
            let asked = try await Self.ask(client, s.bob, service)
            #expect(asked.status == 201, "\(asked.text)")
            let id = try asked.string("id")
            #expect(try asked.string("state") == "pending")

            // Self-approval, in all three forms: directly, through a group, as an admin.
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.bob).status == 403)
            let kims = try await Self.ask(client, s.f.a.securityToken, service)
            let kimID = try kims.string("id")
            #expect(try await client.send(.post, "/v1/access-requests/\(kimID)/approve", token: s.f.a.securityToken).status == 403)
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.f.a.adminToken).status == 403, "not an approver")

            // Two of three: one approval leaves it pending and bob denied.
            let first = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[0], body: .json(["comment": "ok"]))
            #expect(first.status == 200, "\(first.text)")
            #expect(try first.string("state") == "pending")
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[0]).status == 409, "once each")
            #expect(try await !Self.allowed(client, s))
            let second = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[1])
            #expect(try second.string("state") == "active", "\(second.text)")
            let policyID = try second.int("policyId")
            #expect(try await Self.allowed(client, s))
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[2]).status == 409)
            // Approvers and requester hear of it through the alert channels: security events the
            // tenant's alert rules route to webhooks and e-mail.
            let requestedEvents = try await client.send(.get, "/v1/security/events?kind=access.requested", token: s.f.a.adminToken).text
            let decidedEvents = try await client.send(.get, "/v1/security/events?kind=access.decided", token: s.f.a.adminToken).text
            #expect(requestedEvents.contains(id) && requestedEvents.contains("approvers"), "\(requestedEvents)")
            #expect(decidedEvents.contains(id) && decidedEvents.contains("active"), "\(decidedEvents)")

            // The policy's validity ends it: allowed at 59 s, denied at 61 s, before any sweep ran.
            clock.advance(seconds: 59)
            #expect(try await Self.allowed(client, s))
            clock.advance(seconds: 2)
            #expect(try await !Self.allowed(client, s))
            // The sweep then records the expiry and removes the policy.
            var state = ""
            for _ in 0..<100 where state != "expired" {
                try await Task.sleep(for: .milliseconds(100))
                state = try await client.send(.get, "/v1/access-requests/\(id)", token: s.bob).string("state")
            }
            #expect(state == "expired")
            #expect(try await client.send(.get, "/v1/policies/\(policyID)", token: s.f.a.securityToken).status == 404)
            #expect(try await !Self.allowed(client, s))

            // Every state change is an audit record in the signed log.
            let records = try await AuditInclusion.expectRecordsOfEntityVerify(id, client, token: s.f.a.adminToken)
            let operations = records.compactMap { $0["operation"] as? String }
            #expect(operations.contains("POST /v1/access-requests") && operations.contains("access-request.expired"), "\(operations)")
            #expect(operations.filter { $0 == "POST /v1/access-requests/{id}/approve" }.count >= 2, "\(operations)")

            // Cancel and revoke.
            #expect(try await client.send(.post, "/v1/access-requests/\(kimID)/cancel", token: s.bob).status == 403)
            #expect(try await client.send(.post, "/v1/access-requests/\(kimID)/cancel", token: s.f.a.securityToken).string("state") == "cancelled")
            let again = try await Self.ask(client, s.bob, service).string("id")
            _ = try await client.send(.post, "/v1/access-requests/\(again)/approve", token: s.approvers[0])
            _ = try await client.send(.post, "/v1/access-requests/\(again)/approve", token: s.approvers[1])
            #expect(try await Self.allowed(client, s))
            #expect(try await client.send(.post, "/v1/access-requests/\(again)/revoke", token: s.approvers[2]).status == 403)
            #expect(try await client.send(.post, "/v1/access-requests/\(again)/revoke", token: s.f.a.adminToken).string("state") == "revoked")
            #expect(try await !Self.allowed(client, s))

            // Two denials deny.
            let denied = try await Self.ask(client, s.bob, service).string("id")
            _ = try await client.send(.post, "/v1/access-requests/\(denied)/deny", token: s.approvers[0])
            #expect(try await client.send(.post, "/v1/access-requests/\(denied)/deny", token: s.approvers[1]).string("state") == "denied")

            // Past its timeout a request takes no answers, even before the sweep marks it.
            let late = try await Self.ask(client, s.bob, service).string("id")
            clock.advance(seconds: 121)
            #expect(try await client.send(.post, "/v1/access-requests/\(late)/approve", token: s.approvers[0]).status == 409)
            var lateState = ""
            for _ in 0..<100 where lateState != "timed-out" {
                try await Task.sleep(for: .milliseconds(100))
                lateState = try await client.send(.get, "/v1/access-requests/\(late)", token: s.bob).string("state")
            }
            #expect(lateState == "timed-out")
        }
    }

    /// An unmask exception: bob (an analyst, who sees `ssn` as MASK_SHOW_LAST_4) sees it in clear
    /// while it is active, and masked again once it is revoked.
    @Test(arguments: TestEngine.available)
    func anUnmaskExceptionShowsOneColumnWhileActive(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let s = try await Self.setUp(client)
            let ssn = ["database": "sales", "table": "customers", "column": "ssn"]
            func mask() async throws -> String? {
                let reply = try await client.send(
                    .post, "/v1/authorize", token: s.f.a.securityToken,
                    body: .json(["service": s.f.a.service, "user": "bob", "resource": ssn, "accessType": "select"]))
                return (try reply.json()["mask"] as? [String: Any])?["type"] as? String
            }
            #expect(try await mask() == "MASK_SHOW_LAST_4")
            let asked = try await client.send(
                .post, "/v1/access-requests", token: s.bob,
                body: .json([
                    "service": s.f.a.service, "resource": ssn, "accessTypes": ["select"], "durationSeconds": 600,
                    "justification": "JIRA-7 fraud case",
                    "unmask": true,
                ]))
            #expect(asked.status == 201, "\(asked.text)")
            let id = try asked.string("id")
            _ = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[0])
            let active = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[1])
            #expect(try active.string("state") == "active", "\(active.text)")
            let shown = try await mask()
            #expect(shown == nil || shown == "MASK_NONE", "\(String(describing: shown))")
            _ = try await client.send(.post, "/v1/access-requests/\(id)/revoke", token: s.bob)
            #expect(try await mask() == "MASK_SHOW_LAST_4")
            // An unmask exception names one column of a masking resource.
            let table = try await client.send(
                .post, "/v1/access-requests", token: s.bob,
                body: .json([
                    "service": s.f.a.service, "resource": ["database": "sales"], "accessTypes": ["select"], "durationSeconds": 600,
                    "justification": "JIRA-7 x", "unmask": true,
                ]))
            #expect(table.status == 422, "\(table.text)")
        }
    }

    /// Break-glass: active at once without approval, a security event, a review by an approver;
    /// unreviewed after 24 hours, a second event.
    @Test(arguments: TestEngine.available)
    func breakGlassIsImmediateFlaggedAndReviewed(_ engine: TestEngine) async throws {
        try await Self.withClockedServer(engine) { client, clock in
            let s = try await Self.setUp(client)
            func breakGlass(duration: Int) async throws -> APIClient.Reply {
                try await client.send(
                    .post, "/v1/access-requests", token: s.bob,
                    body: .json([
                        "service": s.f.a.service, "resource": Self.ledger, "accessTypes": ["select"], "durationSeconds": duration,
                        "justification": "JIRA-911 outage", "breakGlass": true,
                    ]))
            }
            let tooLong = try await breakGlass(duration: 1800)
            #expect(tooLong.status == 422 && (try? tooLong.string("field")) == "durationSeconds", "\(tooLong.text)")
            let taken = try await breakGlass(duration: 600)
            #expect(taken.status == 201, "\(taken.text)")
            #expect(try taken.string("state") == "active")
            let id = try taken.string("id")
            #expect(try await Self.allowed(client, s))
            let events = try await client.send(.get, "/v1/security/events?kind=access.break_glass", token: s.f.a.adminToken)
            #expect(events.text.contains(id), "\(events.text)")
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/review", token: s.bob).status == 403, "not one's own")
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/review", token: s.f.a.adminToken).status == 403, "approvers only")
            let reviewed = try await client.send(.post, "/v1/access-requests/\(id)/review", token: s.approvers[0])
            #expect(try reviewed.string("reviewedBy") == "approver0", "\(reviewed.text)")
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/review", token: s.approvers[1]).status == 409)

            // A rule without break-glass refuses it.
            let other = try await client.send(
                .post, "/v1/access-requests", token: s.bob,
                body: .json([
                    "service": "\(s.f.a.slug)-tags", "resource": ["tag": "PII"], "accessTypes": ["select"], "durationSeconds": 60,
                    "justification": "JIRA-1 x", "breakGlass": true,
                ]))
            #expect(other.status == 422, "\(other.text)")

            // An unreviewed one raises access.break_glass_unreviewed once its 24 hours are up.
            let unreviewed = try await breakGlass(duration: 60).string("id")
            clock.advance(seconds: 86_401)
            let admin = try await client.login(tenant: s.f.a.slug, username: "admin", password: "tenant-owner-passphrase-9").string("token")
            var overdue = ""
            for _ in 0..<100 where !overdue.contains(unreviewed) {
                try await Task.sleep(for: .milliseconds(100))
                overdue = try await client.send(.get, "/v1/security/events?kind=access.break_glass_unreviewed", token: admin).text
            }
            #expect(overdue.contains(unreviewed) && !overdue.contains(id), "\(overdue)")
        }
    }

    /// 50 concurrent approvals of one request: exactly one activation, one policy.
    @Test(arguments: TestEngine.available)
    func concurrentApprovalsActivateOnce(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let s = try await Self.setUp(client, approverCount: 10, required: 1)
            let id = try await Self.ask(client, s.bob, s.f.a.service).string("id")
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for call in 0..<50 {
                    let token = s.approvers[call % 10]
                    group.addTask {
                        let reply = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: token)
                        return (reply.status, try? reply.string("state"))
                    }
                }
                var all: [(Int, String?)] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(statuses.filter { $0.0 == 200 }.count == 1, "\(statuses.map(\.0))")
            #expect(statuses.filter { $0.0 == 409 }.count == 49, "\(statuses.map(\.0))")
            #expect(statuses.first { $0.0 == 200 }?.1 == "active")
            let request = try await client.send(.get, "/v1/access-requests/\(id)", token: s.bob).json()
            #expect(request["approvals"] as? Int == 1 && (request["votes"] as? [Any])?.count == 1, "\(request)")
            let policies = try await client.send(.get, "/v1/policies?service=\(s.f.a.service)&limit=500", token: s.f.a.securityToken)
            #expect(policies.text.components(separatedBy: "access-request \(id)").count - 1 == 1, "one policy")
            #expect(try await Self.allowed(client, s))
        }
    }

    @Test(arguments: TestEngine.available)
    func badRequestsAreRefusedNamingTheField(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let s = try await Self.setUp(client)
            func field(_ reply: APIClient.Reply) -> String? {
                #expect(reply.status == 422, "\(reply.text)")
                return try? reply.string("field")
            }
            #expect(field(try await Self.ask(client, s.bob, s.f.a.service, justification: "because")) == "justification")
            #expect(field(try await Self.ask(client, s.bob, s.f.a.service, duration: 7200)) == "durationSeconds")
            #expect(field(try await Self.ask(client, s.bob, "\(s.f.a.slug)-tags")) == "resource")
            // A value is one resource: a wildcard would make the policy grant more than the rule covers.
            let wildcard = try await client.send(
                .post, "/v1/access-requests", token: s.bob,
                body: .json([
                    "service": s.f.a.service, "resource": ["database": "finance", "table": "*"], "accessTypes": ["select"], "durationSeconds": 60,
                    "justification": "JIRA-1 x",
                ]))
            #expect(field(wildcard) == "resource.table")
            let flying = try await client.send(
                .post, "/v1/access-requests", token: s.bob,
                body: .json([
                    "service": s.f.a.service, "resource": Self.ledger, "accessTypes": ["fly"], "durationSeconds": 60, "justification": "JIRA-1 x",
                ]))
            #expect(flying.status == 422, "\(flying.text)")
            #expect(field(try await client.send(.post, "/v1/access-requests", token: s.bob, body: .json(["service": s.f.a.service]))) == "resource")
            let rule = try await client.send(
                .post, "/v1/approval-rules", token: s.f.a.securityToken, body: .json(["service": s.f.a.service, "approverGroup": "nobody"]))
            #expect(field(rule) == "approverGroup")
            let pattern = try await client.send(
                .post, "/v1/approval-rules", token: s.f.a.securityToken,
                body: .json(["service": s.f.a.service, "approverGroup": "approvers", "justificationPattern": "(a+)+\\1"]))
            #expect(field(pattern) == "justificationPattern")
            #expect(try await client.send(.post, "/v1/approval-rules", token: s.bob, body: .json(["service": "x"])).status == 403)
            // Another tenant's request is not found; an approver of B cannot see A's.
            let id = try await Self.ask(client, s.bob, s.f.a.service).string("id")
            #expect(try await client.send(.get, "/v1/access-requests/\(id)", token: s.f.b.adminToken).status == 404)
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.f.b.securityToken).status == 404)
            // Nothing half-applied: the pending request is unchanged.
            let unchanged = try await client.send(.get, "/v1/access-requests/\(id)", token: s.bob).json()
            #expect(unchanged["approvals"] as? Int == 0 && unchanged["state"] as? String == "pending")
        }
    }
}
