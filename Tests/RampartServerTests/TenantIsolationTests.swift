// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
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
                .post, "/v1/policies/import", token: f.a.securityToken, body: .raw(HivePolicies.json(service: f.b.service), contentType: "application/json"))
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
