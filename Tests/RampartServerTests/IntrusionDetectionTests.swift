// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

@Suite struct IntrusionDetectionTests {
    static let password = "quiet-river-passphrase-1"

    /// The test server sees 127.0.0.1 for every request; trusting it as a proxy lets each request
    /// claim its client address in `X-Forwarded-For`, as a real proxy would set it.
    static func behindProxy(_ clock: ManualClock) -> @Sendable (inout ServerConfiguration) -> Void {
        { configuration in
            configuration.trustedProxies = ["127.0.0.1"]
            configuration.clock = clock
        }
    }

    /// SQLite only: the throttle lives in memory, the same for both engines, and 200 logins on the
    /// shared PostgreSQL test server would only slow the rest of the suite.
    @Test func aSprayingAddressIsBlockedWhileTheRealUserStillSignsIn() async throws {
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: Self.behindProxy(clock)) { client in
            let operatorToken = try await client.loginOperator()
            let (_, adminToken) = try await client.makeTenant("acme", operatorToken: operatorToken)
            for index in 0..<20 {
                let created = try await client.send(
                    .post, "/v1/users", token: adminToken,
                    body: .json(["username": "user\(index)", "password": "passphrase-of-user-\(index)"]))
                #expect(created.status == 201)
            }
            // The real user signs in once from home, so their browser is a known device.
            let home = try await client.login(tenant: "acme", username: "user7", password: "passphrase-of-user-7", address: "198.51.100.7")
            let cookie = try #require(home.deviceCookie)

            var statuses: [Int] = []
            for attempt in 0..<200 {
                let reply = try await client.login(
                    tenant: "acme", username: "user\(attempt % 20)", password: "wrong-guess-\(attempt)", userAgent: "spray/1",
                    address: "203.0.113.66")
                statuses.append(reply.status)
                if reply.status == 429 {
                    #expect(reply.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 } == true)
                    #expect(reply.contentType == "application/problem+json")
                    #expect(try reply.string("code") == "too-many-requests")
                }
            }
            #expect(statuses.prefix(50).allSatisfy { $0 == 401 }, "the first 50 failures are answered normally")
            #expect(statuses.dropFirst(50).allSatisfy { $0 == 429 }, "then the address is blocked: \(statuses.dropFirst(50).filter { $0 != 429 })")
            // Blocked means blocked: even the right password from there is not checked.
            let fromAttacker = try await client.login(
                tenant: "acme", username: "user7", password: "passphrase-of-user-7", cookie: cookie, address: "203.0.113.66")
            #expect(fromAttacker.status == 429)
            // The victim, from their own address and browser, is not locked out.
            let fromHome = try await client.login(
                tenant: "acme", username: "user7", password: "passphrase-of-user-7", cookie: cookie, address: "198.51.100.7")
            #expect(fromHome.status == 200, "\(fromHome.text)")
            let blocked = try await client.securityEvents(adminToken, kind: "ip.blocked")
            #expect(blocked.count == 1)
            #expect((blocked.first?["details"] as? [String: String])?["ip"] == "203.0.113.66")
        }
    }

    @Test(arguments: TestEngine.available)
    func anAttackedAccountWaitsButItsKnownDeviceDoesNot(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(engine, configure: Self.behindProxy(clock)) { client in
            _ = try await client.tenantWithUser("acme")
            let home = try await client.login(tenant: "acme", username: "dana", password: Self.password, address: "198.51.100.7")
            let cookie = try #require(home.deviceCookie)
            for attempt in 1...5 {
                let reply = try await client.login(
                    tenant: "acme", username: "dana", password: "wrong-\(attempt)-xxxxxxxx", address: "192.0.2.\(attempt)")
                #expect(reply.status == 401)
            }
            let delayed = try await client.login(tenant: "acme", username: "dana", password: Self.password, address: "192.0.2.77")
            #expect(delayed.status == 429, "an unknown device waits, even with the right password")
            #expect(delayed.headers[.retryAfter] == "1")
            let known = try await client.login(tenant: "acme", username: "dana", password: Self.password, cookie: cookie, address: "192.0.2.78")
            #expect(known.status == 200, "the owner's browser skips the wait")
            // After the wait, unknown devices may try again.
            clock.advance(seconds: 2)
            #expect(try await client.login(tenant: "acme", username: "dana", password: Self.password, address: "192.0.2.77").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func newDevicesAndNetworksAreSignalledOnce(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(engine, configure: Self.behindProxy(clock)) { client in
            let (adminToken, userID) = try await client.tenantWithUser("acme")
            func count(_ kind: String) async throws -> Int {
                try await client.securityEvents(adminToken, kind: kind).filter { $0["actorId"] as? String == userID }.count
            }
            let laptop = try await client.login(
                tenant: "acme", username: "dana", password: Self.password, userAgent: "laptop/1", address: "198.51.100.7")
            let laptopCookie = try #require(laptop.deviceCookie)
            #expect(laptop.headers[values: .setCookie].first?.contains("HttpOnly") == true)
            #expect(laptop.headers[values: .setCookie].first?.contains("SameSite=Strict") == true)
            #expect(try await count("device.new") == 1)
            #expect(try await count("network.new") == 1)
            for _ in 0..<2 {
                let again = try await client.login(
                    tenant: "acme", username: "dana", password: Self.password, cookie: laptopCookie, userAgent: "laptop/1", address: "198.51.100.8")
                #expect(again.status == 200 && again.deviceCookie == nil, "a known cookie is not replaced")
            }
            #expect(try await count("device.new") == 1, "same browser, same /24: nothing new")
            #expect(try await count("network.new") == 1)
            let phone = try await client.login(
                tenant: "acme", username: "dana", password: Self.password, userAgent: "phone/1", address: "203.0.113.9")
            let phoneCookie = try #require(phone.deviceCookie)
            _ = try await client.login(
                tenant: "acme", username: "dana", password: Self.password, cookie: phoneCookie, userAgent: "phone/1", address: "203.0.113.9")
            #expect(try await count("device.new") == 2)
            #expect(try await count("network.new") == 2)
            // The signal is in the audit log too.
            let audit = try await client.send(.get, "/v1/audit/records?limit=1000", token: adminToken).text
            #expect(audit.contains("device.new") && audit.contains("network.new"))
        }
    }

    /// The sign-in page's script reports a digest of the browser's traits and its time zone in
    /// the `rampart_signals` cookie; both are remembered per account. A login from a new device
    /// or browser, on a new network, in a new time zone (or none, once one is on record) is
    /// `device.anomalous`; any two of them are not.
    @Test(arguments: TestEngine.available)
    func aLoginThatChangesDeviceNetworkAndTimeZoneAtOnceIsAnomalous(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(engine, configure: Self.behindProxy(clock)) { client in
            let (adminToken, userID) = try await client.tenantWithUser("acme")
            func events(_ kind: String) async throws -> [[String: Any]] {
                try await client.securityEvents(adminToken, kind: kind).filter { $0["actorId"] as? String == userID }
            }
            let laptopTraits = String(repeating: "1a", count: 32)
            func login(_ cookie: String?, _ signals: String?, _ address: String) async throws -> APIClient.Reply {
                let reply = try await client.login(
                    tenant: "acme", username: "dana", password: Self.password, cookie: cookie, signals: signals, address: address)
                #expect(reply.status == 200, "\(reply.text)")
                return reply
            }
            // The first login has no time zone on record to differ from.
            let laptop = try #require(try await login(nil, "\(laptopTraits)~Europe/Berlin", "198.51.100.7").deviceCookie)
            #expect(try await events("device.new").count == 1)
            #expect(try await events("device.anomalous").isEmpty)
            // The same browser on another screen is the same device (no device.new), its traits remembered.
            _ = try await login(laptop, "\(String(repeating: "2b", count: 32))~Europe/Berlin", "198.51.100.7")
            #expect(try await events("device.new").count == 1, "new traits are no new device")

            // Any two of new device, new network, new time zone are not anomalous.
            _ = try await login(nil, "\(String(repeating: "3c", count: 32))~Europe/Berlin", "203.0.113.9")
            _ = try await login(laptop, "\(laptopTraits)~America/New_York", "192.0.2.10")
            #expect(try await events("device.anomalous").isEmpty)
            // All three: a new device on a new network in a new zone.
            _ = try await login(nil, "\(String(repeating: "4d", count: 32))~Asia/Manila", "100.64.7.1")
            var anomalous = try await events("device.anomalous")
            #expect(anomalous.count == 1)
            let details = try #require(anomalous.first?["details"] as? [String: String])
            #expect(details["timeZone"] == "Asia/Manila" && details["network"] == "100.64.7.0/24" && details["device"]?.count == 16, "\(details)")
            // The laptop's cookie replayed from another browser (other traits) elsewhere.
            _ = try await login(laptop, "\(String(repeating: "5e", count: 32))~Africa/Lagos", "100.64.8.1")
            #expect(try await events("device.anomalous").count == 2, "a stolen cookie in another browser")
            // No signals at all, once a time zone is on record: withholding them does not hide a new device.
            _ = try await login(nil, nil, "100.64.9.1")
            anomalous = try await events("device.anomalous")
            #expect(anomalous.count == 3)
            #expect((anomalous.first?["details"] as? [String: String])?["timeZone"] == "not reported", "\(anomalous.first ?? [:])")

            // A cookie that is not what the script writes is ignored, not trusted in part.
            _ = try await login(laptop, "\(laptopTraits)~Europe/<b>Berlin</b>", "198.51.100.7")
            let audit = try await client.send(.get, "/v1/audit/records?limit=1000", token: adminToken).text
            #expect(audit.contains("device.anomalous") && !audit.contains("<b>"))
        }
    }

    @Test(arguments: TestEngine.available)
    func anAPIKeyFromANewAddressIsSignalled(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(engine, configure: Self.behindProxy(clock)) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let key = try await client.send(.post, "/v1/api-keys", token: adminToken, body: .json(["name": "etl"]))
            let (keyID, keyToken) = (try key.string("id"), try key.string("token"))
            let forwarded = HTTPField.Name("X-Forwarded-For")!
            for address in ["203.0.113.5", "203.0.113.5", "203.0.113.6", "203.0.113.5"] {
                #expect(try await client.send(.get, "/v1/me", token: keyToken, headers: [forwarded: address]).status == 200)
            }
            let events = try await client.securityEvents(adminToken, kind: "apikey.new_ip").filter {
                ($0["details"] as? [String: String])?["apiKey"] == keyID
            }
            #expect(Set(events.compactMap { ($0["details"] as? [String: String])?["ip"] }) == ["203.0.113.5", "203.0.113.6"])
            #expect(events.count == 2)
        }
    }

    @Test func aSpikeOfDeniedDecisionsIsSignalledOnce() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let f = try await TwoTenantFixture.make(client)
            let denied: [String: any Sendable] = [
                "service": f.a.service, "user": "bob", "resource": ["database": "hr", "table": "salaries", "column": "x"], "accessType": "select",
            ]
            for _ in 0..<2 {
                let batch = try await client.send(
                    .post, "/v1/authorize/batch", token: f.a.securityToken, body: .json(["requests": Array(repeating: denied, count: 25)]))
                #expect(batch.status == 200)
            }
            let spikes = try await client.securityEvents(f.a.adminToken, kind: "decisions.denial_spike")
            #expect(spikes.count == 1)
            #expect((spikes.first?["details"] as? [String: String])?["user"] == "bob")
            #expect(try await client.securityEvents(f.b.adminToken, kind: "decisions.denial_spike").isEmpty)
        }
    }

    /// Three administration requests per API key that do not come back during a test (the
    /// tenant's budget stays ample; decisions keep their own defaults).
    static func threeRequestsPerKey(_ configuration: inout ServerConfiguration) {
        configuration.security.apiRateLimit = APIRateLimitConfiguration(
            perAPIKey: RateLimit(capacity: 3, refillPerSecond: 0.01), perTenant: RateLimit(capacity: 1000, refillPerSecond: 100))
    }

    @Test(arguments: TestEngine.available)
    func theAPIIsRateLimitedPerKey(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine, configure: Self.threeRequestsPerKey) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let key = try await client.send(.post, "/v1/api-keys", token: adminToken, body: .json(["name": "busy"])).string("token")
            for _ in 0..<3 { #expect(try await client.send(.get, "/v1/me", token: key).status == 200) }
            let limited = try await client.send(.get, "/v1/me", token: key)
            #expect(limited.status == 429)
            #expect(limited.contentType == "application/problem+json")
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { $0 >= 1 } == true)
            // Other credentials of the tenant have their own key budget.
            #expect(try await client.send(.get, "/v1/me", token: adminToken).status == 200)
            #expect(try await client.securityEvents(adminToken, kind: "apikey.rate_limited").count == 1)
        }
    }

    @Test func tenantsCanTuneTheirThrottle() async throws {
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: { $0.clock = clock }) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let bad = try await client.send(
                .patch, "/v1/tenant/settings", token: adminToken, body: .json(["loginThrottle": ["account": ["threshold": 0]]]))
            #expect(bad.status == 422)
            #expect(try bad.string("field") == "loginThrottle.account.threshold")
            let tuned = try await client.send(
                .patch, "/v1/tenant/settings", token: adminToken, body: .json(["loginThrottle": ["account": ["threshold": 2]]]))
            #expect(tuned.status == 200)
            for _ in 0..<2 { _ = try await client.login(tenant: "acme", username: "dana", password: "wrong-password-xyz") }
            #expect(try await client.login(tenant: "acme", username: "dana", password: Self.password).status == 429)
            let reset = try await client.send(
                .patch, "/v1/tenant/settings", token: adminToken, body: .raw(#"{"loginThrottle":null}"#, contentType: "application/json"))
            #expect(try reset.json()["loginThrottleCustomized"] as? Bool == false)
        }
    }
}
