// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// OpenID Connect sign-in end to end, against a real provider process on loopback
/// (`scripts/testing/oidc_test_provider.py`, RS256/ES256 tokens signed with `cryptography`).
@Suite struct SSOTests {
    static let clientID = "rampart-test-client"
    static let clientSecret = "client-secret-with + & = in it"

    /// An API client plus a tenant `acme` whose admin configured the test provider as `corp`.
    struct Setup: Sendable {
        var client: APIClient
        var admin: String
        var provider: TestOIDCProvider
        var providerID: String
    }

    static func withSetup(
        _ engine: TestEngine, entra: Bool = false, provider settings: [String: any Sendable] = [:],
        _ body: @escaping @Sendable (Setup) async throws -> Void
    ) async throws {
        try await TestOIDCProvider.with(clientID: clientID, clientSecret: clientSecret, entra: entra) { provider in
            try await TestServer.withServer(engine, configure: { $0.ssoAllowHTTPLoopback = true }) { client in
                let operatorToken = try await client.loginOperator()
                let (_, admin) = try await client.makeTenant("acme", operatorToken: operatorToken)
                var fields: [String: any Sendable] = [
                    "name": "corp", "issuer": entra ? provider.base + "/common/v2.0" : provider.base, "clientId": clientID,
                    "clientSecret": clientSecret, "jitProvisioning": true,
                ]
                fields.merge(settings) { $1 }
                let created = try await client.send(.post, "/v1/sso/providers", token: admin, body: .json(fields))
                #expect(created.status == 201, "\(created.text)")
                try await body(Setup(client: client, admin: admin, provider: provider, providerID: try created.string("id")))
            }
        }
    }

    /// What a browser does: start, follow the redirect to the provider (which approves at once,
    /// with `extra` choosing the token it will issue), follow the redirect back to the callback.
    /// Returns the callback's reply and the callback path, for replays.
    static func signIn(_ s: Setup, _ extra: String = "") async throws -> (reply: APIClient.Reply, callback: String) {
        let start = try await s.client.send(.get, "/v1/auth/sso/acme/corp/start")
        #expect(start.status == 302, "\(start.text)")
        #expect(start.headers[.cacheControl] == "no-store")
        let authorize = try #require(start.headers[.location])
        #expect(authorize.hasPrefix(s.provider.base + "/authorize?"))
        #expect(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce=") && authorize.contains("state="))
        let approved = try await OutboundHTTPClient().get(authorize + (extra.isEmpty ? "" : "&" + extra))
        #expect(approved.status == 302)
        let back = try #require(approved.header("Location").flatMap(URLComponents.init(string:)))
        let callback = back.percentEncodedPath + "?" + (back.percentEncodedQuery ?? "")
        // The browser holds the state cookie /start set: HttpOnly, SameSite=Lax, for the callback only.
        let cookie = try #require(start.headers[values: .setCookie].first { $0.hasPrefix("rampart_sso_state=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/v1/auth/sso/callback"), "\(cookie)")
        let state = try #require(back.queryItems?.first { $0.name == "state" }?.value)
        #expect(cookie.hasPrefix("rampart_sso_state=\(state);"))
        return (try await Self.callback(s, callback), callback)
    }

    /// The callback as the browser that started the sign-in sends it: with the state cookie.
    static func callback(_ s: Setup, _ callback: String) async throws -> APIClient.Reply {
        let state = URLComponents(string: callback)?.queryItems?.first { $0.name == "state" }?.value ?? ""
        return try await s.client.send(.get, callback, headers: [.cookie: "rampart_sso_state=\(state)"])
    }

    static func expectRefused(_ reply: APIClient.Reply, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == 401, "expected 401 \(reason), got \(reply.status): \(reply.text)", sourceLocation: sourceLocation)
        #expect((try? reply.string("detail")) == "single sign-on failed: \(reason)", "\(reply.text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: TestEngine.available)
    func signsInOpensASessionAndFollowsTheGroupMapping(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine, provider: ["groupMapping": ["eng-idp": "engineering"]]) { s in
            let group = try await s.client.send(.post, "/v1/groups", token: s.admin, body: .json(["name": "engineering"])).string("id")
            let (reply, callback) = try await Self.signIn(s, "username=sam&email=sam%40example.com&groups=eng-idp,other")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.headers[.cacheControl] == "no-store")
            let token = try reply.string("token")
            let me = try await s.client.send(.get, "/v1/me", token: token)
            #expect(try me.string("username") == "sam")
            #expect(me.text.contains("engineering"))
            let user = try #require(try reply.json()["user"] as? [String: Any])
            #expect(user["hasPassword"] as? Bool == false && user["email"] as? String == "sam@example.com")
            #expect(try await s.client.send(.get, "/v1/groups/\(group)/members", token: s.admin).text.contains("\"sam\""))

