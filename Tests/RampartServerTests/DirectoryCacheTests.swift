// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartCore
import RampartTesting
import Testing

/// Issue 20: decisions and API-key authentication read memberships and keys from memory
/// (SQLite), and a change to them decides the very next call. On PostgreSQL the cache does not
/// serve yet, and the same changes must decide the next call there too.
@Suite struct DirectoryCacheTests {
    static func question(_ f: TwoTenantFixture, user: String = "bob") -> APIClient.Body {
        .json([
            "service": f.a.service, "user": user, "resource": ["database": "sales", "table": "orders", "column": "total"], "accessType": "select",
        ])
    }

    static func allowed(_ client: APIClient, _ key: String, _ f: TwoTenantFixture, user: String = "bob") async throws -> Bool {
        let reply = try await client.send(.post, "/v1/authorize", token: key, body: question(f, user: user))
        guard reply.status == 200 else { throw RampartError(.internalError, "decision failed: \(reply.status) \(reply.text)") }
        return try reply.json()["allowed"] as? Bool == true
    }

    /// `rampart_directory_cache_lookups_total{kind, result}` as exported.
    static func lookups(_ client: APIClient, kind: String, result: String) async throws -> Int {
        let text = try await client.send(.get, "/metrics").text
        let prefix = "rampart_directory_cache_lookups_total{kind=\"\(kind)\",result=\"\(result)\"} "
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return 0 }
        return Int(Double(line.dropFirst(prefix.count)) ?? 0)
    }

    @Test(arguments: TestEngine.available)
    func aDirectoryChangeDecidesTheNextCall(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let created = try await client.send(.post, "/v1/api-keys", token: f.a.securityToken, body: .json(["name": "pep"]))
            let key = try created.string("token")
            let keyID = try created.string("id")
            // On SQLite the cache serves once its service has started (the first clock read);
            // on PostgreSQL every lookup goes to the database.
            let expected = engine == .sqlite ? "hit" : "bypass"
            var served = false
            for _ in 0..<100 where !served {
                #expect(try await Self.allowed(client, key, f))
                served = try await Self.lookups(client, kind: "groups", result: expected) > 0
                if !served { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(served, "no decision counted as \(expected)")
            #expect(try await Self.lookups(client, kind: "api_key", result: expected) > 0)

            // Out of the group: the next decision denies; back in: allows.
            let membership = "/v1/groups/\(f.a.groupID)/members/\(f.a.userID)"
            #expect(try await client.send(.delete, membership, token: f.a.adminToken).status == 204)
            #expect(try await !Self.allowed(client, key, f))
            #expect(try await client.send(.put, membership, token: f.a.adminToken).status < 300)
            #expect(try await Self.allowed(client, key, f))

            // A renamed group no longer matches the policy's `analysts`.
            #expect(
                try await client.send(.patch, "/v1/groups/\(f.a.groupID)", token: f.a.adminToken, body: .json(["name": "auditors"])).status == 200)
            #expect(try await !Self.allowed(client, key, f))
            #expect(
                try await client.send(.patch, "/v1/groups/\(f.a.groupID)", token: f.a.adminToken, body: .json(["name": "analysts"])).status == 200)
            #expect(try await Self.allowed(client, key, f))

            // An unknown user is remembered as unknown, until the user is created.
            let unknown = try await client.send(.post, "/v1/authorize", token: key, body: Self.question(f, user: "carol"))
            #expect(try unknown.json()["reason"] as? String == "unknown user")
            _ = try await client.send(.post, "/v1/authorize", token: key, body: Self.question(f, user: "carol"))
            let carol = try await client.send(
                .post, "/v1/users", token: f.a.adminToken,
                body: .json(["username": "carol", "password": TwoTenantFixture.userPassword, "roles": ["user"]]))
            #expect(carol.status == 201)
            #expect(try await client.send(.put, "/v1/groups/\(f.a.groupID)/members/\(try carol.string("id"))", token: f.a.adminToken).status < 300)
            #expect(try await Self.allowed(client, key, f, user: "carol"))

            // Another tenant's change leaves this tenant's entries alone, and this tenant's key
            // cannot ask about the other tenant's service.
            #expect(try await client.send(.delete, "/v1/groups/\(f.b.groupID)/members/\(f.b.userID)", token: f.b.adminToken).status == 204)
            #expect(try await Self.allowed(client, key, f))

            // A revoked key is refused on its next call.
            #expect(try await client.send(.delete, "/v1/api-keys/\(keyID)", token: f.a.securityToken).status == 204)
            #expect(try await client.send(.post, "/v1/authorize", token: key, body: Self.question(f)).status == 401)
        }
    }

    @Test(arguments: TestEngine.available)
    func aKeyFollowsItsOwnerAtOnce(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            // bob's own key, warm in the cache.
            for _ in 0..<3 { #expect(try await client.send(.get, "/v1/me", token: f.a.apiKeyToken).status == 200) }
            // Disabling bob disables his key on its next use.
            let disabled = try await client.send(.patch, "/v1/users/\(f.a.userID)", token: f.a.adminToken, body: .json(["status": "disabled"]))
            #expect(disabled.status == 200, "\(disabled.text)")
            #expect(try await client.send(.get, "/v1/me", token: f.a.apiKeyToken).status == 401)
            let enabled = try await client.send(.patch, "/v1/users/\(f.a.userID)", token: f.a.adminToken, body: .json(["status": "active"]))
            #expect(enabled.status == 200, "\(enabled.text)")
            #expect(try await client.send(.get, "/v1/me", token: f.a.apiKeyToken).status == 200)
            // A wrong secret for a cached key id is refused like any other.
            let wrong = f.a.apiKeyToken.dropLast() + (f.a.apiKeyToken.hasSuffix("A") ? "B" : "A")
            #expect(try await client.send(.get, "/v1/me", token: String(wrong)).status == 401)
        }
    }

    /// Two servers on one PostgreSQL: a membership removed through one decides the other's next call.
    @Test(.enabled(if: TestEngine.available.contains(.postgres), "needs the test PostgreSQL"))
    func aChangeThroughAnotherServerDecidesTheNextCall() async throws {
        try await TestDatabase.withFresh(.postgres) { database in
            let configuration = TestServer.configuration(for: database)
            try await TestServer.run(configuration) { first in
                let f = try await TwoTenantFixture.make(first)
                let key = try await first.send(.post, "/v1/api-keys", token: f.a.securityToken, body: .json(["name": "pep"])).string("token")
                try await TestServer.run(configuration) { second in
                    for _ in 0..<3 { #expect(try await Self.allowed(second, key, f)) }
                    let removed = try await first.send(.delete, "/v1/groups/\(f.a.groupID)/members/\(f.a.userID)", token: f.a.adminToken)
                    #expect(removed.status == 204)
                    #expect(try await !Self.allowed(second, key, f), "the other server still allowed")
                }
            }
        }
    }
}
