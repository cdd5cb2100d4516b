// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// SCIM provisioning through a running server: SCIM users and groups are Rampart's own, tokens
/// are per tenant, errors are SCIM errors, and every request is audited under its token.
@Suite struct SCIMTests {
    static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"

    struct SCIMTenant {
        var adminToken: String
        var scimToken: String
        var tokenID: String
        var base: String
    }

    static func tenant(_ slug: String, _ client: APIClient) async throws -> SCIMTenant {
        let operatorToken = try await client.loginOperator()
        let (_, admin) = try await client.makeTenant(slug, operatorToken: operatorToken)
        let created = try await client.send(.post, "/v1/scim/tokens", token: admin, body: .json(["name": "okta"]))
        #expect(created.status == 201)
        #expect(created.headers[.cacheControl] == "no-store")
        return SCIMTenant(
            adminToken: admin, scimToken: try created.string("token"), tokenID: try created.string("id"), base: "/scim/v2/\(slug)")
    }

    static func body(_ json: [String: any Sendable]) throws -> APIClient.Body {
        .raw(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self), contentType: "application/scim+json; charset=utf-8")
    }

    static func patch(_ operations: [[String: any Sendable]]) throws -> APIClient.Body {
        try body(["schemas": [patchOp], "Operations": operations])
    }

    @Test(arguments: TestEngine.available)
    func scimUsersAndGroupsAreRampartUsersAndGroups(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let t = try await Self.tenant("acme", client)
            let created = try await client.send(
                .post, "\(t.base)/Users", token: t.scimToken,
                body: Self.body([
                    "schemas": [Self.user], "userName": "alice@example.org", "displayName": "Alice Liddell",
                    "emails": [["value": "alice@example.org", "type": "work", "primary": true] as [String: any Sendable]],
                    "name": ["givenName": "Alice"],
                    "password": "never-stored-1",
                ]))
            #expect(created.status == 201, "\(created.text)")
            #expect(created.contentType?.hasPrefix("application/scim+json") == true)
            #expect(created.headers[.eTag] == "W/\"1\"")
            let aliceID = try created.string("id")
            #expect(created.headers[.location]?.hasSuffix("\(t.base)/Users/\(aliceID)") == true)
            #expect(!created.text.contains("never-stored"))

            // The same row through /v1: username, display name, e-mail; no password, the user role.
            let row = try await client.send(.get, "/v1/users/\(aliceID)", token: t.adminToken)
            #expect(try row.string("username") == "alice@example.org")
            #expect(try row.string("displayName") == "Alice Liddell")
            #expect(try row.string("email") == "alice@example.org")
            #expect(try row.json()["hasPassword"] as? Bool == false)
            #expect(try row.json()["roles"] as? [String] == ["user"])

            let group = try await client.send(
                .post, "\(t.base)/Groups", token: t.scimToken,
                body: Self.body(["schemas": [Self.group], "displayName": "Engineering", "members": [["value": aliceID, "display": "Alice"]]]))
            #expect(group.status == 201, "\(group.text)")
            let groupID = try group.string("id")
            let members = try await client.send(.get, "/v1/groups/\(groupID)/members", token: t.adminToken)
            #expect(members.text.contains(aliceID))
            let alice = try await client.send(.get, "\(t.base)/Users/\(aliceID)", token: t.scimToken)
            #expect(alice.text.contains(groupID) && alice.text.contains("Engineering"))

            // Case-insensitive uniqueness of userName, as a SCIM 409.
            let duplicate = try await client.send(
                .post, "\(t.base)/Users", token: t.scimToken, body: Self.body(["schemas": [Self.user], "userName": "ALICE@example.org"]))
            #expect(duplicate.status == 409)
            #expect(try duplicate.string("scimType") == "uniqueness")
            #expect(try duplicate.string("status") == "409")

            // A user made through /v1 is a SCIM user too, found by userName in any case.
            _ = try await client.send(.post, "/v1/users", token: t.adminToken, body: .json(["username": "carol", "displayName": "Carol"]))
            let found = try await client.send(.get, "\(t.base)/Users?filter=userName%20eq%20%22CAROL%22", token: t.scimToken)
            #expect(try found.json()["totalResults"] as? Int == 1)
            #expect(found.text.contains("\"displayName\":\"Carol\""))

            // Membership added through /v1 shows in SCIM; removal through SCIM shows in /v1.
            let carolID = try #require(((try found.json()["Resources"] as? [[String: Any]])?.first?["id"]) as? String)
            _ = try await client.send(.put, "/v1/groups/\(groupID)/members/\(carolID)", token: t.adminToken)
            let withCarol = try await client.send(.get, "\(t.base)/Groups/\(groupID)", token: t.scimToken)
            #expect(withCarol.text.contains(carolID))
            let removed = try await client.send(
                .patch, "\(t.base)/Groups/\(groupID)", token: t.scimToken,
                body: Self.patch([["op": "remove", "path": "members[value eq \"\(aliceID)\"]"]]))
            #expect(removed.status == 200, "\(removed.text)")
            let after = try await client.send(.get, "/v1/groups/\(groupID)/members", token: t.adminToken)
            #expect(!after.text.contains(aliceID) && after.text.contains(carolID))

            // Weak ETags: a stale If-Match is refused, the current one accepted.
            let stale = try await client.send(
                .put, "\(t.base)/Users/\(aliceID)", token: t.scimToken, body: Self.body(["schemas": [Self.user], "userName": "alice@example.org"]),
                headers: [.ifMatch: "W/\"99\""])
            #expect(stale.status == 412)
            let current = try #require(alice.headers[.eTag])
            let replaced = try await client.send(
                .put, "\(t.base)/Users/\(aliceID)", token: t.scimToken,
                body: Self.body(["schemas": [Self.user], "userName": "alice@example.org", "displayName": "Alice L."]), headers: [.ifMatch: current])
            #expect(replaced.status == 200, "\(replaced.text)")
            #expect(replaced.headers[.eTag] != current)
            #expect(try await client.send(.get, "/v1/users/\(aliceID)", token: t.adminToken).string("displayName") == "Alice L.")

            // Deleting through SCIM deletes the Rampart rows.
            #expect(try await client.send(.delete, "\(t.base)/Groups/\(groupID)", token: t.scimToken).status == 204)
            #expect(try await client.send(.get, "/v1/groups/\(groupID)", token: t.adminToken).status == 404)
            #expect(try await client.send(.delete, "\(t.base)/Users/\(aliceID)", token: t.scimToken).status == 204)
            #expect(try await client.send(.get, "/v1/users/\(aliceID)", token: t.adminToken).status == 404)
            #expect(try await client.send(.get, "\(t.base)/Users/\(aliceID)", token: t.scimToken).status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func deactivatingAUserDisablesItAndEndsItsSessions(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let t = try await Self.tenant("acme", client)
            let dave = try await client.send(
                .post, "/v1/users", token: t.adminToken, body: .json(["username": "dave", "password": "correct-battery-staple-77"]))
            let daveID = try dave.string("id")
            let session = try await client.login(tenant: "acme", username: "dave", password: "correct-battery-staple-77").string("token")
            #expect(try await client.send(.get, "/v1/me", token: session).status == 200)

            // Okta's deactivation shape.
            let off = try await client.send(
                .patch, "\(t.base)/Users/\(daveID)", token: t.scimToken,
                body: Self.patch([["op": "replace", "value": ["active": false]] as [String: any Sendable]]))
            #expect(off.status == 200, "\(off.text)")
            #expect(try off.json()["active"] as? Bool == false)
            #expect(try await client.send(.get, "/v1/me", token: session).status == 401)
            #expect(try await client.send(.get, "/v1/users/\(daveID)", token: t.adminToken).string("status") == "disabled")
            #expect(try await client.login(tenant: "acme", username: "dave", password: "correct-battery-staple-77").status == 401)
            // Still readable and found by userName (Okta re-links deactivated users).
            let found = try await client.send(.get, "\(t.base)/Users?filter=userName+eq+%22dave%22", token: t.scimToken)
            #expect(try found.json()["totalResults"] as? Int == 1)

            // Entra's shape turns it back on.
            let on = try await client.send(
                .patch, "\(t.base)/Users/\(daveID)", token: t.scimToken, body: Self.patch([["op": "Replace", "path": "active", "value": "True"]]))
            #expect(on.status == 200, "\(on.text)")
            #expect(try await client.send(.get, "/v1/users/\(daveID)", token: t.adminToken).string("status") == "active")
            #expect(try await client.login(tenant: "acme", username: "dave", password: "correct-battery-staple-77").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func tenantBsTokenNeverReachesTenantAsUsers(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let a = try await Self.tenant("tenant-a", client)
            let b = try await Self.tenant("tenant-b", client)
            let made = try await client.send(
                .post, "\(a.base)/Users", token: a.scimToken, body: Self.body(["schemas": [Self.user], "userName": "secret-agent"]))
            let id = try made.string("id")
            // B's token at A's endpoints: refused, whatever the operation.
            for (method, path, body) in [
                (HTTPRequest.Method.get, "/Users", APIClient.Body.none), (.get, "/Users/\(id)", .none), (.get, "/Groups", .none),
                (.patch, "/Users/\(id)", try Self.patch([["op": "replace", "path": "userName", "value": "taken-over"]])),
                (.put, "/Users/\(id)", try Self.body(["schemas": [Self.user], "userName": "taken-over"])), (.delete, "/Users/\(id)", .none),
                (.post, "/Users", try Self.body(["schemas": [Self.user], "userName": "planted"])),
            ] {
                let reply = try await client.send(method, "\(a.base)\(path)", token: b.scimToken, body: body)
                #expect(reply.status == 401, "\(method) \(path) with B's token at A: \(reply.status) \(reply.text)")
                #expect(reply.headers[.wwwAuthenticate] == "Bearer realm=\"SCIM\"")
            }
            // At B's own endpoints A's user does not exist.
            #expect(try await client.send(.get, "\(b.base)/Users/\(id)", token: b.scimToken).status == 404)
            let search = try await client.send(.get, "\(b.base)/Users?filter=userName%20eq%20%22secret-agent%22", token: b.scimToken)
            #expect(try search.json()["totalResults"] as? Int == 0)
            #expect(!(try await client.send(.get, "\(b.base)/Users", token: b.scimToken)).text.contains(id))
            // A's user is untouched.
            let check = try await client.send(.get, "\(a.base)/Users/\(id)", token: a.scimToken)
            #expect(try check.string("userName") == "secret-agent")
            #expect(!(try await client.send(.get, "\(a.base)/Users", token: a.scimToken)).text.contains("planted"))

            // A revoked token stops working at once.
            #expect(try await client.send(.delete, "/v1/scim/tokens/\(a.tokenID)", token: a.adminToken).status == 204)
            #expect(try await client.send(.get, "\(a.base)/Users", token: a.scimToken).status == 401)
            let listed = try await client.send(.get, "/v1/scim/tokens", token: a.adminToken)
            #expect(listed.text.contains(a.tokenID) && listed.text.contains("revokedAt") && !listed.text.contains("\"token\""))
        }
    }

    @Test(arguments: TestEngine.available)
    func errorsAreSCIMErrors(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let t = try await Self.tenant("acme", client)
            let anonymous = try await client.send(.get, "\(t.base)/Users")
            #expect(anonymous.status == 401)
            #expect(anonymous.contentType?.hasPrefix("application/scim+json") == true)
            #expect(try anonymous.json()["schemas"] as? [String] == ["urn:ietf:params:scim:api:messages:2.0:Error"])
            #expect(try await client.send(.get, "\(t.base)/Users", token: t.adminToken).status == 401, "a session is not a SCIM token")
            #expect(try await client.send(.get, "/scim/v2/nope/Users", token: t.scimToken).status == 401)
            let wrong = try await client.send(.get, "\(t.base)/Users", token: String(t.scimToken.dropLast()) + "x")
            #expect(wrong.status == 401)

            let unknown = try await client.send(.get, "\(t.base)/\(UUID().uuidString)", token: t.scimToken)
            #expect(unknown.status == 404)
            #expect(try unknown.string("status") == "404")
            #expect(try await client.send(.post, "\(t.base)/ServiceProviderConfig", token: t.scimToken).status == 405)
            #expect(try await client.send(.delete, "\(t.base)/Schemas", token: t.scimToken).status == 405)
            let bulk = try await client.send(.post, "\(t.base)/Bulk", token: t.scimToken, body: Self.body(["schemas": [String]()]))
            #expect(bulk.status == 501)
            let filter = try await client.send(.get, "\(t.base)/Users?filter=userName%20eq%20%22open", token: t.scimToken)
            #expect(filter.status == 400)
            #expect(try filter.string("scimType") == "invalidFilter")
            let noName = try await client.send(.post, "\(t.base)/Users", token: t.scimToken, body: Self.body(["schemas": [Self.user]]))
            #expect(noName.status == 400)
            #expect(try noName.string("scimType") == "invalidValue")
            let config = try await client.send(.get, "\(t.base)/ServiceProviderConfig", token: t.scimToken)
            #expect(config.status == 200 && config.text.contains("\"patch\""))
        }
    }

    @Test(arguments: TestEngine.available)
    func scimRequestsAreAuditedUnderTheirTokenAndTheSecretIsNeverRecorded(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let t = try await Self.tenant("acme", client)
            let made = try await client.send(
                .post, "\(t.base)/Users", token: t.scimToken, body: Self.body(["schemas": [Self.user], "userName": "erin"]))
            let id = try made.string("id")
            _ = try await client.send(.get, "\(t.base)/Users/\(id)", token: t.scimToken)
            _ = try await client.send(.get, "\(t.base)/Users", token: "st_guess.wrong")
            let records = try await client.send(.get, "/v1/audit/records?limit=1000", token: t.adminToken)
            let items = try #require(try records.json()["items"] as? [[String: Any]])
            let create = items.first { $0["operation"] as? String == "POST /scim/v2/{tenant}/Users" }
            #expect(create?["actorType"] as? String == "scim")
            #expect(create?["actorId"] as? String == t.tokenID)
            #expect(create?["entityType"] as? String == "users" && create?["entityId"] as? String == id)
            let read = items.first { $0["operation"] as? String == "GET /scim/v2/{tenant}/Users/{id}" }
            #expect(read?["status"] as? Int == 200 && read?["actorId"] as? String == t.tokenID)
            #expect(items.contains { $0["status"] as? Int == 401 && ($0["details"] as? String)?.contains("scim.token.refused") == true })
            let secret = String(t.scimToken.split(separator: ".").last ?? "")
            #expect(!records.text.contains(secret))
        }
    }
}

