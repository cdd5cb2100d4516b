// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import Testing

/// Regression tests of issue 17 (hardening): each test names the item it covers.
@Suite struct HardeningTests {
    static let password = "quiet-river-passphrase-1"

    /// Item 1: `blockDuration` near `Int64.max` was accepted (200) and the next failed login
    /// trapped the process. It is now a 422 naming the field, and the server keeps answering.
    @Test func hugeThrottleDurationsAreRefusedAndTheServerStaysUp() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let huge: Int64 = 9_223_372_036_854_775_000
            let refused = try await client.send(
                .patch, "/v1/tenant/settings", token: adminToken,
                body: .json(["loginThrottle": ["sourceIP": ["threshold": 1, "blockDuration": huge, "maxBlockDuration": huge]]]))
            #expect(refused.status == 422, "\(refused.text)")
            #expect(try refused.json()["field"] as? String == "loginThrottle.sourceIP.blockDuration")
            for (field, value) in [("window", 1e300), ("threshold", 1.5), ("baseDelay", -1)] as [(String, Double)] {
                let reply = try await client.send(
                    .patch, "/v1/tenant/settings", token: adminToken, body: .json(["loginThrottle": ["account": [field: value]]]))
                #expect((400..<500).contains(reply.status), "\(field)=\(value): \(reply.status) \(reply.text)")
            }
            let failed = try await client.login(tenant: "acme", username: "dana", password: "wrong-password-xxxx")
            #expect(failed.status == 401)
            #expect(try await client.send(.get, "/healthz").status == 200)
        }
    }

    /// Item 1, the stored half: a setting written before validation had bounds (here straight into
    /// the database) is ignored in favour of the server's default instead of trapping at login.
    @Test(arguments: TestEngine.available)
    func aStoredOutOfRangeThrottleFallsBackToTheDefault(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            let configuration = TestServer.configuration(for: database)
            try await TestServer.run(configuration) { client in _ = try await client.tenantWithUser("acme") }
            let huge: Int64 = 9_223_372_036_854_775_000
            let stored = #"{"sourceIP":{"threshold":1,"blockDuration":\#(huge),"maxBlockDuration":\#(huge)}}"#
            try await database.withStore { _, store in
                try await store.write { tx in
                    let tenant = try #require(try await tx.tenant(slug: "acme"))
                    try await tx.putTenantSecuritySettings(TenantSecuritySettings(tenantID: tenant.id, loginThrottleJSON: stored, updatedAt: 1))
                }
            }
            try await TestServer.run(configuration) { client in
                for attempt in 0..<3 {
                    let reply = try await client.login(tenant: "acme", username: "dana", password: "wrong-password-\(attempt)x")
                    #expect(reply.status == 401, "the default policy (50 per address) applies, not threshold 1")
                }
                #expect(try await client.send(.get, "/healthz").status == 200)
            }
        }
    }

    /// Item 8: wrong current passwords at `POST /v1/me/password` and `DELETE /v1/me/mfa` count
    /// with the login throttle (429 + `Retry-After` past the threshold, without checking the
    /// password) and each raises `password.recheck_failed`.
    @Test func passwordRechecksAreThrottledAndRaiseEvents() async throws {
        // A clock that stands still: the account's wait (1 s after the fifth failure) cannot run
        // out between requests, however slow the host.
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: { $0.clock = clock }) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let session = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            var statuses: [Int] = []
            for attempt in 0..<7 {
                let reply = try await client.send(
                    .post, "/v1/me/password", token: session,
                    body: .json(["currentPassword": "wrong-guess-number-\(attempt)", "newPassword": "a-brand-new-passphrase-7"]))
                statuses.append(reply.status)
                if reply.status == 429 { #expect(reply.headers[.retryAfter].flatMap(Int.init).map { $0 >= 1 } == true) }
            }
            #expect(Array(statuses.prefix(5)) == [422, 422, 422, 422, 422], "\(statuses)")
            #expect(statuses.dropFirst(5).allSatisfy { $0 == 429 }, "\(statuses)")
            // Throttled means the password is not looked at: even the right one waits.
            let right = try await client.send(
                .post, "/v1/me/password", token: session,
                body: .json(["currentPassword": Self.password, "newPassword": "a-brand-new-passphrase-7"]))
            #expect(right.status == 429)
            let disable = try await client.send(.delete, "/v1/me/mfa", token: session, body: .json(["password": "another-wrong-guess"]))
            #expect(disable.status == 429, "the same budget covers turning off two-factor")
            let events = try await client.securityEvents(adminToken, kind: "password.recheck_failed")
            #expect(events.count == 5)
            #expect(events.allSatisfy { ($0["details"] as? [String: String])?["username"] == "dana" })
        }
    }

    /// Item 8, the two-factor route alone: wrong passwords there are counted too.
    @Test func turningOffTwoFactorWithWrongPasswordsIsThrottled() async throws {
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: { $0.clock = clock }) { client in
            _ = try await client.tenantWithUser("acme")
            let session = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            var statuses: [Int] = []
            for attempt in 0..<6 {
                statuses.append(
                    try await client.send(.delete, "/v1/me/mfa", token: session, body: .json(["password": "wrong-guess-\(attempt)-x"])).status)
            }
            #expect(statuses == [422, 422, 422, 422, 422, 429], "\(statuses)")
            // The wait is a delay, not a lockout: once it has passed, the right password works.
            clock.advance(seconds: 2)
            let right = try await client.send(.delete, "/v1/me/mfa", token: session, body: .json(["password": Self.password]))
            #expect(right.status == 204, "\(right.text)")
        }
    }

    /// Item 12: a method a path does not have is 405 with `Allow` (RFC 9110 §15.5.6), not 404;
    /// a path nobody registered stays 404.
    @Test func aMissingMethodIs405WithAllow() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let token = try await client.loginOperator()
            let put = try await client.send(.put, "/v1/tenants", token: token)
            #expect(put.status == 405)
            #expect(put.headers[.allow] == "GET, HEAD, POST")
            #expect(put.contentType == "application/problem+json")
            #expect(try put.string("code") == "method-not-allowed")
            let trace = try await client.send(.trace, "/healthz")
            #expect(trace.status == 405)
            #expect(trace.headers[.allow] == "GET, HEAD")
            let patch = try await client.send(.patch, "/v1/me/sessions/0191a9d4-0000-7000-8000-000000000000", token: token)
            #expect(patch.status == 405)
            #expect(patch.headers[.allow] == "DELETE")
            let head = try await client.send(.head, "/healthz")
            #expect(head.status == 200)
            #expect(try await client.send(.get, "/v1/no-such-thing", token: token).status == 404)
            // Every registered path answers 405 for a method it lacks.
            var methodsByPath: [String: Set<String>] = [:]
            for route in client.routes { methodsByPath[route.path, default: []].insert(route.method.rawValue) }
            // SCIM paths answer 405 too, after authenticating the identity provider (SCIMTests).
            for (path, methods) in methodsByPath.sorted(by: { $0.key < $1.key }) where !path.hasPrefix("/scim/") {
                let concrete = path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
                let missing = ["DELETE", "PATCH", "PUT", "POST"].first { !methods.contains($0) }
                guard let missing, let method = HTTPRequest.Method(missing) else { continue }
                let reply = try await client.send(method, concrete, token: token)
                #expect(reply.status == 405, "\(missing) \(concrete): \(reply.status)")
                #expect(reply.headers[.allow] != nil, "\(missing) \(concrete)")
            }
        }
    }

    /// Item 4: a stored datasource password does not follow a change of host, port, database or
    /// TLS mode: the change drops it unless the same request gives it again.
    @Test func aStoredDatasourcePasswordDoesNotFollowANewDestination() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            for change in [["host": "collector.attacker.example"], ["port": 6543], ["database": "other"], ["tls": "disable"]]
                as [[String: any Sendable]]
            {
                let created = try await client.send(
                    .post, "/v1/datasources", token: adminToken,
                    body: .json(["name": "warehouse", "kind": "postgres", "url": "postgres://reader:s3cret-value@db.internal.example:5432/sales"]))
                #expect(created.status == 201, "\(created.text)")
                let id = try created.string("id")
                // Other edits keep the password.
                let renamed = try await client.send(.patch, "/v1/datasources/\(id)", token: adminToken, body: .json(["username": "auditor"]))
                #expect(try renamed.json()["hasCredentials"] as? Bool == true, "\(renamed.text)")
                let moved = try await client.send(.patch, "/v1/datasources/\(id)", token: adminToken, body: .json(change))
                #expect(moved.status == 200, "\(change): \(moved.text)")
                #expect(try moved.json()["hasCredentials"] as? Bool == false, "\(change): the password stayed behind")
                #expect(try await client.send(.delete, "/v1/datasources/\(id)", token: adminToken).status == 204)
            }
            // Given again in the same request, the password goes along.
            let created = try await client.send(
                .post, "/v1/datasources", token: adminToken,
                body: .json(["name": "warehouse", "kind": "postgres", "url": "postgres://reader:s3cret-value@db.internal.example:5432/sales"]))
            let id = try created.string("id")
            let again = try await client.send(
                .patch, "/v1/datasources/\(id)", token: adminToken, body: .json(["host": "db2.internal.example", "password": "n3w-secret"]))
            #expect(again.status == 200, "\(again.text)")
            #expect(try again.json()["hasCredentials"] as? Bool == true)
        }
    }

    /// Item 4, SSO half: a new issuer drops the stored client secret unless it is given again.
    @Test func anSSOClientSecretDoesNotFollowANewIssuer() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let created = try await client.send(
                .post, "/v1/sso/providers", token: adminToken,
                body: .json(["name": "okta", "issuer": "https://idp.example.com", "clientId": "rampart", "clientSecret": "client-secret-value"]))
            #expect(created.status == 201, "\(created.text)")
            let id = try created.string("id")
            let renamed = try await client.send(.patch, "/v1/sso/providers/\(id)", token: adminToken, body: .json(["displayName": "Okta"]))
            #expect(try renamed.json()["hasClientSecret"] as? Bool == true, "\(renamed.text)")
            let withSecret = try await client.send(
                .patch, "/v1/sso/providers/\(id)", token: adminToken,
                body: .json(["issuer": "https://idp2.example.com", "clientSecret": "another-secret-value"]))
            #expect(try withSecret.json()["hasClientSecret"] as? Bool == true, "\(withSecret.text)")
            let moved = try await client.send(
                .patch, "/v1/sso/providers/\(id)", token: adminToken, body: .json(["issuer": "https://idp.attacker.example"]))
            #expect(moved.status == 200, "\(moved.text)")
            #expect(try moved.json()["hasClientSecret"] as? Bool == false, "the secret stayed behind")
        }
    }

    /// Item 7: a tenant may have at most `maximumQueuedScansPerTenant` scans waiting; the next is
    /// 429 with `Retry-After`, and another tenant can still queue.
    @Test func queuedScansAreCappedPerTenant() async throws {
        try await TestServer.withServer(
            .sqlite,
            configure: { configuration in
                // Nothing is claimed, so the queue only grows.
                configuration.discovery.maximumConcurrentScans = 0
                configuration.discovery.maximumQueuedScansPerTenant = 3
            }
        ) { client in
            let fixture = try await TwoTenantFixture.make(client)
            for tenant in [fixture.a, fixture.b] {
                let datasource = try await client.send(
                    .post, "/v1/datasources", token: tenant.adminToken, body: .json(["name": "files", "kind": "sqlite", "path": "/nonexistent/x.db"]))
                #expect(datasource.status == 201, "\(datasource.text)")
            }
            var statuses: [Int] = []
            for _ in 0..<5 {
                let reply = try await client.send(.post, "/v1/scans", token: fixture.a.adminToken, body: .json(["datasource": "files"]))
                statuses.append(reply.status)
                if reply.status == 429 {
                    #expect(reply.headers[.retryAfter] != nil)
                    #expect(try reply.string("code") == "too-many-requests")
                }
            }
            #expect(statuses == [202, 202, 202, 429, 429])
            let other = try await client.send(.post, "/v1/scans", token: fixture.b.adminToken, body: .json(["datasource": "files"]))
            #expect(other.status == 202, "another tenant's queue is its own")
        }
    }

    /// Item 5: one `--datasource-root` served every tenant, so tenant B could name
    /// `/srv/exports/acme`. Each tenant now gets `<root>/<slug>/`, or the directory the operator
    /// mapped it to, checked when a datasource is saved and again at every use.
    @Test func fileDatasourcesAreConfinedToTheTenantsOwnRoot() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-roots-\(UUIDv7.generate())").path
        let mapped = root + "-mapped"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: mapped)
        }
        for directory in [root + "/acme", root + "/globex", mapped] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try await TestDatabase.withFresh(.sqlite) { database in
            var configuration = TestServer.configuration(for: database)
            configuration.discovery.allowedPathRoots = [root]
            configuration.discovery.sharesPathRootsAcrossTenants = false
            @Sendable func create(_ client: APIClient, _ token: String, _ name: String, _ path: String) async throws -> APIClient.Reply {
                try await client.send(.post, "/v1/datasources", token: token, body: .json(["name": name, "kind": "csv-dir", "path": path]))
            }
            let (globexID, ownID) = try await TestServer.run(configuration) { client in
                let operatorToken = try await client.loginOperator()
                let (_, acme) = try await client.makeTenant("acme", operatorToken: operatorToken)
                let (globexID, globex) = try await client.makeTenant("globex", operatorToken: operatorToken)
                #expect(try await create(client, acme, "own", root + "/acme").status == 201)
                let foreign = try await create(client, globex, "theirs", root + "/acme/exports")
                #expect(foreign.status == 403, "\(foreign.text)")
                #expect((try? foreign.string("field")) == "path")
                #expect(try await create(client, globex, "top", root).status == 403, "the shared root itself is nobody's")
                let own = try await create(client, globex, "own", root + "/globex")
                #expect(own.status == 201)
                #expect(try await create(client, globex, "elsewhere", mapped).status == 403)
                return (globexID, try own.string("id"))
            }
            // The operator maps globex elsewhere (what `rampart tenants set-datasource-root` writes),
            // with the server stopped so the test does not contend for SQLite's write lock.
            try await database.withStore { _, store in
                try await store.write { try await $0.setTenantDatasourceRoot(mapped, for: TenantID(globexID)) }
            }
            try await TestServer.run(configuration) { client in
                let globex = try await client.login(tenant: "globex", username: "admin", password: "tenant-owner-passphrase-9").string("token")
                #expect(try await create(client, globex, "elsewhere", mapped).status == 201)
                // The datasource saved under the old root is refused at its next use.
                let test = try await client.send(.post, "/v1/datasources/\(ownID)/test", token: globex)
                #expect(test.text.contains("permission"), "\(test.status) \(test.text)")
            }
        }
    }

    /// Item 3 (the sweep's finding): a URL's port is any digits, and NIO narrows it to 16 bits with
    /// a trapping conversion. Ports outside 1–65535 are refused where URLs are accepted, and the
    /// one place outbound connections are resolved refuses them too.
    @Test func portsOutsideTheTCPRangeAreRefusedBeforeAnyConnection() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let datasource = try await client.send(
                .post, "/v1/datasources", token: adminToken,
                body: .json(["name": "wide", "kind": "postgres", "url": "postgres://u@203.0.113.7:70000/db"]))
            #expect(datasource.status == 422 && (try? datasource.string("field")) == "url", "\(datasource.text)")
            let rule = try await client.send(
                .post, "/v1/security/alert-rules", token: adminToken,
                body: .json(["name": "wide", "url": "https://203.0.113.7:70000/hook", "kinds": ["device.new"]]))
            #expect(rule.status == 422 && (try? rule.string("field")) == "url", "\(rule.text)")
            let provider = try await client.send(
                .post, "/v1/sso/providers", token: adminToken,
                body: .json(["name": "wide", "issuer": "https://203.0.113.7:70000", "clientId": "c"]))
            #expect(provider.status == 422 && (try? provider.string("field")) == "issuer", "\(provider.text)")
            #expect(try await client.send(.get, "/healthz").status == 200)
        }
        let destinations = OutboundDestinations(policy: OutboundAddressPolicy())
        for port in [0, -1, 65_536, Int.max] {
            await #expect(throws: OutboundDestinations.Unresolved.self, "port \(port)") {
                _ = try await destinations.resolve(host: "203.0.113.7", port: port)
            }
        }
    }

    /// Item 3 (the sweep's finding): a tag service document with the largest tag id made the next
    /// discovery sync overflow `id + 1`. Ids are bounded to 2^53 when the document is stored.
    @Test func tagServiceIdsAreBounded() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let fixture = try await TwoTenantFixture.make(client)
            let token = fixture.a.securityToken
            let document: (String, Int64) -> APIClient.Body = { tagID, resourceID in
                .raw(
                    """
                    {"serviceName": "tags", "tags": {"\(tagID)": {"type": "PII"}},
                     "serviceResources": [{"id": \(resourceID), "serviceName": "hive", "resourceElements": {"database": {"values": ["db"]}}}],
                     "resourceToTagIds": {"\(resourceID)": [\(tagID)]}}
                    """, contentType: "application/json")
            }
            let hugeTag = try await client.send(
                .put, "/v1/services/\(fixture.a.tagServiceID)/tags", token: token, body: document("9223372036854775807", 1))
            #expect(hugeTag.status == 422, "\(hugeTag.text)")
            let hugeResource = try await client.send(
                .put, "/v1/services/\(fixture.a.tagServiceID)/tags", token: token, body: document("1", Int64.max))
            #expect(hugeResource.status == 422, "\(hugeResource.text)")
            let fine = try await client.send(.put, "/v1/services/\(fixture.a.tagServiceID)/tags", token: token, body: document("7", 9))
            #expect(fine.status == 200, "\(fine.text)")
        }
    }
}
