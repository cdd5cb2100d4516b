// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartServer
import RampartTesting
import Testing

/// Isolation probes for the SCIM routes and the SCIM token admin routes.
///
/// A SCIM route is probed three ways: tenant A's SCIM token at tenant B's base URL (refused: a
/// token is only ever looked up in the tenant of the URL), A's `/v1` credential at A's base URL
/// (refused: SCIM takes SCIM tokens only), and A's SCIM token at A's base URL naming B's user or
/// group (404, or a list without them). Afterwards B's objects are checked unchanged.
extension TenantIsolationTests {
    static let scimUser = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let scimGroup = "urn:ietf:params:scim:schemas:core:2.0:Group"
    static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    static let searchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"

    /// Every probe: the `/v1` table plus the SCIM ones.
    static var allProbes: [String: Probe] {
        [scimProbes, ssoProbes, discoveryProbes, encryptionProbes, workflowProbes, changeRequestProbes, reportProbes, reviewProbes].reduce(probes) {
            $0.merging($1) { first, _ in first }
        }
    }

    /// A fresh SCIM token of each tenant, made through the admin API.
    static func scimTokens(_ client: APIClient, _ f: TwoTenantFixture) async throws -> (a: String, b: String) {
        let a = try await client.send(.post, "/v1/scim/tokens", token: f.a.adminToken, body: .json(["name": "probe"])).string("token")
        let b = try await client.send(.post, "/v1/scim/tokens", token: f.b.adminToken, body: .json(["name": "probe"])).string("token")
        return (a, b)
    }

