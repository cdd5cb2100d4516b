// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Workflows know people by user id, not by name: a rename (here by the tenant's SCIM client)
/// neither makes someone a stranger to their own request or change nor lets one approver vote
/// twice under two names.
extension AccessRequestTests {
    /// Renames a user through SCIM, as an identity provider does.
    static func rename(_ client: APIClient, _ s: Setup, userID: String, to name: String) async throws {
        try await rename(client, tenant: s.f.a, userID: userID, to: name)
    }

    static func rename(_ client: APIClient, tenant: TwoTenantFixture.TenantObjects, userID: String, to name: String) async throws {
        let token = try await client.send(.post, "/v1/scim/tokens", token: tenant.adminToken, body: .json(["name": "idp-\(name)"]))
        let body = try JSONSerialization.data(withJSONObject: [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [["op": "replace", "path": "userName", "value": name] as [String: Any]],
        ])
        let renamed = try await client.send(
            .patch, "/scim/v2/\(tenant.slug)/Users/\(userID)", token: try token.string("token"),
            body: .raw(String(decoding: body, as: UTF8.self), contentType: "application/scim+json"))
        #expect(renamed.status == 200, "\(renamed.text)")
    }

    static func userID(_ client: APIClient, _ s: Setup, _ username: String) async throws -> String {
        let users = try await client.send(.get, "/v1/users?limit=500", token: s.f.a.adminToken).json()["items"] as? [[String: Any]] ?? []
        return try #require(users.first { $0["username"] as? String == username }?["id"] as? String)
    }

    @Test(arguments: TestEngine.available)
    func aRenameLetsNobodyApproveTheirOwnRequestOrVoteTwice(_ engine: TestEngine) async throws {
        try await Self.withClockedServer(engine) { client, _ in
            let s = try await Self.setUp(client)
            // Bob (an approver himself) asks, is renamed, and tries to approve his request.
            let asked = try await Self.ask(client, s.bob, s.f.a.service)
            let id = try asked.string("id")
            try await Self.rename(client, s, userID: s.f.a.userID, to: "robert")
            let own = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.bob)
            #expect(own.status == 403, "renamed, still the requester: \(own.text)")
            // Still his own request: he may cancel it under the new name.
            let second = try await Self.ask(client, s.bob, s.f.a.service)
            #expect(second.status == 201, "\(second.text)")

            // One approver, renamed between two approvals, is one vote (2 are required).
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[0]).status == 200)
            try await Self.rename(client, s, userID: try await Self.userID(client, s, "approver0"), to: "approver-zero")
            let again = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[0])
            #expect(again.status == 409, "the same person under another name: \(again.text)")
            let state = try await client.send(.get, "/v1/access-requests/\(id)", token: s.f.a.adminToken)
            #expect(try state.string("state") == "pending", "\(state.text)")
            #expect(try state.int("approvals") == 1)
            // A second person completes it.
            #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[1]).status == 200)
            #expect(try await client.send(.get, "/v1/access-requests/\(id)", token: s.f.a.adminToken).string("state") == "active")
            let cancelled = try await client.send(.post, "/v1/access-requests/\(try second.string("id"))/cancel", token: s.bob)
            #expect(cancelled.status == 200, "the renamed requester cancels their own: \(cancelled.text)")
        }
    }
}

extension ChangeRequestTests {
    @Test(arguments: TestEngine.available)
    func aRenamedAuthorStillCannotApplyTheirOwnChange(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let s = try await Self.setUp(client)
            let dana = try await client.send(
                .post, "/v1/users", token: s.f.a.adminToken,
                body: .json(["username": "dana", "password": Self.password, "roles": ["security-admin", "change-approver"]]))
            let danaToken = try await client.login(tenant: s.f.a.slug, username: "dana", password: Self.password).string("token")
            let held = try await client.send(
                .post, "/v1/policies", token: danaToken, body: .json(Self.ledgerPolicy(s.f.a.service, users: ["dana"])))
            #expect(held.status == 202, "\(held.text)")
            try await AccessRequestTests.rename(client, tenant: s.f.a, userID: try dana.string("id"), to: "dana.renamed")
            let applied = try await Self.apply(client, try held.string("id"), danaToken)
            #expect(applied.status == 403, "renamed, still the author: \(applied.text)")
            #expect(try await Self.apply(client, try held.string("id"), s.cara).status == 200, "a second person applies it")
        }
    }
}
