// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// Every write route, fed garbage, answers 4xx with a problem document: never a 5xx, never a crash,
/// never a partial write.
@Suite struct MalformedInputTests {
    /// Replaces path parameters with the fixture's real ids, so that body validation is reached.
    static func concretePath(_ route: RouteDescriptor, _ f: TwoTenantFixture) -> String {
        route.path
            .replacingOccurrences(of: "/v1/users/{id}", with: "/v1/users/\(f.a.userID)")
            .replacingOccurrences(of: "/v1/groups/{id}", with: "/v1/groups/\(f.a.groupID)")
            .replacingOccurrences(of: "/v1/tenants/{id}", with: "/v1/tenants/\(f.a.id)")
            .replacingOccurrences(of: "/v1/api-keys/{id}", with: "/v1/api-keys/\(f.a.apiKeyID)")
            .replacingOccurrences(of: "/v1/service-defs/{id}", with: "/v1/service-defs/\(f.a.serviceDefID)")
            .replacingOccurrences(of: "/v1/services/{id}", with: "/v1/services/\(f.a.tagServiceID)")
            .replacingOccurrences(of: "/v1/policies/{id}", with: "/v1/policies/\(f.a.policyID)")
            .replacingOccurrences(of: "/v1/policy-roles/{id}", with: "/v1/policy-roles/\(f.a.roleID)")
            .replacingOccurrences(of: "/v1/zones/{id}", with: "/v1/zones/\(f.a.zoneID)")
            .replacingOccurrences(of: "{userId}", with: f.a.userID)
            .replacingOccurrences(of: "/v1/sso/providers/{id}", with: "/v1/sso/providers/01a20000-0000-7000-8000-000000000000")
            .replacingOccurrences(of: "{tenant}", with: f.a.slug).replacingOccurrences(of: "{idp}", with: "corp")
            // Any other path parameter gets an id that names nothing: a route must answer it
            // with a problem, and the URL must stay valid HTTP.
            .replacing(/\{[A-Za-z]+\}/, with: "0190c1d2-0000-7000-8000-000000000000")
    }

    static func token(for route: RouteDescriptor, _ f: TwoTenantFixture) -> String? {
        switch route.access {
        case .anonymous: nil
        case .operatorOnly: f.operatorToken
        case .tenant(.policiesRead), .tenant(.policiesWrite), .tenant(.decisionsRequest), .tenant(.encryptionManage): f.a.securityToken
        case .authenticated, .tenant: f.a.adminToken
        case .scim: nil  // SCIM routes answer SCIM errors; SCIMTests feeds them garbage.
        }
    }

    static let garbageBodies: [(String, String?)] = [
        ("{", "application/json"),
        ("[]", "application/json"),
        ("null", "application/json"),
        ("\"text\"", "application/json"),
        (
            "{\"username\": 42, \"name\": [], \"slug\": {}, \"password\": 7, \"displayName\": false, \"roles\": \"admin\", \"status\": \"bogus\"}",
            "application/json"
        ),
        ("\u{0}\u{1}\u{2}", "application/json"),
        ("<xml/>", "application/xml"),
    ]

    @Test(arguments: TestEngine.available)
    func everyWriteRouteRejectsGarbageWithAProblem(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let writes = client.routes.filter { [.post, .put, .patch].contains($0.method) }
            #expect(writes.count >= 10)
            let before = try await client.send(.get, "/v1/users?limit=500", token: f.a.adminToken).text
            for route in writes where route.path != "/v1/auth/logout" && route.access != .scim {
                for (body, contentType) in Self.garbageBodies {
                    let reply = try await client.send(
                        route.method, Self.concretePath(route, f), token: Self.token(for: route, f), body: .raw(body, contentType: contentType))
                    let takesNoBody = [
                        "/v1/keys/rotate", "/v1/groups/{id}/members/{userId}", "/v1/audit/checkpoints", "/v1/me/mfa/totp",
                        "/v1/me/mfa/recovery-codes",
                    ].contains(route.path)
                    if takesNoBody {
                        #expect(reply.status < 500, "\(route) → \(reply.status)")
                    } else {
                        #expect((400..<500).contains(reply.status), "\(route) with \(body.debugDescription) → \(reply.status) \(reply.text)")
                        #expect(reply.contentType == "application/problem+json", "\(route)")
                    }
                }
            }
            let after = try await client.send(.get, "/v1/users?limit=500", token: f.a.adminToken).text
            #expect(before == after, "rejected writes must not change anything")
        }
    }

    @Test(arguments: TestEngine.available)
    func everyRouteWithAnIdRejectsMalformedIdsAsNotFound(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            for route in client.routes where route.path.contains("{") && route.access != .scim {
                for junk in ["not-an-id", "1%27%20OR%201%3D1", "%2E%2E%2Fetc", String(repeating: "9", count: 300)] {
                    let path = route.path.replacingOccurrences(of: "{id}", with: junk).replacingOccurrences(of: "{userId}", with: junk)
                        .replacingOccurrences(of: "{tenant}", with: junk).replacingOccurrences(of: "{idp}", with: junk)
                        .replacingOccurrences(of: "{providerId}", with: junk).replacingOccurrences(of: "{name}", with: junk)
                        .replacingOccurrences(of: "{grant}", with: junk)
                    let reply = try await client.send(
                        route.method, path, token: Self.token(for: route, f), body: .raw("{}", contentType: "application/json"))
                    #expect(reply.status == 404 || reply.status == 422 || reply.status == 400, "\(route) \(junk) → \(reply.status)")
                    #expect(reply.contentType == "application/problem+json")
                }
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func fieldErrorsNameTheField(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            let missing = try await client.send(.post, "/v1/tenants", token: operatorToken, body: .json(["slug": "acme"]))
            #expect(missing.status == 400)
            #expect(try missing.string("field") == "displayName")
            #expect(try missing.string("detail") == "missing field `displayName`")
            let badSlug = try await client.send(.post, "/v1/tenants", token: operatorToken, body: .json(["slug": "ACME!", "displayName": "x"]))
            #expect(badSlug.status == 422)
            #expect(try badSlug.string("field") == "slug")
            let badRole = try await client.send(
                .post, "/v1/users", token: try await client.makeTenant("acme", operatorToken: operatorToken).adminToken,
                body: .json(["username": "x", "roles": ["root"]]))
            #expect(badRole.status == 422)
            #expect(try badRole.string("field") == "roles")
        }
    }

    @Test(arguments: TestEngine.available)
    func oversizedBodiesAreRefusedBeforeParsing(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine, configure: { $0.maximumBodySize = 4096 }) { client in
            let operatorToken = try await client.loginOperator()
            let huge = "{\"slug\":\"acme\",\"displayName\":\"" + String(repeating: "x", count: 10_000) + "\"}"
            let reply = try await client.send(.post, "/v1/tenants", token: operatorToken, body: .raw(huge, contentType: "application/json"))
            #expect(reply.status == 413)
            #expect(reply.contentType == "application/problem+json")
        }
    }

    @Test(arguments: TestEngine.available)
    func badPaginationParametersAreRejected(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            for query in ["limit=0", "limit=501", "limit=abc", "cursor=%27%3B%20DROP"] {
                let reply = try await client.send(.get, "/v1/tenants?\(query)", token: operatorToken)
                #expect(reply.status == 400, "\(query)")
            }
        }
    }
}
