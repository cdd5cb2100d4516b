// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// A server without the test suite's loopback allowance: what a tenant-admin configures cannot
/// make it connect to loopback (its own database, local services), and the refusal is the same
/// whether or not anything listens there.
@Suite struct OutboundAddressTests {
    static func withStrictServer(_ engine: TestEngine, _ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        try await TestServer.withServer(
            engine,
            configure: { configuration in
                configuration.outboundAddressPolicy = OutboundAddressPolicy()
                configuration.ssoAllowHTTPLoopback = true
            }, body)
    }

    static func testCode(_ client: APIClient, _ id: String, token: String) async throws -> String? {
        let reply = try await client.send(.post, "/v1/datasources/\(id)/test", token: token).json()
        #expect(reply["ok"] as? Bool == false, "\(reply)")
        return (reply["error"] as? [String: Any])?["code"] as? String
    }

    @Test(arguments: TestEngine.available)
    func postgresDatasourcesOnLoopbackAreRefusedAlike(_ engine: TestEngine) async throws {
        try await Self.withStrictServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.adminToken
            // Where Rampart's own test database listens, if there is one, and where nothing does.
            let listening = ProcessInfo.processInfo.environment["RAMPART_TEST_DATABASE_URL"].flatMap(URLComponents.init(string:))?.port ?? 5432
            var ids: [String] = []
            for (name, host, port) in [
                ("own-db", "127.0.0.1", listening), ("nothing", "127.0.0.1", 1), ("by-name", "localhost", listening), ("v6", "::1", listening),
                ("mapped", "::ffff:127.0.0.1", listening), ("metadata", "169.254.169.254", 80), ("private", "10.0.0.1", 5432),
            ] as [(String, String, Int)] {
                let created = try await client.send(
                    .post, "/v1/datasources", token: token,
                    body: .json(["name": name, "kind": "postgres", "host": host, "port": port, "username": "rampart", "tls": "disable"]))
                #expect(created.status == 201, "\(created.text)")
                ids.append(try created.string("id"))
            }
            for id in ids {
                #expect(try await Self.testCode(client, id, token: token) == "destination-not-allowed")
            }
            // The schema route refuses the same way, before connecting.
            let schema = try await client.send(.get, "/v1/datasources/\(ids[0])/schema", token: token)
            #expect(schema.status == 502 && schema.text.contains("destination-not-allowed"), "\(schema.text)")
            // A background scan is refused the same way.
            let scan = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": ids[0]])).string("id")
            let failed = try await DiscoveryTests.waitForScan(client, scan, token: token)
            #expect(failed["status"] as? String == "failed", "\(failed)")
            #expect((failed["error"] as? String)?.hasPrefix("destination-not-allowed:") == true, "\(failed)")
            // A name that does not resolve is still told apart (a typo), as before.
            _ = try await client.send(.patch, "/v1/datasources/\(ids[0])", token: token, body: .json(["host": "no-such-host.invalid"]))
            #expect(try await Self.testCode(client, ids[0], token: token) == "dns")
        }
    }

    @Test(arguments: TestEngine.available)
    func identityProvidersOnLoopbackAreNeverFetched(_ engine: TestEngine) async throws {
        try await TestOIDCProvider.with(clientID: SSOTests.clientID, clientSecret: SSOTests.clientSecret) { provider in
            try await Self.withStrictServer(engine) { client in
                let operatorToken = try await client.loginOperator()
                let (_, admin) = try await client.makeTenant("acme", operatorToken: operatorToken)
                for (name, issuer) in [("corp", provider.base), ("local", provider.base.replacingOccurrences(of: "127.0.0.1", with: "localhost"))] {
                    let created = try await client.send(
                        .post, "/v1/sso/providers", token: admin,
                        body: .json(["name": name, "issuer": issuer, "clientId": SSOTests.clientID, "jitProvisioning": true]))
                    #expect(created.status == 201, "\(created.text)")
                    // The anonymous start route would fetch the discovery document: refused instead.
                    let start = try await client.send(.get, "/v1/auth/sso/acme/\(name)/start")
                    #expect(start.status == 502, "\(start.text)")
                    #expect((try? start.string("code")) == "destination-not-allowed", "\(start.text)")
                    #expect(start.headers[.location] == nil)
                }
                // Nothing reached the provider.
                let stats = try await OutboundHTTPClient().get(provider.base + "/_stats")
                let counts = try #require(try JSONSerialization.jsonObject(with: Data(stats.body)) as? [String: Int])
                #expect(counts["discovery"] == 0 && counts["jwks"] == 0 && counts["token"] == 0, "\(counts)")
                // The refusal is audited as a failed SSO sign-in with the reason.
                let records = try await client.send(.get, "/v1/audit/records?limit=1000", token: admin)
                #expect(records.text.contains("destination-not-allowed"), "\(records.text.prefix(2000))")
            }
        }
    }

    /// With the allowance (the test server's), a host *name* is resolved once and the connection
    /// goes to the checked address: it still works, TLS names included.
    @Test(arguments: TestEngine.available)
    func allowedNamesAreResolvedOnceAndStillConnect(_ engine: TestEngine) async throws {
        guard let url = ProcessInfo.processInfo.environment["RAMPART_TEST_DATABASE_URL"], var parts = URLComponents(string: url) else { return }
        parts.host = "localhost"
        let byName = parts.string ?? ""
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let created = try await client.send(
                .post, "/v1/datasources", token: f.a.adminToken, body: .json(["name": "pg-by-name", "kind": "postgres", "url": byName]))
            let id = try created.string("id")
            let ok = try await client.send(.post, "/v1/datasources/\(id)/test", token: f.a.adminToken).json()
            #expect(ok["ok"] as? Bool == true, "\(ok)")
        }
    }
}