extension SCIMTests {
    /// Every SCIM write route, fed garbage with a valid token, answers a 4xx SCIM error and
    /// changes nothing; malformed ids are 404s.
    @Test(arguments: TestEngine.available)
    func garbageIsRefusedWithSCIMErrors(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let t = try await Self.tenant("acme", client)
            let made = try await client.send(
                .post, "\(t.base)/Users", token: t.scimToken, body: Self.body(["schemas": [Self.user], "userName": "kept"]))
            let id = try made.string("id")
            let before = try await client.send(.get, "\(t.base)/Users", token: t.scimToken).text
            let writes = client.routes.filter { $0.access == .scim && [.post, .put, .patch].contains($0.method) }
            #expect(writes.count == 9)
            let bodies = [
                "{", "[]", "null", "\"text\"", "{\"userName\": 42, \"displayName\": [], \"Operations\": 7, \"filter\": {}}", "\u{0}\u{1}", "<xml/>",
            ]
            for route in writes {
                let path = route.path.replacingOccurrences(of: "{tenant}", with: "acme").replacingOccurrences(of: "{id}", with: id)
                for body in bodies {
                    let reply = try await client.send(route.method, path, token: t.scimToken, body: .raw(body, contentType: "application/scim+json"))
                    #expect((400..<500).contains(reply.status), "\(route) with \(body.debugDescription) → \(reply.status) \(reply.text)")
                    #expect(reply.contentType?.hasPrefix("application/scim+json") == true, "\(route)")
                }
            }
            #expect(try await client.send(.get, "\(t.base)/Users", token: t.scimToken).text == before)
            for junk in ["not-an-id", "1%27%20OR%201%3D1", "%2E%2E%2Fetc", String(repeating: "9", count: 300)] {
                for collection in ["Users", "Groups"] {
                    let reply = try await client.send(.get, "\(t.base)/\(collection)/\(junk)", token: t.scimToken)
                    #expect(reply.status == 404, "\(collection)/\(junk) → \(reply.status)")
                }
            }
        }
    }
}
