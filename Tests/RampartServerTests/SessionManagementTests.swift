// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

@Suite struct SessionManagementTests {
    static let password = "quiet-river-passphrase-1"

    @Test(arguments: TestEngine.available)
    func usersSeeAndRevokeTheirSessions(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let (adminToken, userID) = try await client.tenantWithUser("acme")
            func signIn(_ agent: String) async throws -> (token: String, id: String) {
                let reply = try await client.login(tenant: "acme", username: "dana", password: Self.password, userAgent: agent)
                return (try reply.string("token"), try reply.string("sessionId"))
            }
            let one = try await signIn("device-one/1")
            let two = try await signIn("device-two/1")
            let listed = try await client.send(.get, "/v1/me/sessions", token: one.token)
            #expect(listed.status == 200)
            let items = try #require(try listed.json()["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items.filter { $0["current"] as? Bool == true }.compactMap { $0["id"] as? String } == [one.id])
            #expect(Set(items.compactMap { $0["userAgent"] as? String }) == ["device-one/1", "device-two/1"])
            #expect(items.allSatisfy { $0["sourceIp"] as? String == "127.0.0.1" && ($0["device"] as? String)?.count == 16 })

            #expect(try await client.send(.delete, "/v1/me/sessions/\(two.id)", token: one.token).status == 204)
            #expect(try await client.send(.get, "/v1/me", token: two.token).status == 401)
            #expect(try await client.send(.delete, "/v1/me/sessions/\(two.id)", token: one.token).status == 404)

            let three = try await signIn("device-three/1")
            let others = try await client.send(.delete, "/v1/me/sessions?others=true", token: one.token)
            #expect(try others.json()["revoked"] as? Int == 1)
            #expect(try await client.send(.get, "/v1/me", token: three.token).status == 401)
            #expect(try await client.send(.get, "/v1/me", token: one.token).status == 200)

            // Another user's session is not the caller's to end.
            let adminSessions = try await client.send(.get, "/v1/me/sessions", token: adminToken).json()["items"] as? [[String: Any]]
            let adminSession = try #require(adminSessions?.first?["id"] as? String)
            #expect(try await client.send(.delete, "/v1/me/sessions/\(adminSession)", token: one.token).status == 404)
            #expect(try await client.send(.get, "/v1/me", token: adminToken).status == 200)

            // Tenant admins see and end a user's sessions.
            let forAdmin = try await client.send(.get, "/v1/users/\(userID)/sessions", token: adminToken)
            #expect((try forAdmin.json()["items"] as? [Any])?.count == 1)
            #expect(try await client.send(.get, "/v1/users/\(userID)/sessions", token: one.token).status == 403)
            let revoked = try await client.send(.delete, "/v1/users/\(userID)/sessions", token: adminToken)
            #expect(try revoked.json()["revoked"] as? Int == 1)
            #expect(try await client.send(.get, "/v1/me", token: one.token).status == 401)

            // A password change ends every session.
            let four = try await signIn("device-four/1")
            let five = try await signIn("device-five/1")
            let changed = try await client.send(
                .post, "/v1/me/password", token: four.token,
                body: .json(["currentPassword": Self.password, "newPassword": "a-brand-new-passphrase-2"]))
            #expect(changed.status == 204)
            #expect(try await client.send(.get, "/v1/me", token: four.token).status == 401)
            #expect(try await client.send(.get, "/v1/me", token: five.token).status == 401)

            // API keys have no sessions to manage.
            let key = try await client.send(.post, "/v1/api-keys", token: adminToken, body: .json(["name": "k"])).string("token")
            #expect(try await client.send(.get, "/v1/me/sessions", token: key).status == 403)
            #expect(try await client.send(.post, "/v1/me/mfa/totp", token: key).status == 403)
        }
    }

    @Test func everyLoginGetsAFreshToken() async throws {
        try await TestServer.withServer(.sqlite) { client in
            _ = try await client.tenantWithUser("acme")
            let first = try await client.login(tenant: "acme", username: "dana", password: Self.password)
            let second = try await client.login(tenant: "acme", username: "dana", password: Self.password)
            #expect(try first.string("token") != second.string("token"))
            #expect(try first.string("sessionId") != second.string("sessionId"))
            #expect(first.headers[.cacheControl] == "no-store")
        }
    }
}
