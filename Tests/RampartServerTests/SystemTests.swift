// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Logging
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import SQLKit
import Testing

@Suite struct SystemTests {
    @Test(arguments: TestEngine.available)
    func healthReadinessAndMetrics(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            #expect(try await client.send(.get, "/healthz").string("status") == "ok")
            #expect(try await client.send(.get, "/readyz").string("status") == "ready")
            _ = try await client.send(.get, "/v1/users")
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.contentType?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains("rampart_http_requests_total{method=\"GET\",route=\"/readyz\",status=\"200\"} 1"))
            #expect(metrics.text.contains("route=\"/v1/users\",status=\"401\""))
        }
    }

    /// A load balancer must not send requests to a server whose database lacks a migration it
    /// needs (the database was swapped or restored underneath it): `/readyz` answers 503 then.
    @Test(arguments: TestEngine.available)
    func readinessFailsWhileAMigrationIsMissing(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await TestServer.run(TestServer.configuration(for: database)) { client in
                let id = try #require(Migrations.all.last?.id)
                #expect(try await client.send(.get, "/readyz").status == 200)
                // Straight to the database: `withStore` would migrate it back.
                try await withDatabase(database.configuration, logger: Logger(label: "test")) { sql in
                    try await sql.transaction { try await $0.raw("DELETE FROM rampart_migrations WHERE id = \(bind: id)").run() }
                }
                let missing = try await client.send(.get, "/readyz")
                #expect(missing.status == 503 && missing.text.contains("migration"), "\(missing.text)")
                #expect(try await client.send(.get, "/healthz").status == 200, "alive, just not ready")
                try await withDatabase(database.configuration, logger: Logger(label: "test")) { sql in
                    try await sql.transaction {
                        try await $0.raw("INSERT INTO rampart_migrations (id, applied_at) VALUES (\(bind: id), 0)").run()
                    }
                }
                #expect(try await client.send(.get, "/readyz").status == 200)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func requestIdsAreEchoedOrGenerated(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let kept = try await client.send(.get, "/healthz", headers: [.requestID: "trace-abc.123"])
            #expect(kept.headers[.requestID] == "trace-abc.123")
            let replaced = try await client.send(.get, "/healthz", headers: [.requestID: "bad id\twith spaces"])
            let generated = try #require(replaced.headers[.requestID])
            #expect(UUIDv7.isWellFormed(generated))
            let problem = try await client.send(.get, "/nowhere", headers: [.requestID: "req-42"])
            #expect(problem.status == 404)
            #expect(try problem.string("requestId") == "req-42")
        }
    }

    @Test(arguments: TestEngine.available)
    func openAPIDocumentDescribesExactlyTheRoutes(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let reply = try await client.send(.get, "/openapi.json")
            #expect(reply.status == 200)
            let document = try reply.json()
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                    let operation = try #require(operations[method] as? [String: Any])
                    #expect(operation["responses"] != nil, "\(method) \(path) has no responses")
                }
            }
            let registered = Set(client.routes.map(\.description))
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
            // The event kinds a client may filter by are the server's, in its order.
            let events = try #require(paths["/v1/security/events"]?["get"] as? [String: Any])
            let kind = (events["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "kind" }
            let kinds = (kind?["schema"] as? [String: Any])?["enum"] as? [String]
            #expect(kinds == SecurityEventKind.allCases.map(\.rawValue), "scripts/openapi.py SECURITY_EVENT_KINDS is out of date")
        }
    }

    /// The API description is part of the contract: `/openapi.json` must stay byte for byte the
    /// committed copy. A change to the API regenerates it (`python3 scripts/openapi.py`) and
    /// updates the copy in the same commit:
    /// `cp Sources/RampartServer/Resources/openapi.json Tests/RampartServerTests/Fixtures/openapi.json`.
    @Test func openAPIDocumentIsTheCommittedCopy() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/openapi.json")
        let committed = try Data(contentsOf: fixture)
        try await TestServer.withServer(.sqlite) { client in
            let served = try await client.send(.get, "/openapi.json").body
            #expect(served == committed, "the served /openapi.json differs from Tests/RampartServerTests/Fixtures/openapi.json")
        }
    }

    @Test(arguments: TestEngine.available)
    func dataSurvivesARestart(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            let configuration = TestServer.configuration(for: database)
            let (key, userID) = try await TestServer.run(configuration) { client in
                let operatorToken = try await client.loginOperator()
                let (_, token) = try await client.makeTenant("acme", operatorToken: operatorToken)
                let user = try await client.send(.post, "/v1/users", token: token, body: .json(["username": "dora"])).string("id")
                let key = try await client.send(.post, "/v1/api-keys", token: token, body: .json(["name": "k"])).string("token")
                return (key, user)
            }
            try await TestServer.run(configuration) { client in
                let operatorToken = try await client.loginOperator()
                #expect(try await client.send(.get, "/v1/tenants", token: operatorToken).text.contains("acme"))
                #expect(try await client.send(.get, "/v1/users/\(userID)", token: key).string("username") == "dora")
                #expect(try await client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9").status == 200)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aDifferentMasterKeyIsRefusedAtStart(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            var configuration = TestServer.configuration(for: database)
            configuration.environment = [MasterKeySource.environmentVariable: MasterKey.generate().base64.exposedValue]
            try await TestServer.run(configuration) { client in _ = try await client.loginOperator() }
            configuration.environment = [MasterKeySource.environmentVariable: MasterKey.generate().base64.exposedValue]
            await #expect(throws: (any Error).self) {
                try await TestServer.run(configuration) { client in _ = try await client.send(.get, "/healthz") }
            }
        }
    }

    @Test func plainHTTPOnANonLoopbackAddressIsRefused() throws {
        var configuration = ServerConfiguration()
        configuration.host = "0.0.0.0"
        #expect(throws: RampartError.self) { try configuration.validate() }
        configuration.insecureAllowPlainHTTP = true
        // Plain HTTP off loopback, and no --public-url (SSO is off: issue 17, item 10).
        #expect(try configuration.validate().count == 2)
        configuration.insecureAllowPlainHTTP = false
        configuration.tlsCertificatePath = "/c.pem"
        #expect(throws: RampartError.self) { try configuration.validate() }
        configuration.tlsKeyPath = "/k.pem"
        #expect(try configuration.validate().map { $0.contains("--public-url") } == [true])
        configuration.publicURL = "https://rampart.example.com"
        #expect(try configuration.validate().isEmpty)
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] { #expect(ServerConfiguration.isLoopback(host)) }
        for host in ["0.0.0.0", "10.0.0.1", "::", "example.com", "127.0.0.1.example.com"] { #expect(!ServerConfiguration.isLoopback(host)) }
    }

    @Test(arguments: TestEngine.available)
    func keyRotationThroughTheAPI(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            #expect(try await client.send(.get, "/v1/keys", token: token).text.contains("\"currentVersion\":1"))
            let rotated = try await client.send(.post, "/v1/keys/rotate", token: token)
            #expect(rotated.status == 200)
            #expect(rotated.text.contains("\"currentVersion\":2"))
            #expect(try await client.send(.get, "/v1/keys", token: token).text.contains("\"versions\":[1,2]"))
        }
    }
}
