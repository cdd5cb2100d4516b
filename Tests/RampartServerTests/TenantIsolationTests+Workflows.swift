// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Isolation probes for access requests and approval rules: B's rule and B's pending request are
/// invisible to A and untouched by A's answers.
extension TenantIsolationTests {
    struct WorkflowOfB {
        var rule: String
        var request: String
    }

    /// B's approval rule and a pending request of B's bob, made once.
    static func workflowOfB(_ client: APIClient, _ f: TwoTenantFixture) async throws -> WorkflowOfB {
        let rules = try await client.send(.get, "/v1/approval-rules", token: f.b.securityToken).json()["items"] as? [[String: Any]] ?? []
        let bob = try await client.login(tenant: f.b.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
        if let rule = rules.first?["id"] as? String,
            let request = (try await client.send(.get, "/v1/access-requests", token: bob).json()["items"] as? [[String: Any]])?.first?["id"]
                as? String
        {
            return WorkflowOfB(rule: rule, request: request)
        }
        _ = try await client.send(.post, "/v1/groups", token: f.b.adminToken, body: .json(["name": "b-approvers"]))
        let rule = try await client.send(
            .post, "/v1/approval-rules", token: f.b.securityToken, body: .json(["service": f.b.service, "approverGroup": "b-approvers"]))
        #expect(rule.status == 201, "\(rule.text)")
        let request = try await client.send(
            .post, "/v1/access-requests", token: bob,
            body: .json([
                "service": f.b.service, "resource": ["database": "b-only"], "accessTypes": ["select"], "durationSeconds": 600,
                "justification": "B's own business",
            ]))
        #expect(request.status == 201, "\(request.text)")
        return WorkflowOfB(rule: try rule.string("id"), request: try request.string("id"))
    }

    /// B's request, read by B, is still pending with no answers.
    static func expectBRequestUntouched(_ client: APIClient, _ f: TwoTenantFixture, _ b: WorkflowOfB) async throws {
        let request = try await client.send(.get, "/v1/access-requests/\(b.request)", token: f.b.adminToken).json()
        #expect(request["state"] as? String == "pending" && request["approvals"] as? Int == 0 && request["denials"] as? Int == 0, "\(request)")
    }

    static var workflowProbes: [String: Probe] {
        func answer(_ action: String) -> Probe {
            { client, f, token in
                let b = try await workflowOfB(client, f)
                expectNotFound(try await client.send(.post, "/v1/access-requests/\(b.request)/\(action)", token: token), "\(action) B's request")
                expectNotFound(
                    try await client.send(.post, "/v1/access-requests/\(b.request)/\(action)", token: f.a.securityToken), "\(action) B's request")
                try await expectBRequestUntouched(client, f, b)
            }
        }
        return [
            "POST /v1/access-requests": { client, f, token in
                let b = try await workflowOfB(client, f)
                // A's tenant has no rule for B's service: refused, and nothing reaches B.
                let reply = try await client.send(
                    .post, "/v1/access-requests", token: token,
                    body: .json([
                        "service": f.b.service, "resource": ["database": "x"], "accessTypes": ["select"], "durationSeconds": 600,
                        "justification": "a-probe",
                    ]))
                #expect(reply.status == 422 || reply.status == 201, "\(reply.text)")
                #expect(!(try await client.send(.get, "/v1/access-requests", token: f.b.adminToken).text.contains("a-probe")))
                try await expectBRequestUntouched(client, f, b)
            },
            "GET /v1/access-requests": { client, f, token in
                let b = try await workflowOfB(client, f)
                let reply = try await client.send(.get, "/v1/access-requests", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b.request))
            },
            "GET /v1/access-requests/{id}": { client, f, token in
                let b = try await workflowOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/access-requests/\(b.request)", token: token), "GET B's request")
            },
            "POST /v1/access-requests/{id}/approve": answer("approve"),
            "POST /v1/access-requests/{id}/deny": answer("deny"),
            "POST /v1/access-requests/{id}/cancel": answer("cancel"),
            "POST /v1/access-requests/{id}/revoke": answer("revoke"),
            "POST /v1/access-requests/{id}/review": answer("review"),
            "POST /v1/approval-rules": { client, f, _ in
                let b = try await workflowOfB(client, f)
                let reply = try await client.send(
                    .post, "/v1/approval-rules", token: f.a.securityToken, body: .json(["service": f.a.service, "approverGroup": "analysts"]))
                #expect(reply.status == 201, "\(reply.text)")
                let theirs = try await client.send(.get, "/v1/approval-rules", token: f.b.securityToken).json()["items"] as? [[String: Any]] ?? []
                #expect(theirs.compactMap { $0["id"] as? String } == [b.rule])
            },
            "GET /v1/approval-rules": { client, f, _ in
                let b = try await workflowOfB(client, f)
                let reply = try await client.send(.get, "/v1/approval-rules", token: f.a.securityToken)
                #expect(reply.status == 200 && !reply.text.contains(b.rule))
            },
            "DELETE /v1/approval-rules/{id}": { client, f, _ in
                let b = try await workflowOfB(client, f)
                expectNotFound(try await client.send(.delete, "/v1/approval-rules/\(b.rule)", token: f.a.securityToken), "DELETE B's rule")
                #expect(try await client.send(.get, "/v1/approval-rules", token: f.b.securityToken).text.contains(b.rule))
            },
        ]
    }
}

