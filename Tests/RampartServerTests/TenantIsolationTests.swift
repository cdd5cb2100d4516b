// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartServer
import RampartTesting
import Testing

/// Tenant A's credentials against tenant B's objects, for every tenant-scoped route.
///
/// The table is keyed by route; `everyTenantRouteIsCovered` fails when a route is added without a
/// row here, so new routes must join it.
@Suite struct TenantIsolationTests {
    /// One probe: given the fixture and which of A's credentials to use, try to reach B's objects
    /// through one route and check that nothing of B's is read or changed.
    typealias Probe = @Sendable (APIClient, TwoTenantFixture, String) async throws -> Void

    static func expectNotFound(_ reply: APIClient.Reply, _ route: String) {
        #expect(reply.status == 404, "\(route) across tenants answered \(reply.status): \(reply.text)")
        #expect(reply.contentType == "application/problem+json")
    }

    /// A's policy list does not show B's object.
    static func expectListHides(_ client: APIClient, _ path: String, _ id: Int, _ f: TwoTenantFixture) async throws {
        let reply = try await client.send(.get, path, token: f.a.securityToken)
        #expect(reply.status == 200)
        let ids = (try reply.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        #expect(!ids.contains(id), "\(path) shows the other tenant's object \(id)")
    }

    /// A write by A to B's object is a 404 and leaves the object (read by B) as it was.
    static func expectUnchangedAfter(
        _ method: HTTPRequest.Method, _ path: String, body: [String: any Sendable]?, _ client: APIClient, _ f: TwoTenantFixture
    ) async throws {
        let objectPath = path
        let before = try await client.send(.get, objectPath, token: f.b.securityToken)
        #expect(before.status == 200, "\(objectPath): \(before.text)")
        expectNotFound(
            try await client.send(method, path, token: f.a.securityToken, body: body.map { .json($0) } ?? .none), "\(method) \(path)")
        let after = try await client.send(.get, objectPath, token: f.b.securityToken)
        #expect(after.text == before.text, "\(method) \(path) from A changed B's object")
    }

    static let probes: [String: Probe] = [
        "GET /v1/users": { client, f, token in
            let reply = try await client.send(.get, "/v1/users?limit=500", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains(f.b.userID) && !reply.text.contains(f.b.id))
        },
        "POST /v1/users": { client, f, token in
            // The new user lands in A; B's user list does not change.
            let reply = try await client.send(.post, "/v1/users", token: token, body: .json(["username": "created-by-a"]))
            #expect(reply.status == 201)
            #expect(try reply.string("tenantId") == f.a.id)
            let listB = try await client.send(.get, "/v1/users?limit=500", token: f.b.adminToken)
            #expect(!listB.text.contains("created-by-a"))
        },
        "GET /v1/users/{id}": { client, f, token in
            expectNotFound(try await client.send(.get, "/v1/users/\(f.b.userID)", token: token), "GET user")
        },
        "PATCH /v1/users/{id}": { client, f, token in
            expectNotFound(
                try await client.send(.patch, "/v1/users/\(f.b.userID)", token: token, body: .json(["displayName": "pwned"])), "PATCH user")
            let check = try await client.send(.get, "/v1/users/\(f.b.userID)", token: f.b.adminToken)
            #expect(!check.text.contains("pwned"))
        },
        "DELETE /v1/users/{id}": { client, f, token in
            expectNotFound(try await client.send(.delete, "/v1/users/\(f.b.userID)", token: token), "DELETE user")
            #expect(try await client.send(.get, "/v1/users/\(f.b.userID)", token: f.b.adminToken).status == 200)
        },
        "PUT /v1/users/{id}/password": { client, f, token in
            expectNotFound(
                try await client.send(
                    .put, "/v1/users/\(f.b.userID)/password", token: token, body: .json(["password": "attacker-chosen-pass-1"])),
                "PUT password")
            #expect(try await client.login(tenant: f.b.slug, username: "bob", password: TwoTenantFixture.userPassword).status == 200)
        },
        "GET /v1/users/{id}/groups": { client, f, token in
            expectNotFound(try await client.send(.get, "/v1/users/\(f.b.userID)/groups", token: token), "GET user groups")
        },
        "GET /v1/groups": { client, f, token in
            let reply = try await client.send(.get, "/v1/groups", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains(f.b.groupID))
        },
        "POST /v1/groups": { client, f, token in
            let reply = try await client.send(.post, "/v1/groups", token: token, body: .json(["name": "made-by-a"]))
            #expect(reply.status == 201)
            #expect(try reply.string("tenantId") == f.a.id)
            #expect(!(try await client.send(.get, "/v1/groups", token: f.b.adminToken)).text.contains("made-by-a"))
        },
        "GET /v1/groups/{id}": { client, f, token in
            expectNotFound(try await client.send(.get, "/v1/groups/\(f.b.groupID)", token: token), "GET group")
        },
        "PATCH /v1/groups/{id}": { client, f, token in
            expectNotFound(
                try await client.send(.patch, "/v1/groups/\(f.b.groupID)", token: token, body: .json(["name": "pwned"])), "PATCH group")
            #expect(try await client.send(.get, "/v1/groups/\(f.b.groupID)", token: f.b.adminToken).string("name") == "analysts")
        },
        "DELETE /v1/groups/{id}": { client, f, token in
            expectNotFound(try await client.send(.delete, "/v1/groups/\(f.b.groupID)", token: token), "DELETE group")
            #expect(try await client.send(.get, "/v1/groups/\(f.b.groupID)", token: f.b.adminToken).status == 200)
        },
        "GET /v1/groups/{id}/members": { client, f, token in
            expectNotFound(try await client.send(.get, "/v1/groups/\(f.b.groupID)/members", token: token), "GET members")
        },
        "PUT /v1/groups/{id}/members/{userId}": { client, f, token in
            // B's group with A's user, and A's group with B's user: both unknown to A.
            expectNotFound(try await client.send(.put, "/v1/groups/\(f.b.groupID)/members/\(f.a.userID)", token: token), "PUT member")
            expectNotFound(try await client.send(.put, "/v1/groups/\(f.a.groupID)/members/\(f.b.userID)", token: token), "PUT member")
        },
        "DELETE /v1/groups/{id}/members/{userId}": { client, f, token in
            expectNotFound(try await client.send(.delete, "/v1/groups/\(f.b.groupID)/members/\(f.b.userID)", token: token), "DELETE member")
            let members = try await client.send(.get, "/v1/groups/\(f.b.groupID)/members", token: f.b.adminToken)
            #expect(members.text.contains(f.b.userID))
        },
        "GET /v1/api-keys": { client, f, token in
            let reply = try await client.send(.get, "/v1/api-keys?limit=500", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains(f.b.apiKeyID))
        },
        "POST /v1/api-keys": { client, f, token in
            let reply = try await client.send(.post, "/v1/api-keys", token: token, body: .json(["name": "a-key", "roles": ["user"]]))
            #expect(reply.status == 201, "\(reply.text)")
            #expect(!(try await client.send(.get, "/v1/api-keys?limit=500", token: f.b.adminToken)).text.contains(try reply.string("id")))
        },
        "GET /v1/api-keys/{id}": { client, f, token in
            expectNotFound(try await client.send(.get, "/v1/api-keys/\(f.b.apiKeyID)", token: token), "GET api key")
        },
        "DELETE /v1/api-keys/{id}": { client, f, token in
            expectNotFound(try await client.send(.delete, "/v1/api-keys/\(f.b.apiKeyID)", token: token), "DELETE api key")
            #expect(try await client.send(.get, "/v1/me", token: f.b.apiKeyToken).status == 200, "B's key must still work")
        },
        "POST /v1/policies/import": { client, f, _ in
            // Importing a service of B's name into A creates A's own copy; B's stays at version 1.
            let reply = try await client.send(
                .post, "/v1/policies/import", token: f.a.securityToken,
                body: .raw(HivePolicies.json(service: f.b.service), contentType: "application/json"))
            #expect(reply.status == 200)
            let export = try await client.send(.get, "/v1/policies/export?service=\(f.b.service)", token: f.b.securityToken)
            #expect(export.text.contains("\"serviceVersion\":\"1\""))
        },
        "GET /v1/policies/export": { client, f, _ in
            expectNotFound(try await client.send(.get, "/v1/policies/export?service=\(f.b.service)", token: f.a.securityToken), "export")
        },
        "POST /v1/authorize": { client, f, _ in
            let request: [String: any Sendable] = [
                "service": f.b.service, "user": "bob", "resource": ["database": "sales", "table": "t", "column": "c"], "accessType": "select",
            ]
            expectNotFound(try await client.send(.post, "/v1/authorize", token: f.a.securityToken, body: .json(request)), "authorize")
        },
        "POST /v1/authorize/batch": { client, f, _ in
            let request: [String: any Sendable] = [
                "service": f.b.service, "user": "bob", "resource": ["database": "sales"], "accessType": "select",
            ]
            expectNotFound(
                try await client.send(.post, "/v1/authorize/batch", token: f.a.securityToken, body: .json(["requests": [request]])), "batch")
        },
        "POST /v1/service-defs": { client, f, _ in
            var def = HivePolicies.tagServiceDef
            def["name"] = "made-by-a"
            let reply = try await client.send(.post, "/v1/service-defs", token: f.a.securityToken, body: .json(def))
            #expect(reply.status == 201)
            #expect(!(try await client.send(.get, "/v1/service-defs", token: f.b.securityToken)).text.contains("made-by-a"))
        },
        "GET /v1/service-defs": { client, f, _ in
            try await expectListHides(client, "/v1/service-defs", f.b.serviceDefID, f)
        },
        "GET /v1/service-defs/{id}": { client, f, _ in
            expectNotFound(try await client.send(.get, "/v1/service-defs/\(f.b.serviceDefID)", token: f.a.securityToken), "GET service-def")
        },
        "PUT /v1/service-defs/{id}": { client, f, _ in
            try await expectUnchangedAfter(.put, "/v1/service-defs/\(f.b.serviceDefID)", body: HivePolicies.tagServiceDef, client, f)
        },
        "DELETE /v1/service-defs/{id}": { client, f, _ in
            try await expectUnchangedAfter(.delete, "/v1/service-defs/\(f.b.tagServiceDefID(client))", body: nil, client, f)
        },
        "POST /v1/services": { client, f, _ in
            // A service of B's name made in A is A's own; B's keeps its version.
            let reply = try await client.send(.post, "/v1/services", token: f.a.securityToken, body: .json(["name": f.b.service, "type": "hive"]))
            #expect(reply.status == 201 || reply.status == 409, "\(reply.text)")
            #expect(try await client.send(.get, "/v1/services/\(f.b.serviceID)", token: f.b.securityToken).int("version") == 1)
        },
        "GET /v1/services": { client, f, _ in
            try await expectListHides(client, "/v1/services", f.b.serviceID, f)
        },
        "GET /v1/services/{id}": { client, f, _ in
            expectNotFound(try await client.send(.get, "/v1/services/\(f.b.serviceID)", token: f.a.securityToken), "GET service")
        },
        "PUT /v1/services/{id}": { client, f, _ in
            try await expectUnchangedAfter(
                .put, "/v1/services/\(f.b.serviceID)", body: ["name": f.b.service, "type": "hive", "description": "pwned"], client, f)
        },
        "DELETE /v1/services/{id}": { client, f, _ in
            try await expectUnchangedAfter(.delete, "/v1/services/\(f.b.tagServiceID)", body: nil, client, f)
        },
        "PUT /v1/services/{id}/tags": { client, f, _ in
            let before = try await client.send(.get, "/v1/services/\(f.b.tagServiceID)/tags", token: f.b.securityToken)
            expectNotFound(
                try await client.send(
                    .put, "/v1/services/\(f.b.tagServiceID)/tags", token: f.a.securityToken, body: .json(["tags": [:] as [String: String]])),
                "PUT tags")
            let after = try await client.send(.get, "/v1/services/\(f.b.tagServiceID)/tags", token: f.b.securityToken)
            #expect(after.status == before.status && after.text == before.text)
        },
        "GET /v1/services/{id}/tags": { client, f, _ in
            let put = try await client.send(
                .put, "/v1/services/\(f.b.tagServiceID)/tags", token: f.b.securityToken, body: .json(["tags": [:] as [String: String]]))
            #expect(put.status == 200, "\(put.text)")
            expectNotFound(try await client.send(.get, "/v1/services/\(f.b.tagServiceID)/tags", token: f.a.securityToken), "GET tags")
        },
        "POST /v1/policies": { client, f, _ in
            // B's service name means nothing in A: the policy lands nowhere near B.
            let policy: [String: any Sendable] = [
                "name": "made-by-a", "service": f.b.service, "resources": ["database": ["values": ["x"]]],
                "policyItems": [["users": ["bob"], "accesses": [["type": "select"]]] as [String: any Sendable]],
            ]
            _ = try await client.send(.post, "/v1/policies", token: f.a.securityToken, body: .json(policy))
            #expect(!(try await client.send(.get, "/v1/policies?limit=500", token: f.b.securityToken)).text.contains("made-by-a"))
        },
        "GET /v1/policies": { client, f, _ in
            try await expectListHides(client, "/v1/policies?limit=500", f.b.policyID, f)
            let byName = try await client.send(.get, "/v1/policies?service=\(f.b.service)", token: f.a.securityToken)
            #expect(byName.status == 200 && !byName.text.contains("\"id\":\(f.b.policyID),"))
        },
        "GET /v1/policies/{id}": { client, f, _ in
            expectNotFound(try await client.send(.get, "/v1/policies/\(f.b.policyID)", token: f.a.securityToken), "GET policy")
        },
        "PUT /v1/policies/{id}": { client, f, _ in
            let policy: [String: any Sendable] = [
                "name": "pwned", "resources": ["database": ["values": ["x"]]],
                "policyItems": [["users": ["bob"], "accesses": [["type": "select"]]] as [String: any Sendable]],
            ]
            try await expectUnchangedAfter(.put, "/v1/policies/\(f.b.policyID)", body: policy, client, f)
        },
        "DELETE /v1/policies/{id}": { client, f, _ in
            try await expectUnchangedAfter(.delete, "/v1/policies/\(f.b.policyID)", body: nil, client, f)
        },
        "POST /v1/policy-roles": { client, f, _ in
            let reply = try await client.send(.post, "/v1/policy-roles", token: f.a.securityToken, body: .json(["name": "made-by-a"]))
            #expect(reply.status == 201)
            #expect(!(try await client.send(.get, "/v1/policy-roles", token: f.b.securityToken)).text.contains("made-by-a"))
        },
        "GET /v1/policy-roles": { client, f, _ in
            try await expectListHides(client, "/v1/policy-roles", f.b.roleID, f)
        },
        "GET /v1/policy-roles/{id}": { client, f, _ in
            expectNotFound(try await client.send(.get, "/v1/policy-roles/\(f.b.roleID)", token: f.a.securityToken), "GET role")
        },
        "PUT /v1/policy-roles/{id}": { client, f, _ in
            try await expectUnchangedAfter(.put, "/v1/policy-roles/\(f.b.roleID)", body: ["name": "readers", "users": ["mallory"]], client, f)
        },
        "DELETE /v1/policy-roles/{id}": { client, f, _ in
            try await expectUnchangedAfter(.delete, "/v1/policy-roles/\(f.b.roleID)", body: nil, client, f)
        },
        "POST /v1/zones": { client, f, _ in
            let zone: [String: any Sendable] = ["name": "made-by-a", "services": [f.a.service: ["resources": [["database": ["a-only"]]]]]]
            let reply = try await client.send(.post, "/v1/zones", token: f.a.securityToken, body: .json(zone))
            #expect(reply.status == 201)
            #expect(!(try await client.send(.get, "/v1/zones", token: f.b.securityToken)).text.contains("made-by-a"))
        },
        "GET /v1/zones": { client, f, _ in
            try await expectListHides(client, "/v1/zones", f.b.zoneID, f)
        },
        "GET /v1/zones/{id}": { client, f, _ in
            expectNotFound(try await client.send(.get, "/v1/zones/\(f.b.zoneID)", token: f.a.securityToken), "GET zone")
        },
        "PUT /v1/zones/{id}": { client, f, _ in
            let zone: [String: any Sendable] = ["name": "zone-\(f.b.slug)", "services": [f.a.service: ["resources": [["database": ["x"]]]]]]
            try await expectUnchangedAfter(.put, "/v1/zones/\(f.b.zoneID)", body: zone, client, f)
        },
        "DELETE /v1/zones/{id}": { client, f, _ in
            try await expectUnchangedAfter(.delete, "/v1/zones/\(f.b.zoneID)", body: nil, client, f)
        },
        "GET /v1/keys": { client, f, token in
            // tenant-admin lacks keys:manage; either way nothing of B's is shown.
            let reply = try await client.send(.get, "/v1/keys", token: token)
            #expect(reply.status == 403 || reply.status == 200)
            #expect(!reply.text.contains(f.b.id))
        },
        "GET /v1/audit/records": { client, f, token in
            // A's own requests may name B's ids (the probes send them); what must never appear is
            // a record of B's log or one of B's actors.
            let reply = try await client.send(.get, "/v1/audit/records?limit=1000", token: token)
            #expect(reply.status == 200)
            let items = try reply.json()["items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty && items.allSatisfy { $0["tenantId"] as? String == f.a.id })
            #expect(!items.contains { $0["actorId"] as? String == f.b.apiKeyID || $0["actorId"] as? String == f.b.userID })
        },
        "POST /v1/audit/checkpoints": { client, f, token in
            let reply = try await client.send(.post, "/v1/audit/checkpoints", token: token)
            #expect(reply.status == 201)
            #expect(reply.text.contains(f.a.id) && !reply.text.contains(f.b.id))
        },
        "GET /v1/audit/checkpoints/latest": { client, f, token in
            _ = try await client.send(.post, "/v1/audit/checkpoints", token: token)
            let reply = try await client.send(.get, "/v1/audit/checkpoints/latest", token: token)
            #expect(reply.status == 200)
            #expect(reply.text.contains(f.a.id) && !reply.text.contains(f.b.id))
        },
        "GET /v1/audit/proof/inclusion": { client, f, token in
            // The proof is over A's tree: its leaf is A's record 1, never B's.
            let mine = try await client.send(.get, "/v1/audit/records?limit=1", token: token)
            let theirs = try await client.send(.get, "/v1/audit/records?limit=1", token: f.b.adminToken)
            let reply = try await client.send(.get, "/v1/audit/proof/inclusion?seq=1&size=2", token: token)
            #expect(reply.status == 200)
            let leaf = try reply.string("leafHash")
            #expect(mine.text.contains(leaf) && !theirs.text.contains(leaf))
        },
        "GET /v1/audit/proof/consistency": { client, f, token in
            let reply = try await client.send(.get, "/v1/audit/proof/consistency?from=1&to=2", token: token)
            #expect(reply.status == 200)
            _ = f
        },
        "GET /v1/audit/public-key": { client, f, token in
            let mine = try await client.send(.get, "/v1/audit/public-key", token: token)
            let theirs = try await client.send(.get, "/v1/audit/public-key", token: f.b.adminToken)
            #expect(mine.status == 200 && theirs.status == 200)
            #expect(mine.text != theirs.text)
        },
        "POST /v1/keys/rotate": { client, f, token in
            let reply = try await client.send(.post, "/v1/keys/rotate", token: token)
            #expect(reply.status == 403, "tenant-admin does not hold keys:manage")
            _ = f
        },
        "POST /v1/me/password": { client, f, token in
            // Acts on the caller only; B's admin still signs in with the old password.
            _ = try await client.send(
                .post, "/v1/me/password", token: token,
                body: .json(["currentPassword": "wrong-wrong-wrong", "newPassword": "another-long-passphrase-3"]))
            #expect(try await client.login(tenant: f.b.slug, username: "admin", password: "tenant-owner-passphrase-9").status == 200)
        },
        "GET /v1/users/{id}/sessions": { client, f, token in
            expectNotFound(try await client.send(.get, "/v1/users/\(f.b.userID)/sessions", token: token), "GET user sessions")
        },
        "DELETE /v1/users/{id}/sessions": { client, f, token in
            expectNotFound(try await client.send(.delete, "/v1/users/\(f.b.userID)/sessions", token: token), "DELETE user sessions")
            let sessions = try await client.send(.get, "/v1/users/\(f.b.userID)/sessions", token: f.b.adminToken)
            #expect((try sessions.json()["items"] as? [Any])?.isEmpty == false, "B's user keeps their sessions")
        },
        "DELETE /v1/users/{id}/mfa": { client, f, token in
            expectNotFound(try await client.send(.delete, "/v1/users/\(f.b.userID)/mfa", token: token), "DELETE user mfa")
        },
        "GET /v1/security/events": { client, f, token in
            let reply = try await client.send(.get, "/v1/security/events?limit=500", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains(f.b.userID) && !reply.text.contains(f.b.apiKeyID) && !reply.text.contains(f.b.id))
        },
        "POST /v1/security/alert-rules": { client, f, token in
            let reply = try await client.send(
                .post, "/v1/security/alert-rules", token: token, body: .json(["name": "a-rule", "url": "https://alerts.example.com/a"]))
            #expect(reply.status == 201, "\(reply.text)")
            let listB = try await client.send(.get, "/v1/security/alert-rules", token: f.b.adminToken)
            #expect(!listB.text.contains(try reply.string("id")))
        },
        "GET /v1/security/alert-rules": { client, f, token in
            let theirs = try await client.send(
                .post, "/v1/security/alert-rules", token: f.b.adminToken, body: .json(["name": "b-rule", "url": "https://alerts.example.com/b"]))
            let reply = try await client.send(.get, "/v1/security/alert-rules", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains(try theirs.string("id")) && !reply.text.contains("b-rule"))
        },
        "GET /v1/security/alert-rules/{id}": { client, f, token in
            let theirs = try await client.send(
                .post, "/v1/security/alert-rules", token: f.b.adminToken, body: .json(["name": "b-rule", "url": "https://alerts.example.com/b"]))
            expectNotFound(
                try await client.send(.get, "/v1/security/alert-rules/\(try theirs.string("id"))", token: token), "GET alert rule")
        },
        "DELETE /v1/security/alert-rules/{id}": { client, f, token in
            let theirs = try await client.send(
                .post, "/v1/security/alert-rules", token: f.b.adminToken, body: .json(["name": "b-rule", "url": "https://alerts.example.com/b"]))
            let id = try theirs.string("id")
            expectNotFound(try await client.send(.delete, "/v1/security/alert-rules/\(id)", token: token), "DELETE alert rule")
            #expect(try await client.send(.get, "/v1/security/alert-rules/\(id)", token: f.b.adminToken).status == 200)
        },
        "GET /v1/tenant/settings": { client, f, token in
            _ = try await client.send(
                .patch, "/v1/tenant/settings", token: f.b.adminToken, body: .json(["loginThrottle": ["account": ["threshold": 9]]]))
            let reply = try await client.send(.get, "/v1/tenant/settings", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains("\"threshold\":9"))
        },
        "PATCH /v1/tenant/settings": { client, f, token in
            let reply = try await client.send(
                .patch, "/v1/tenant/settings", token: token, body: .json(["loginThrottle": ["account": ["threshold": 7]]]))
            #expect(reply.status == 200)
            let theirs = try await client.send(.get, "/v1/tenant/settings", token: f.b.adminToken)
            #expect(!theirs.text.contains("\"threshold\":7"))
        },
    ]

    @Test(arguments: TestEngine.available)
    func everyTenantRouteIsCovered(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let tenantRoutes = Set(client.routes.filter(\.isTenantScoped).map(\.description))
            let missing = tenantRoutes.subtracting(Self.allProbes.keys)
            #expect(missing.isEmpty, "tenant-scoped routes without an isolation probe: \(missing.sorted())")
            let stale = Set(Self.allProbes.keys).subtracting(tenantRoutes)
            #expect(stale.isEmpty, "isolation probes for routes that no longer exist: \(stale.sorted())")
        }
    }

    @Test(arguments: TestEngine.available)
    func tenantACannotReachTenantBWithASession(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let fixture = try await TwoTenantFixture.make(client)
            for (route, probe) in Self.allProbes.sorted(by: { $0.key < $1.key }) {
                try await probe(client, fixture, fixture.a.adminToken)
                _ = route
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func tenantACannotReachTenantBWithAnApiKey(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let fixture = try await TwoTenantFixture.make(client)
            for (_, probe) in Self.allProbes.sorted(by: { $0.key < $1.key }) {
                try await probe(client, fixture, fixture.a.adminKeyToken)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func guessedIdsOfTheOtherTenantAreIndistinguishableFromUnknownOnes(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let real = try await client.send(.get, "/v1/users/\(f.b.userID)", token: f.a.adminToken)
            let made = try await client.send(.get, "/v1/users/01a20000-0000-7000-8000-000000000000", token: f.a.adminToken)
            #expect(real.status == 404 && made.status == 404)
            #expect(try real.string("detail") == made.string("detail"))
        }
    }
}
