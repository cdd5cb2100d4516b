// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

@Suite struct AuthenticationTests {
    @Test(arguments: TestEngine.available)
    func wrongPasswordUnknownUserAndUnknownTenantLookAlike(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            _ = try await client.makeTenant("acme", operatorToken: operatorToken)
            let wrongPassword = try await client.login(tenant: "acme", username: "admin", password: "not-the-password-1")
            let unknownUser = try await client.login(tenant: "acme", username: "nobody", password: "not-the-password-1")
            let unknownTenant = try await client.login(tenant: "nope", username: "admin", password: "not-the-password-1")
            for reply in [wrongPassword, unknownUser, unknownTenant] {
                #expect(reply.status == 401)
                #expect(reply.contentType == "application/problem+json")
                #expect(try reply.string("detail") == "invalid username or password")
                #expect(try reply.string("type") == "urn:rampart:problem:unauthenticated")
            }
            let operatorWrong = try await client.send(.post, "/v1/auth/login", body: .json(["username": "operator", "password": "x"]))
            #expect(operatorWrong.status == 401)
        }
    }

    @Test(arguments: TestEngine.available)
    func loginIssuesATenantBoundTokenAndLogoutEndsIt(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let (tenantID, token) = try await client.makeTenant("acme", operatorToken: operatorToken)
            let me = try await client.send(.get, "/v1/me", token: token)
            #expect(me.status == 200)
            let tenant = try #require(try me.json()["tenant"] as? [String: Any])
            #expect(tenant["id"] as? String == tenantID)
            #expect(try me.json()["roles"] as? [String] == ["tenant-admin"])
            #expect(try await client.send(.post, "/v1/auth/logout", token: token).status == 204)
            let after = try await client.send(.get, "/v1/me", token: token)
            #expect(after.status == 401)
            #expect(after.contentType == "application/problem+json")
        }
    }

    @Test(arguments: TestEngine.available)
    func expiredSessionsAreRefused(_ engine: TestEngine) async throws {
        // The server's clock is moved by hand, so a loaded machine cannot stretch the test's timing.
        let clock = ManualClock()
        try await TestServer.withServer(
            engine,
            configure: {
                $0.sessionLifetime = SessionLifetime(idle: 4000, absolute: 4000)
                $0.clock = clock
            }
        ) { client in
            let token = try await client.loginOperator()
            #expect(try await client.send(.get, "/v1/tenants", token: token).status == 200)
            clock.advance(seconds: 5)
            #expect(try await client.send(.get, "/v1/tenants", token: token).status == 401)
        }
    }

    @Test(arguments: TestEngine.available)
    func suspendingATenantEndsItsSessionsKeysAndLogins(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let (tenantID, token) = try await client.makeTenant("acme", operatorToken: operatorToken)
            let key = try await client.send(.post, "/v1/api-keys", token: token, body: .json(["name": "ci"])).string("token")
            let suspended = try await client.send(
                .patch, "/v1/tenants/\(tenantID)", token: operatorToken, body: .json(["status": "suspended"]))
            #expect(try suspended.string("status") == "suspended")
            #expect(try await client.send(.get, "/v1/me", token: token).status == 401)
            #expect(try await client.send(.get, "/v1/me", token: key).status == 401)
            let login = try await client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9")
            #expect(login.status == 403)
            #expect(try login.string("code") == "tenant-suspended")
            // Reactivation restores logins (sessions stay ended) and the key.
            _ = try await client.send(.patch, "/v1/tenants/\(tenantID)", token: operatorToken, body: .json(["status": "active"]))
            #expect(try await client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9").status == 200)
            #expect(try await client.send(.get, "/v1/me", token: key).status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func apiKeysWorkAsBearerAndBasicUntilRevoked(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let (_, token) = try await client.makeTenant("acme", operatorToken: operatorToken)
            let created = try await client.send(.post, "/v1/api-keys", token: token, body: .json(["name": "etl", "roles": ["tenant-admin"]]))
            #expect(created.status == 201)
            let id = try created.string("id")
            let secret = try created.string("secret")
            #expect(try created.string("token") == "\(id).\(secret)")
            #expect(try await client.send(.get, "/v1/users", token: "\(id).\(secret)").status == 200)
            let basic = Data("\(id):\(secret)".utf8).base64EncodedString()
            #expect(try await client.send(.get, "/v1/users", headers: [.authorization: "Basic \(basic)"]).status == 200)
            #expect(try await client.send(.get, "/v1/users", token: "\(id).wrong-secret").status == 401)
            let listed = try await client.send(.get, "/v1/api-keys", token: token)
            #expect(!listed.text.contains(secret), "the secret is shown once, at creation")
            #expect(try await client.send(.delete, "/v1/api-keys/\(id)", token: token).status == 204)
            #expect(try await client.send(.get, "/v1/users", token: "\(id).\(secret)").status == 401)
        }
    }

    @Test(arguments: TestEngine.available)
    func leastPrivilegeAndDefaultDeny(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            // bob is user+auditor: can read users, cannot write them, cannot reach operator routes.
            #expect(try await client.send(.get, "/v1/users", token: bob).status == 200)
            #expect(try await client.send(.post, "/v1/users", token: bob, body: .json(["username": "eve"])).status == 403)
            #expect(try await client.send(.get, "/v1/tenants", token: bob).status == 403)
            #expect(try await client.send(.get, "/v1/keys", token: bob).status == 403)
            // bob's own key holds only `user`: it cannot even read users.
            #expect(try await client.send(.get, "/v1/users", token: f.a.apiKeyToken).status == 403)
            #expect(try await client.send(.get, "/v1/me", token: f.a.apiKeyToken).status == 200)
            // A key may not hold a role its creator lacks.
            let escalate = try await client.send(.post, "/v1/api-keys", token: bob, body: .json(["name": "x", "roles": ["tenant-admin"]]))
            #expect(escalate.status == 403)
            // The operator manages tenants but has no permission inside them.
            #expect(try await client.send(.get, "/v1/users", token: f.operatorToken).status == 403)
            // No credentials: 401 everywhere but the anonymous routes.
            #expect(try await client.send(.get, "/v1/users").status == 401)
            #expect(try await client.send(.get, "/v1/users", headers: [.authorization: "Bearer "]).status == 401)
            #expect(try await client.send(.get, "/v1/users", headers: [.authorization: "Digest abc"]).status == 401)
            #expect(try await client.send(.get, "/healthz").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func passwordChangesAreCheckedAndEndSessions(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let (_, token) = try await client.makeTenant("acme", operatorToken: operatorToken)
            let weak = try await client.send(
                .post, "/v1/me/password", token: token,
                body: .json(["currentPassword": "tenant-owner-passphrase-9", "newPassword": "password1234"]))
            #expect(weak.status == 422)
            #expect(try weak.string("code") == "weak-password")
            #expect(try weak.string("field") == "newPassword")
            #expect(!weak.text.contains("password1234"))
            let wrongCurrent = try await client.send(
                .post, "/v1/me/password", token: token,
                body: .json(["currentPassword": "not-my-password-x", "newPassword": "fresh-strong-passphrase-5"]))
            #expect(wrongCurrent.status == 422)
            let changed = try await client.send(
                .post, "/v1/me/password", token: token,
                body: .json(["currentPassword": "tenant-owner-passphrase-9", "newPassword": "fresh-strong-passphrase-5"]))
            #expect(changed.status == 204)
            #expect(try await client.send(.get, "/v1/me", token: token).status == 401)
            #expect(try await client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9").status == 401)
            #expect(try await client.login(tenant: "acme", username: "admin", password: "fresh-strong-passphrase-5").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func userCreationEnforcesThePasswordPolicy(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let (_, token) = try await client.makeTenant("acme", operatorToken: operatorToken)
            for (password, reason) in [("short", "at least 12"), ("qwertyuiop123", "common"), ("carol-the-great-1", "username")] {
                let reply = try await client.send(.post, "/v1/users", token: token, body: .json(["username": "carol", "password": password]))
                #expect(reply.status == 422)
                #expect(try reply.string("detail").contains(reason))
                #expect(!reply.text.contains(password))
            }
            let ok = try await client.send(
                .post, "/v1/users", token: token, body: .json(["username": "carol", "password": "a-perfectly-fine-passphrase"]))
            #expect(ok.status == 201)
            #expect(!ok.text.contains("passphrase") && !ok.text.contains("scrypt"))
            let duplicate = try await client.send(.post, "/v1/users", token: token, body: .json(["username": "carol"]))
            #expect(duplicate.status == 409)
        }
    }

    @Test(arguments: TestEngine.available)
    func tenantCreationWithoutPasswordShowsAGeneratedOneOnce(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let created = try await client.send(
                .post, "/v1/tenants", token: operatorToken,
                body: .json(["slug": "globex", "displayName": "Globex", "admin": ["username": "hank"]]))
            #expect(created.status == 201)
            let password = try created.string("adminPassword")
            #expect(password.count >= 24)
            #expect(try await client.login(tenant: "globex", username: "hank", password: password).status == 200)
            let listed = try await client.send(.get, "/v1/tenants", token: operatorToken)
            #expect(!listed.text.contains(password))
            let again = try await client.send(.post, "/v1/tenants", token: operatorToken, body: .json(["slug": "globex", "displayName": "G"]))
            #expect(again.status == 409)
        }
    }
}