/// Isolation probes for change requests: B's pending change is invisible to A and untouched by
/// A's decisions, emergency or not.
extension TenantIsolationTests {
    /// A pending change request of B (B's four eyes turned on just to make it, then off again so
    /// B's other probes write directly).
    static func changeOfB(_ client: APIClient, _ f: TwoTenantFixture) async throws -> String {
        let pending = try await client.send(.get, "/v1/change-requests?state=pending", token: f.b.adminToken).json()["items"] as? [[String: Any]]
        if let id = pending?.first?["id"] as? String { return id }
        _ = try await client.send(.patch, "/v1/tenant/settings", token: f.b.adminToken, body: .json(["changeApproval": true]))
        let held = try await client.send(
            .post, "/v1/policies", token: f.b.securityToken,
            body: .json([
                "service": f.b.service, "name": "b-change", "resources": ["database": ["values": ["b-only"]]],
                "policyItems": [["users": ["bob"], "accesses": [["type": "select", "isAllowed": true]] as [[String: any Sendable]]]]
                    as [[String: any Sendable]],
            ]))
        _ = try await client.send(.patch, "/v1/tenant/settings", token: f.b.adminToken, body: .json(["changeApproval": false]))
        #expect(held.status == 202, "\(held.text)")
        return try held.string("id")
    }

    static func expectBChangeUntouched(_ client: APIClient, _ f: TwoTenantFixture, _ id: String) async throws {
        let change = try await client.send(.get, "/v1/change-requests/\(id)", token: f.b.adminToken).json()
        #expect(change["state"] as? String == "pending", "\(change)")
    }

    static var changeRequestProbes: [String: Probe] {
        func decide(_ action: String) -> Probe {
            { client, f, token in
                let b = try await changeOfB(client, f)
                for body in [["comment": "a-probe"], ["emergency": true, "comment": "a-probe"]] as [[String: any Sendable]] {
                    expectNotFound(
                        try await client.send(.post, "/v1/change-requests/\(b)/\(action)", token: token, body: .json(body)), "\(action) B's change")
                }
                try await expectBChangeUntouched(client, f, b)
            }
        }
        return [
            "GET /v1/change-requests": { client, f, token in
                let b = try await changeOfB(client, f)
                let reply = try await client.send(.get, "/v1/change-requests", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b), "\(reply.text)")
            },
            "GET /v1/change-requests/{id}": { client, f, token in
                let b = try await changeOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/change-requests/\(b)", token: token), "GET B's change")
            },
            "POST /v1/change-requests/{id}/apply": decide("apply"),
            "POST /v1/change-requests/{id}/reject": decide("reject"),
            "POST /v1/change-requests/{id}/cancel": decide("cancel"),
            "POST /v1/change-requests/{id}/review": decide("review"),
        ]
    }
}