            // The state is single-use: replaying the callback fails, without another token exchange.
            Self.expectRefused(try await Self.callback(s, callback), "unknown-or-used-state")

            // Signing in without the mapped IdP group leaves the Rampart group.
            let again = try await Self.signIn(s, "username=sam&groups=other")
            #expect(again.reply.status == 200)
            #expect(!(try await s.client.send(.get, "/v1/groups/\(group)/members", token: s.admin)).text.contains("\"sam\""))

            // Sign-ins are audited in the tenant's log: successes as the user, refusals with their
            // reason. (A replayed state names no tenant, so its refusal is in the platform log.)
            Self.expectRefused(try await Self.signIn(s, "scenario=wrong-nonce").reply, "nonce-mismatch")
            let records = try await s.client.send(.get, "/v1/audit/records?limit=1000", token: s.admin)
            let items = try #require(try records.json()["items"] as? [[String: Any]])
            #expect(items.contains { ($0["details"] as? String)?.contains("sso.login.succeeded") == true && $0["actorType"] as? String == "user" })
            #expect(items.contains { ($0["details"] as? String)?.contains("nonce-mismatch") == true && $0["status"] as? Int == 401 })
            #expect(!records.text.contains(Self.clientSecret))
        }
    }

    @Test(arguments: TestEngine.available)
    func forgedAndMisdirectedIDTokensAreRefused(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            for (scenario, reason) in [
                ("wrong-aud", "wrong-audience"), ("multi-aud", "wrong-audience"), ("expired", "expired-id-token"),
                ("future-iat", "id-token-issued-in-the-future"), ("wrong-nonce", "nonce-mismatch"), ("wrong-issuer", "wrong-issuer"),
                ("bad-signature", "bad-signature"), ("alg-none", "unsupported-algorithm"), ("hs256", "unsupported-algorithm"),
                ("deny", "provider-error"), ("huge-exp", "invalid-id-token"),
            ] {
                let (reply, _) = try await Self.signIn(s, "scenario=\(scenario)")
                Self.expectRefused(reply, reason)
            }
            // ES256 is accepted like RS256.
            #expect(try await Self.signIn(s, "scenario=es256").reply.status == 200)
            // A made-up state is unknown, and a callback without one too.
            Self.expectRefused(try await Self.callback(s, "/v1/auth/sso/callback?code=x&state=made-up"), "unknown-or-used-state")
            Self.expectRefused(try await s.client.send(.get, "/v1/auth/sso/callback?code=x"), "unknown-or-used-state")
            // The provider's `exp: 1e300` (issue 17, item 2) did not take the server down.
            #expect(try await s.client.send(.get, "/healthz").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func rotatedKeysAreFetchedOnceAndUnknownKeysAreRateLimited(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            #expect(try await Self.signIn(s).reply.status == 200)
            // The provider rotates its key: the new kid makes Rampart fetch the JWKS again.
            #expect(try await Self.signIn(s, "scenario=rotate").reply.status == 200)
            // A kid nobody publishes: no second refetch within the interval, and the token is refused.
            Self.expectRefused(try await Self.signIn(s, "scenario=unknown-kid").reply, "unknown-signing-key")
            let stats = try await OutboundHTTPClient().get(s.provider.base + "/_stats")
            let counts = try #require(try JSONSerialization.jsonObject(with: Data(stats.body)) as? [String: Int])
            #expect(counts["jwks"] == 2, "\(counts)")
            #expect(counts["discovery"] == 1, "\(counts)")
        }
    }

    @Test(arguments: TestEngine.available)
    func entraMultiTenantIssuerTemplate(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine, entra: true, provider: ["allowedTenantIds": ["9188040d-6c67-4c5b-b112-36a304b66dad"]]) { s in
            let (reply, _) = try await Self.signIn(s, "username=erin")
            #expect(reply.status == 200, "\(reply.text)")
            Self.expectRefused(try await Self.signIn(s, "scenario=wrong-issuer").reply, "wrong-issuer")
        }
    }

    @Test(arguments: TestEngine.available)
    func provisioningAndDomainRulesDecideWhoMaySignIn(_ engine: TestEngine) async throws {
        // `tom` is provisioned without a password (as SCIM would): the provider may link him.
        try await Self.withSetup(engine, provider: ["jitProvisioning": false, "allowedDomains": ["Example.com"], "linkExistingUsers": true]) { s in
            Self.expectRefused(try await Self.signIn(s, "username=tom&email=tom%40example.com").reply, "user-not-provisioned")
            _ = try await s.client.send(.post, "/v1/users", token: s.admin, body: .json(["username": "tom"]))
            #expect(try await Self.signIn(s, "username=tom&email=tom%40example.com").reply.status == 200)
            Self.expectRefused(try await Self.signIn(s, "username=tom&email=tom%40elsewhere.org").reply, "email-domain-not-allowed")
            // A disabled user cannot sign in through SSO either.
            let tom = try await s.client.send(.get, "/v1/users", token: s.admin).json()
            let id = try #require(((tom["items"] as? [[String: Any]])?.first { $0["username"] as? String == "tom" })?["id"] as? String)
            _ = try await s.client.send(.patch, "/v1/users/\(id)", token: s.admin, body: .json(["status": "disabled"]))
            Self.expectRefused(try await Self.signIn(s, "username=tom&email=tom%40example.com").reply, "user-disabled")
        }
    }

    @Test(arguments: TestEngine.available)
    func ssoOnlyTenantsRefusePasswordsButNotTheOperator(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            #expect(try await s.client.send(.put, "/v1/sso/settings", token: s.admin, body: .json(["ssoOnly": true])).status == 200)
            #expect(try await s.client.send(.get, "/v1/sso/settings", token: s.admin).text == "{\"ssoOnly\":true}")
            let password = try await s.client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9")
            #expect(password.status == 403, "\(password.text)")
            _ = try await s.client.loginOperator()
            #expect(try await Self.signIn(s, "username=sam").reply.status == 200)
            // SSO-only needs an enabled provider, or the tenant would lock itself out.
            #expect(try await s.client.send(.put, "/v1/sso/settings", token: s.admin, body: .json(["ssoOnly": false])).status == 200)
            #expect(try await s.client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9").status == 200)
            _ = try await s.client.send(.patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["enabled": false]))
            #expect(try await s.client.send(.put, "/v1/sso/settings", token: s.admin, body: .json(["ssoOnly": true])).status == 409)
        }
    }

    @Test(arguments: TestEngine.available)
    func providerSecretsAreStoredEncryptedAndNeverShown(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            let shown = try await s.client.send(.get, "/v1/sso/providers/\(s.providerID)", token: s.admin)
            #expect(shown.status == 200)
            #expect(!shown.text.contains(Self.clientSecret) && shown.text.contains("\"hasClientSecret\":true"))
            #expect(try shown.string("redirectUri").hasSuffix("/v1/auth/sso/callback"))
            #expect(try shown.string("startUrl").hasSuffix("/v1/auth/sso/acme/corp/start"))
            let list = try await s.client.send(.get, "/v1/sso/providers", token: s.admin)
            #expect(list.text.contains(s.providerID) && !list.text.contains(Self.clientSecret))
            // A wrong secret makes the token exchange fail; restoring it makes sign-in work again.
            _ = try await s.client.send(.patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["clientSecret": "wrong"]))
            Self.expectRefused(try await Self.signIn(s).reply, "token-exchange-failed")
            _ = try await s.client.send(
                .patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["clientSecret": Self.clientSecret]))
            #expect(try await Self.signIn(s).reply.status == 200)
            // Insecure issuers are refused even with loopback HTTP allowed.
            let insecure = try await s.client.send(
                .post, "/v1/sso/providers", token: s.admin, body: .json(["name": "evil", "issuer": "http://example.com", "clientId": "x"]))
            #expect(insecure.status == 422)
            #expect(try await s.client.send(.delete, "/v1/sso/providers/\(s.providerID)", token: s.admin).status == 204)
            #expect(try await s.client.send(.get, "/v1/auth/sso/acme/corp/start").status == 404)
        }
    }

    /// Issue 17, item 10: a callback is accepted only from the browser that started the sign-in
    /// (its state cookie); from any other browser the state is refused and not spent.
    @Test func theStateIsBoundToTheBrowserThatStarted() async throws {
        try await Self.withSetup(.sqlite) { s in
            let start = try await s.client.send(.get, "/v1/auth/sso/acme/corp/start")
            let authorize = try #require(start.headers[.location])
            let approved = try await OutboundHTTPClient().get(authorize)
            let back = try #require(approved.header("Location").flatMap(URLComponents.init(string:)))
            let callback = back.percentEncodedPath + "?" + (back.percentEncodedQuery ?? "")
            // A victim's browser, led to the attacker's callback URL, has no such cookie.
            Self.expectRefused(try await s.client.send(.get, callback), "state-not-bound-to-browser")
            Self.expectRefused(
                try await s.client.send(.get, callback, headers: [.cookie: "rampart_sso_state=someone-elses-state"]), "state-not-bound-to-browser")
            // The browser that started it still completes it, and the cookie is cleared.
            let done = try await Self.callback(s, callback)
            #expect(done.status == 200, "\(done.text)")
            #expect(done.headers[values: .setCookie].contains { $0.hasPrefix("rampart_sso_state=;") && $0.contains("Max-Age=0") })
        }
    }

    @Test func redirectsNeedAPublicURLBeyondLoopback() {
        #expect(PublicBaseURL(configured: nil, usesTLS: false, fallbackHost: "127.0.0.1:8080").isSafeForRedirects)
        #expect(PublicBaseURL(configured: nil, usesTLS: false, fallbackHost: "[::1]:8080").isSafeForRedirects)
        #expect(!PublicBaseURL(configured: nil, usesTLS: true, fallbackHost: "0.0.0.0:8443").isSafeForRedirects)
        #expect(!PublicBaseURL(configured: nil, usesTLS: true, fallbackHost: "[::]:8443").isSafeForRedirects)
        #expect(PublicBaseURL(configured: "https://rampart.example.com", usesTLS: true, fallbackHost: "0.0.0.0:8443").isSafeForRedirects)
    }

    /// Issue 17, item 9: a tenant that requires two-factor gets a second-factor step after the
    /// provider unless the ID token shows a factor the provider is trusted for (`trustedAmr`).
    @Test(arguments: TestEngine.available)
    func twoFactorStepsUpUnlessTheProvidersFactorIsTrusted(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            let required = try await s.client.send(.patch, "/v1/tenant/settings", token: s.admin, body: .json(["mfaRequired": true]))
            #expect(required.status == 200, "\(required.text)")
            // No trust configured: even a token claiming MFA gets Rampart's step (here: enrolment).
            let untrusted = try await Self.signIn(s, "amr=pwd,mfa").reply
            #expect(untrusted.status == 200, "\(untrusted.text)")
            #expect(try untrusted.string("status") == "mfa-enrolment-required")
            #expect(try untrusted.json()["token"] == nil, "no session before the second factor")
            let enrolment = try await s.client.send(
                .post, "/v1/auth/mfa/totp", body: .json(["challenge": try untrusted.string("challenge")]))
            #expect(enrolment.status == 200, "\(enrolment.text)")

            let trusted = try await s.client.send(
                .patch, "/v1/sso/providers/\(s.providerID)", token: s.admin,
                body: .json(["trustedAmr": ["mfa", "hwk"], "trustedAcr": ["urn:example:mfa"]]))
            #expect(trusted.status == 200, "\(trusted.text)")
            #expect(try trusted.json()["trustedAmr"] as? [String] == ["mfa", "hwk"])
            // A trusted factor in `amr` (or `acr`) signs in at once.
            let vouched = try await Self.signIn(s, "amr=pwd,mfa").reply
            #expect(vouched.status == 200)
            #expect(try vouched.json()["token"] is String, "\(vouched.text)")
            let byACR = try await Self.signIn(s, "acr=urn:example:mfa").reply
            #expect(try byACR.json()["token"] is String, "\(byACR.text)")
            // A password-only token still steps up.
            let passwordOnly = try await Self.signIn(s, "amr=pwd").reply
            #expect(try passwordOnly.string("status") == "mfa-enrolment-required", "\(passwordOnly.text)")
            let bad = try await s.client.send(.patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["trustedAmr": ["has space"]]))
            #expect(bad.status == 422 && (try? bad.string("field")) == "trustedAmr")
        }
    }
}
