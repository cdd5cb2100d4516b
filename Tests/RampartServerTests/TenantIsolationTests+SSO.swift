// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartServer
import RampartTesting
import Testing

/// Isolation probes for the SSO admin routes: tenant A's admin credential against tenant B's
/// identity providers and SSO settings.
extension TenantIsolationTests {
    /// Gives B an identity provider (through B's admin) and returns its id.
    static func providerOfB(_ client: APIClient, _ f: TwoTenantFixture) async throws -> String {
        let existing = try await client.send(.get, "/v1/sso/providers", token: f.b.adminToken)
        if let items = try existing.json()["items"] as? [[String: Any]], let id = items.first?["id"] as? String { return id }
        let created = try await client.send(
            .post, "/v1/sso/providers", token: f.b.adminToken,
            body: .json(["name": "b-idp", "issuer": "https://login.b.example", "clientId": "b-client", "clientSecret": "b-secret"]))
        return try created.string("id")
    }

    static var ssoProbes: [String: Probe] {
        [
            "POST /v1/sso/providers": { client, f, token in
                let id = try await providerOfB(client, f)
                // A provider of the same name in A is A's own; B's is unchanged.
                let reply = try await client.send(
                    .post, "/v1/sso/providers", token: token,
                    body: .json(["name": "b-idp", "issuer": "https://login.a.example", "clientId": "a-client"]))
                #expect(reply.status == 201 || reply.status == 409, "\(reply.text)")
                #expect(try await client.send(.get, "/v1/sso/providers/\(id)", token: f.b.adminToken).string("issuer") == "https://login.b.example")
            },
            "GET /v1/sso/providers": { client, f, token in
                let id = try await providerOfB(client, f)
                let reply = try await client.send(.get, "/v1/sso/providers?limit=500", token: token)
                #expect(reply.status == 200)
                #expect(!reply.text.contains(id) && !reply.text.contains("login.b.example"))
            },
            "GET /v1/sso/providers/{id}": { client, f, token in
                expectNotFound(try await client.send(.get, "/v1/sso/providers/\(try await providerOfB(client, f))", token: token), "GET provider")
            },
            "PATCH /v1/sso/providers/{id}": { client, f, token in
                let id = try await providerOfB(client, f)
                expectNotFound(
                    try await client.send(.patch, "/v1/sso/providers/\(id)", token: token, body: .json(["issuer": "https://evil.example"])),
                    "PATCH provider")
                #expect(try await client.send(.get, "/v1/sso/providers/\(id)", token: f.b.adminToken).string("issuer") == "https://login.b.example")
            },
            "DELETE /v1/sso/providers/{id}": { client, f, token in
                let id = try await providerOfB(client, f)
                expectNotFound(try await client.send(.delete, "/v1/sso/providers/\(id)", token: token), "DELETE provider")
                #expect(try await client.send(.get, "/v1/sso/providers/\(id)", token: f.b.adminToken).status == 200)
            },
            "GET /v1/users/{id}/sso-identities": { client, f, token in
                expectNotFound(try await client.send(.get, "/v1/users/\(f.b.userID)/sso-identities", token: token), "GET identities")
            },
            "POST /v1/users/{id}/sso-identities": { client, f, token in
                let id = try await providerOfB(client, f)
                // Neither B's user with B's provider, nor A's own user with B's provider.
                expectNotFound(
                    try await client.send(
                        .post, "/v1/users/\(f.b.userID)/sso-identities", token: token, body: .json(["providerId": id, "subject": "a-chose-this"])),
                    "POST identity for B's user")
                expectNotFound(
                    try await client.send(
                        .post, "/v1/users/\(f.a.userID)/sso-identities", token: f.a.adminToken,
                        body: .json(["providerId": id, "subject": "a-chose-this"])),
                    "POST identity at B's provider")
                let links = try await client.send(.get, "/v1/users/\(f.b.userID)/sso-identities", token: f.b.adminToken)
                #expect(!links.text.contains("a-chose-this"))
            },
            "DELETE /v1/users/{id}/sso-identities/{providerId}": { client, f, token in
                let id = try await providerOfB(client, f)
                let linked = try await client.send(
                    .post, "/v1/users/\(f.b.userID)/sso-identities", token: f.b.adminToken, body: .json(["providerId": id, "subject": "bob-at-b"]))
                #expect(linked.status == 201 || linked.status == 409, "\(linked.text)")
                expectNotFound(
                    try await client.send(.delete, "/v1/users/\(f.b.userID)/sso-identities/\(id)", token: token), "DELETE identity")
                let links = try await client.send(.get, "/v1/users/\(f.b.userID)/sso-identities", token: f.b.adminToken)
                #expect(links.text.contains("bob-at-b"), "\(links.text)")
            },
            "GET /v1/sso/settings": { client, f, token in
                // A reads its own settings; B's switch (turned on here) is not what A sees.
                _ = try await providerOfB(client, f)
                _ = try await client.send(.put, "/v1/sso/settings", token: f.b.adminToken, body: .json(["ssoOnly": true]))
                #expect(try await client.send(.get, "/v1/sso/settings", token: token).text == "{\"ssoOnly\":false}")
                _ = try await client.send(.put, "/v1/sso/settings", token: f.b.adminToken, body: .json(["ssoOnly": false]))
            },
            "PUT /v1/sso/settings": { client, f, token in
                // A has no enabled provider of its own, so it cannot switch; B's logins are untouched either way.
                let reply = try await client.send(.put, "/v1/sso/settings", token: token, body: .json(["ssoOnly": false]))
                #expect(reply.status == 200)
                #expect(try await client.login(tenant: f.b.slug, username: "bob", password: TwoTenantFixture.userPassword).status == 200)
            },
        ]
    }
}