/// Isolation probes for reports: A's reports hold nothing of B's (B's bob asks for access to B's
/// service, and B's pending change request names B's service).
extension TenantIsolationTests {
    static var reportProbes: [String: Probe] {
        [
            "GET /v1/reports/inventory": { client, f, token in
                let reply = try await client.send(.get, "/v1/reports/inventory", token: token)
                #expect(reply.status == 200 && !reply.text.contains(f.b.service), "\(reply.text)")
            },
            "GET /v1/reports/access": { client, f, token in
                _ = try await client.send(
                    .post, "/v1/authorize", token: f.b.securityToken,
                    body: .json(["service": f.b.service, "user": "bob", "resource": ["database": "b-only"], "accessType": "select"]))
                let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
                let reply = try await client.send(
                    .get, "/v1/reports/access?tag=PII&from=\(now - 86_400_000_000)&to=\(now + 3_600_000_000)", token: token)
                #expect(reply.status == 200 && !reply.text.contains(f.b.service), "\(reply.text)")
            },
        ]
    }
}

/// Isolation probes for access reviews: B's campaign is invisible to A and its grants untouched.
extension TenantIsolationTests {
    /// A campaign of B over B's service (its fixture policies on `sales`), made once.
    static func reviewOfB(_ client: APIClient, _ f: TwoTenantFixture) async throws -> String {
        let existing = try await client.send(.get, "/v1/access-reviews", token: f.b.adminToken).json()["items"] as? [[String: Any]]
        if let id = existing?.first?["id"] as? String { return id }
        let started = try await client.send(
            .post, "/v1/access-reviews", token: f.b.securityToken,
            body: .json([
                "name": "b-review", "service": f.b.service, "resource": ["database": "sales"], "reviewerGroup": "analysts", "durationSeconds": 86400,
            ]))
        #expect(started.status == 201, "\(started.text)")
        return try started.string("id")
    }

    static var reviewProbes: [String: Probe] {
        func decide(_ action: String) -> Probe {
            { client, f, token in
                let b = try await reviewOfB(client, f)
                expectNotFound(try await client.send(.post, "/v1/access-reviews/\(b)/grants/1/\(action)", token: token), "\(action) B's grant")
                let grant = try await client.send(.get, "/v1/access-reviews/\(b)", token: f.b.adminToken).json()["grants"] as? [[String: Any]]
                #expect(grant?.first?["state"] as? String == "pending")
            }
        }
        return [
            "POST /v1/access-reviews": { client, f, _ in
                let b = try await reviewOfB(client, f)
                // A's campaign on B's service name finds no such service in A.
                let reply = try await client.send(
                    .post, "/v1/access-reviews", token: f.a.securityToken,
                    body: .json(["name": "a-probe", "service": f.b.service, "reviewerGroup": "analysts", "durationSeconds": 86400]))
                #expect(reply.status == 422, "\(reply.text)")
                let theirs = try await client.send(.get, "/v1/access-reviews", token: f.b.adminToken).json()["items"] as? [[String: Any]] ?? []
                #expect(theirs.compactMap { $0["id"] as? String } == [b])
            },
            "GET /v1/access-reviews": { client, f, token in
                let b = try await reviewOfB(client, f)
                let reply = try await client.send(.get, "/v1/access-reviews", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b))
            },
            "GET /v1/access-reviews/{id}": { client, f, token in
                let b = try await reviewOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/access-reviews/\(b)", token: token), "GET B's review")
            },
            "POST /v1/access-reviews/{id}/grants/{grant}/confirm": decide("confirm"),
            "POST /v1/access-reviews/{id}/grants/{grant}/revoke": decide("revoke"),
        ]
    }
}
