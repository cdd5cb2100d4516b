// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// The console's users, groups and API keys: search, edit, second-factor reset, memberships and
/// keys, each through the API's use case (so the API sees every change), CSRF-protected, and
/// SCIM-managed objects read-only.
extension ConsoleTests {
    static let adminPassword = "tenant-owner-passphrase-9"

    static func users(_ client: APIClient, _ token: String, search: String) async throws -> [String] {
        let reply = try await client.send(.get, "/v1/users?search=\(search)", token: token)
        return (try reply.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }.sorted()
    }

    @Test func adminsSearchAndEditUsers() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, danaID) = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            for name in ["alice", "Albert", "al_pha", "bob"] {
                let made = try await client.send(
                    .post, "/v1/users", token: adminToken, body: .json(["username": name, "password": Self.password, "roles": ["user"]]))
                #expect(made.status == 201, "\(made.text)")
            }
            // The API's search: a prefix, ignoring case; `_` and `%` are text, not wildcards.
            #expect(try await Self.users(client, adminToken, search: "AL") == ["Albert", "al_pha", "alice"])
            #expect(try await Self.users(client, adminToken, search: "al_") == ["al_pha"])
            #expect(try await Self.users(client, adminToken, search: "%25") == [])
            let control = try await client.send(.get, "/v1/users?search=a%00", token: adminToken)
            #expect(control.status == 400, "\(control.text)")
            #expect(try control.string("field") == "search")
            let long = try await client.send(.get, "/v1/users?search=\(String(repeating: "a", count: 201))", token: adminToken)
            #expect(long.status == 400)

            var admin = try await Self.signIn(client, tenant: "acme", username: "admin", password: Self.adminPassword)
            let found = try await admin.get("/console/t/acme/users?search=al")
            #expect(found.status == 200 && found.text.contains(">alice</a>") && !found.text.contains(">bob</a>"), "\(found.text)")
            #expect(try await admin.get("/console/t/acme/users?search=a%00").status == 400)
            #expect(try await admin.get("/console/t/acme/users?search=zz").text.contains("No user matches."))

            // Dana's page: the facts and an edit form; a change made here is the API's.
            let path = "/console/t/acme/users/\(danaID)"
            let page = try await admin.get(path)
            #expect(page.status == 200 && page.text.contains("<h1>dana</h1>") && page.text.contains("Save changes"), "\(page.text)")
            let csrf = try #require(Self.hidden("csrf", in: page.text))
            let change = ["displayName": "Dana <Scully>", "email": "dana@example.com", "roles[]": "auditor", "status": "active"]
            #expect(try await admin.post(path, change).status == 403, "no anti-forgery token, no change")
            let saved = try await admin.post(path, change.merging(["csrf": csrf]) { $1 })
            #expect(saved.status == 303 && saved.headers[.location] == "\(path)?done=updated", "\(saved.text)")
            let stored = try await client.send(.get, "/v1/users/\(danaID)", token: adminToken).json()
            #expect(stored["displayName"] as? String == "Dana <Scully>" && stored["roles"] as? [String] == ["auditor"], "\(stored)")
            let shown = try await admin.get("\(path)?done=updated")
            #expect(shown.text.contains("The changes were saved.") && shown.text.contains("Dana &lt;Scully&gt;"))
            let bad = try await admin.post(path, change.merging(["csrf": csrf, "email": "not an address"]) { $1 })
            #expect(bad.status == 422 && bad.text.contains("role=\"alert\""))
            #expect(bad.text.contains("value=\"not an address\""), "the form comes back as typed, not as stored")
            let adminID = try #require((try await client.send(.get, "/v1/me", token: adminToken).json()["user"] as? [String: Any])?["id"] as? String)
            let disableSelf = try await admin.post(
                "/console/t/acme/users/\(adminID)", ["csrf": csrf, "roles[]": "tenant-admin", "status": "disabled"])
            #expect(disableSelf.status == 409, "an admin cannot disable themselves here either")

            // Resetting Dana's second factor ends her sessions.
            let danaToken = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            #expect(try await client.send(.get, "/v1/me", token: danaToken).status == 200)
            #expect(try await admin.post("\(path)/reset-mfa", [:]).status == 403)
            let reset = try await admin.post("\(path)/reset-mfa", ["csrf": csrf])
            #expect(reset.status == 303 && reset.headers[.location] == "\(path)?done=mfa-reset")
            #expect(try await client.send(.get, "/v1/me", token: danaToken).status == 401)

            // A user the identity provider manages is read-only here.
            let scim = try await client.send(.post, "/v1/scim/tokens", token: adminToken, body: .json(["name": "okta"])).string("token")
            let provisioned = try await client.send(
                .post, "/scim/v2/acme/Users", token: scim,
                body: .raw(
                    #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"sam","externalId":"okta-00u1"}"#,
                    contentType: "application/scim+json"))
            #expect(provisioned.status == 201, "\(provisioned.text)")
            let samPath = "/console/t/acme/users/\(try provisioned.string("id"))"
            let sam = try await admin.get(samPath)
            #expect(sam.text.contains("Managed by your identity provider through SCIM (external id okta-00u1)") && !sam.text.contains("Save changes"))
            #expect(try await admin.post(samPath, ["csrf": csrf, "displayName": "Sam", "status": "active"]).status == 409)

            // Without users:read there are no user pages; another tenant's user is not found.
            var alice = try await Self.signIn(client, tenant: "acme", username: "alice", password: Self.password)
            #expect(try await alice.get(path).status == 404)
            #expect(try await admin.get("/console/t/acme/users/01890000-0000-7000-8000-000000000000").status == 404)
        }
    }

    @Test func adminsManageGroupsAndTheirMembers() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, danaID) = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            var admin = try await Self.signIn(client, tenant: "acme", username: "admin", password: Self.adminPassword)
            let list = try await admin.get("/console/t/acme/groups")
            #expect(list.status == 200 && list.text.contains("Create group"))
            let csrf = try #require(Self.hidden("csrf", in: list.text))
            #expect(try await admin.post("/console/t/acme/groups", ["name": "analysts"]).status == 403)
            let created = try await admin.post("/console/t/acme/groups", ["csrf": csrf, "name": "analysts", "description": "Read the warehouse"])
            #expect(created.status == 303, "\(created.text)")
            let groupPath = try #require(created.headers[.location]).replacingOccurrences(of: "?done=created", with: "")
            let groupID = String(try #require(groupPath.split(separator: "/").last))
            let taken = try await admin.post("/console/t/acme/groups", ["csrf": csrf, "name": "analysts"])
            #expect(taken.status == 409 && taken.text.contains("value=\"analysts\""))

            let added = try await admin.post("\(groupPath)/members", ["csrf": csrf, "username": "dana"])
            #expect(added.status == 303 && added.headers[.location] == "\(groupPath)?done=added")
            let members = try await client.send(.get, "/v1/groups/\(groupID)/members", token: adminToken).json()["items"] as? [[String: Any]]
            #expect(members?.compactMap { $0["id"] as? String } == [danaID], "the API sees the console's member")
            let page = try await admin.get(groupPath)
            #expect(page.text.contains(">dana</a>") && page.text.contains("\(danaID)/remove"))
            let nobody = try await admin.post("\(groupPath)/members", ["csrf": csrf, "username": "nobody"])
            #expect(nobody.status == 422 && nobody.text.contains("There is no user named nobody."))
            #expect(try await admin.post("\(groupPath)/members/\(danaID)/remove", [:]).status == 403)
            let removed = try await admin.post("\(groupPath)/members/\(danaID)/remove", ["csrf": csrf])
            #expect(removed.status == 303)
            let after = try await client.send(.get, "/v1/groups/\(groupID)/members", token: adminToken).json()["items"] as? [[String: Any]]
            #expect(after?.isEmpty == true)
            // The user's page lists their groups.
            _ = try await admin.post("\(groupPath)/members", ["csrf": csrf, "username": "dana"])
            #expect(try await admin.get("/console/t/acme/users/\(danaID)").text.contains(">analysts</a>"))
            #expect(try await admin.get("/console/t/acme/groups?search=ANA").text.contains(">analysts</a>"))
            #expect(try await admin.get("/console/t/acme/groups?search=x").text.contains("No group matches."))

            // A group the identity provider manages keeps its members as the provider says.
            let scim = try await client.send(.post, "/v1/scim/tokens", token: adminToken, body: .json(["name": "okta"])).string("token")
            let provisioned = try await client.send(
                .post, "/scim/v2/acme/Groups", token: scim,
                body: .raw(
                    #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"okta-admins"}"#, contentType: "application/scim+json")
            )
            #expect(provisioned.status == 201, "\(provisioned.text)")
            let scimPath = "/console/t/acme/groups/\(try provisioned.string("id"))"
            let scimPage = try await admin.get(scimPath)
            #expect(scimPage.text.contains("Managed by your identity provider") && !scimPage.text.contains("Add member"))
            #expect(try await admin.post("\(scimPath)/members", ["csrf": csrf, "username": "dana"]).status == 409)

            // A plain user reads no groups here.
            var dana = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)
            #expect(try await dana.get("/console/t/acme/groups").status == 404)
            #expect(try await dana.get(groupPath).status == 404)
        }
    }

    @Test func usersMintAndRevokeTheirOwnApiKeys() async throws {
        try await TestServer.withServer(.sqlite) { client in
            _ = try await client.tenantWithUser("acme", password: Self.password, roles: ["user", "auditor"])
            var dana = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)
            let list = try await dana.get("/console/t/acme/api-keys")
            #expect(list.status == 200 && list.text.contains("No API keys yet."))
            #expect(list.text.contains("value=\"auditor\"") && !list.text.contains("value=\"tenant-admin\""), "only her own roles are offered")
            let csrf = try #require(Self.hidden("csrf", in: list.text))
            #expect(try await dana.post("/console/t/acme/api-keys", ["name": "ci"]).status == 403)
            let beyond = try await dana.post("/console/t/acme/api-keys", ["csrf": csrf, "name": "ci", "roles[]": "security-admin"])
            #expect(beyond.status == 403 && beyond.text.contains("role=\"alert\""), "a key never holds more than its owner")
            let badDays = try await dana.post(
                "/console/t/acme/api-keys", ["csrf": csrf, "name": "nightly ci", "roles[]": "auditor", "expiresInDays": "99999999999999999999"])
            #expect(badDays.status == 422)
            #expect(badDays.text.contains("value=\"nightly ci\"") && badDays.text.contains("value=\"auditor\" checked"), "kept as typed")

            let minted = try await dana.post("/console/t/acme/api-keys", ["csrf": csrf, "name": "ci", "roles[]": "auditor", "expiresInDays": "30"])
            #expect(minted.status == 200 && minted.headers[.cacheControl] == "no-store")
            let secret = try #require(
                minted.text.range(of: "id=\"secret\" type=\"text\" readonly value=\"").map { range in
                    String(minted.text[range.upperBound...].prefix { $0 != "\"" })
                })
            let me = try await client.send(.get, "/v1/me", token: secret)
            #expect(me.status == 200, "\(me.text)")
            #expect(try me.json()["roles"] as? [String] == ["auditor"])
            let listed = try await dana.get("/console/t/acme/api-keys")
            #expect(listed.text.contains("<td>ci</td>") && !listed.text.contains(secret), "the secret is shown once")
            let keyID = String(
                try #require(
                    listed.text.range(of: "/api-keys/rk_").map { listed.text[listed.text.index($0.lowerBound, offsetBy: 10)...].prefix { $0 != "/" } }
                ))
            let revoked = try await dana.post("/console/t/acme/api-keys/\(keyID)/revoke", ["csrf": csrf])
            #expect(revoked.status == 303)
            #expect(try await client.send(.get, "/v1/me", token: secret).status == 401)
            #expect(try await dana.get("/console/t/acme/api-keys?done=revoked").text.contains("The key was revoked."))
            #expect(try await dana.post("/console/t/acme/api-keys/rk_nosuchkey/revoke", ["csrf": csrf]).status == 404)
        }
    }
}