    static func scim(_ json: [String: any Sendable]) throws -> APIClient.Body {
        .raw(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self), contentType: "application/scim+json")
    }

    /// B's objects as B's own SCIM token sees them must be what the fixture made.
    static func expectBUnchanged(_ client: APIClient, _ f: TwoTenantFixture, _ tokenB: String) async throws {
        let user = try await client.send(.get, "/scim/v2/\(f.b.slug)/Users/\(f.b.userID)", token: tokenB)
        let userName = try user.string("userName")
        #expect(user.status == 200 && userName == "bob", "B's user changed: \(user.text)")
        let group = try await client.send(.get, "/scim/v2/\(f.b.slug)/Groups/\(f.b.groupID)", token: tokenB)
        let groupName = try group.string("displayName")
        #expect(group.status == 200 && groupName == "analysts", "B's group changed: \(group.text)")
        #expect(group.text.contains(f.b.userID), "B's membership changed: \(group.text)")
        let users = try await client.send(.get, "/scim/v2/\(f.b.slug)/Users", token: tokenB)
        #expect(!users.text.contains("scim-made-by-a"), "A's writes reached B: \(users.text)")
    }

    /// A probe of one SCIM route. `target` is the path under the base with B's object in it, and
    /// `body` the request body, if the method takes one.
    static func scimProbe(
        _ method: HTTPRequest.Method, _ target: @escaping @Sendable (TwoTenantFixture) -> String, body: APIClient.Body = .none
    )
        -> Probe
    {
        { client, f, token in
            let (tokenA, tokenB) = try await scimTokens(client, f)
            let path = target(f)
            let route = "\(method.rawValue) \(path)"
            let crossTenant = try await client.send(method, "/scim/v2/\(f.b.slug)\(path)", token: tokenA, body: body)
            #expect(crossTenant.status == 401, "A's SCIM token at B's base: \(route) answered \(crossTenant.status): \(crossTenant.text)")
            #expect(crossTenant.contentType?.hasPrefix("application/scim+json") == true)
            let wrongKind = try await client.send(method, "/scim/v2/\(f.a.slug)\(path)", token: token, body: body)
            #expect(wrongKind.status == 401, "a /v1 credential at A's SCIM base: \(route) answered \(wrongKind.status)")
            let own = try await client.send(method, "/scim/v2/\(f.a.slug)\(path)", token: tokenA, body: body)
            if path.contains(f.b.userID) || path.contains(f.b.groupID) {
                #expect(own.status == 404, "B's object through A's base: \(route) answered \(own.status): \(own.text)")
            } else {
                #expect(own.status < 300, "\(route) on A's own base answered \(own.status): \(own.text)")
                #expect(!own.text.contains(f.b.userID) && !own.text.contains(f.b.groupID) && !own.text.contains(f.b.id))
            }
            try await expectBUnchanged(client, f, tokenB)
        }
    }

    static var scimProbes: [String: Probe] {
        let base = "/scim/v2/{tenant}"
        var probes: [String: Probe] = [
            "GET \(base)/ServiceProviderConfig": scimProbe(.get, { _ in "/ServiceProviderConfig" }),
            "GET \(base)/ResourceTypes": scimProbe(.get, { _ in "/ResourceTypes" }),
            "GET \(base)/ResourceTypes/{id}": scimProbe(.get, { _ in "/ResourceTypes/User" }),
            "GET \(base)/Schemas": scimProbe(.get, { _ in "/Schemas" }),
            "GET \(base)/Schemas/{id}": scimProbe(.get, { _ in "/Schemas/\(scimUser)" }),
            "POST \(base)/.search": scimProbe(.post, { _ in "/.search" }, body: (try? scim(["schemas": [searchRequest]])) ?? .none),
        ]
        struct Collection {
            var name: String
            var naming: String
            var schema: String
            var filter: String
            var id: @Sendable (TwoTenantFixture) -> String
        }
        let collections = [
            Collection(name: "Users", naming: "userName", schema: scimUser, filter: "userName eq \"bob\"", id: { $0.b.userID }),
            Collection(name: "Groups", naming: "displayName", schema: scimGroup, filter: "displayName eq \"analysts\"", id: { $0.b.groupID }),
        ]
        for c in collections {
            let collection = c.name
            let id = c.id
            let filter = c.filter
            let create: [String: any Sendable] = ["schemas": [c.schema], c.naming: "scim-made-by-a"]
            let replace: [String: any Sendable] = ["schemas": [c.schema], c.naming: "pwned"]
            let patch: [String: any Sendable] = [
                "schemas": [patchOp], "Operations": [["op": "replace", "path": c.naming, "value": "pwned"]],
            ]
            let query = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            probes["GET \(base)/\(collection)"] = scimProbe(.get, { _ in "/\(collection)?filter=\(query)" })
            probes["POST \(base)/\(collection)/.search"] = scimProbe(
                .post, { _ in "/\(collection)/.search" }, body: (try? scim(["schemas": [searchRequest], "filter": filter])) ?? .none)
            probes["POST \(base)/\(collection)"] = scimProbe(.post, { _ in "/\(collection)" }, body: (try? scim(create)) ?? .none)
            probes["GET \(base)/\(collection)/{id}"] = scimProbe(.get, { "/\(collection)/\(id($0))" })
            probes["PUT \(base)/\(collection)/{id}"] = scimProbe(.put, { "/\(collection)/\(id($0))" }, body: (try? scim(replace)) ?? .none)
            probes["PATCH \(base)/\(collection)/{id}"] = scimProbe(.patch, { "/\(collection)/\(id($0))" }, body: (try? scim(patch)) ?? .none)
            probes["DELETE \(base)/\(collection)/{id}"] = scimProbe(.delete, { "/\(collection)/\(id($0))" })
        }
        probes["POST /v1/scim/tokens"] = { client, f, token in
            // The new token is A's: refused at B's base, accepted at A's.
            let created = try await client.send(.post, "/v1/scim/tokens", token: token, body: .json(["name": "a-token"]))
            #expect(created.status == 201, "\(created.text)")
            let secret = try created.string("token")
            #expect(try created.string("scimBaseUrl").hasSuffix("/scim/v2/\(f.a.slug)"))
            #expect(try await client.send(.get, "/scim/v2/\(f.b.slug)/Users", token: secret).status == 401)
            #expect(try await client.send(.get, "/scim/v2/\(f.a.slug)/Users", token: secret).status == 200)
        }
        probes["GET /v1/scim/tokens"] = { client, f, token in
            let (_, tokenB) = try await scimTokens(client, f)
            let idB = String(tokenB.prefix { $0 != "." })
            let reply = try await client.send(.get, "/v1/scim/tokens?limit=500", token: token)
            #expect(reply.status == 200)
            #expect(!reply.text.contains(idB))
        }
        probes["DELETE /v1/scim/tokens/{id}"] = { client, f, token in
            let (_, tokenB) = try await scimTokens(client, f)
            let idB = String(tokenB.prefix { $0 != "." })
            expectNotFound(try await client.send(.delete, "/v1/scim/tokens/\(idB)", token: token), "DELETE SCIM token")
            #expect(try await client.send(.get, "/scim/v2/\(f.b.slug)/Users", token: tokenB).status == 200, "B's token must still work")
        }
        return probes
    }
}
