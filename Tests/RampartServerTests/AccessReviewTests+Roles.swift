// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

extension AccessReviewTests {
    /// A reviewer never decides access they hold: not as the grant's user or group, nor through a
    /// Ranger role they are in, nor through `public` (everyone holds that, so nobody reviews it).
    @Test(arguments: TestEngine.available)
    func nobodyReviewsAccessTheyHoldThroughARoleOrPublic(_ engine: TestEngine) async throws {
        try await AccessRequestTests.withClockedServer(engine) { client, _ in
            let f = try await TwoTenantFixture.make(client)
            let kim = f.a.securityToken
            let rita = try await Self.user(client, f, "rita", groups: ["reviewers"])
            let rex = try await Self.user(client, f, "rex", groups: ["reviewers"])
            let role = try await client.send(
                .post, "/v1/policy-roles", token: kim, body: .json(["name": "ledger-auditors", "users": [["name": "rita"] as J]]))
            #expect(role.status == 201, "\(role.text)")
            let policy = try await client.send(
                .post, "/v1/policies", token: kim,
                body: .json([
                    "service": f.a.service, "name": "finance audit",
                    "resources": ["database": ["values": ["finance"]] as J, "table": ["values": ["audit"]] as J, "column": ["values": ["*"]] as J],
                    "policyItems": [
                        ["roles": ["ledger-auditors"], "accesses": [["type": "select", "isAllowed": true] as J]] as J,
                        ["groups": ["public"], "accesses": [["type": "select", "isAllowed": true] as J]],
                    ],
                ]))
            #expect(policy.status == 201, "\(policy.text)")
            let started = try await client.send(
                .post, "/v1/access-reviews", token: kim,
                body: .json([
                    "name": "audit table", "service": f.a.service, "resource": ["database": "finance"], "reviewerGroup": "reviewers",
                    "onDeadline": "report", "durationSeconds": 3600,
                ]))
            #expect(started.status == 201, "\(started.text)")
            let id = try started.string("id")
            let grants = try started.json()["grants"] as? [[String: Any]] ?? []
            func grant(_ principal: String) throws -> Int {
                try #require(grants.first { $0["principal"] as? String == principal }?["id"] as? Int, "\(grants)")
            }
            let path = "/v1/access-reviews/\(id)/grants"
            let ownRole = try await client.send(.post, "\(path)/\(try grant("ledger-auditors"))/confirm", token: rita)
            #expect(ownRole.status == 403, "rita is in the role: \(ownRole.text)")
            #expect(try await client.send(.post, "\(path)/\(try grant("public"))/confirm", token: rita).status == 403, "everyone is in public")
            #expect(try await client.send(.post, "\(path)/\(try grant("public"))/confirm", token: rex).status == 403, "everyone is in public")
            // The campaign's creator, even in the reviewer group, decides none of its grants.
            let kimID = try #require(
                (try await client.send(.get, "/v1/users?limit=500", token: f.a.adminToken).json()["items"] as? [[String: Any]])?
                    .first { $0["username"] as? String == "kim" }?["id"] as? String)
            let reviewers = try #require(
                (try await client.send(.get, "/v1/groups?limit=500", token: f.a.adminToken).json()["items"] as? [[String: Any]])?
                    .first { $0["name"] as? String == "reviewers" }?["id"] as? String)
            try await client.send(.put, "/v1/groups/\(reviewers)/members/\(kimID)", token: f.a.adminToken)
            let creator = try await client.send(.post, "\(path)/\(try grant("ledger-auditors"))/revoke", token: kim)
            #expect(creator.status == 403 && creator.text.contains("creator"), "\(creator.text)")
            let other = try await client.send(.post, "\(path)/\(try grant("ledger-auditors"))/confirm", token: rex)
            #expect(other.status == 200, "rex is not in the role: \(other.text)")
        }
    }
}
