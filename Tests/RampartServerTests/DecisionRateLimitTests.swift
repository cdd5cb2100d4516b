// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// Issue 20: decisions are a rate-limit class of their own. Under the old single class, an
/// application asking per query met the administration API's limit (91% of answers 429 at 4
/// connections); now decision requests have their own buckets, settable per API key.
@Suite struct DecisionRateLimitTests {
    static func decision(_ service: String) -> APIClient.Body {
        .json(["service": service, "user": "bob", "resource": ["database": "sales", "table": "orders", "column": "total"], "accessType": "select"])
    }

    @Test(arguments: TestEngine.available)
    func decisionsHaveTheirOwnBudget(_ engine: TestEngine) async throws {
        // A tight administration budget; the decision class keeps its defaults.
        try await TestServer.withServer(engine, configure: IntrusionDetectionTests.threeRequestsPerKey) { client in
            let f = try await TwoTenantFixture.make(client)
            let key = try await client.send(.post, "/v1/api-keys", token: f.a.securityToken, body: .json(["name": "pep"])).string("token")
            // Far past the administration budget of 3, every decision is answered.
            for _ in 0..<40 {
                let reply = try await client.send(.post, "/v1/authorize", token: key, body: Self.decision(f.a.service))
                #expect(reply.status == 200, "\(reply.text)")
            }
            let question: [String: any Sendable] = [
                "service": f.a.service, "user": "bob", "resource": ["database": "sales"], "accessType": "select",
            ]
            let batch = try await client.send(.post, "/v1/authorize/batch", token: key, body: .json(["requests": [question]]))
            #expect(batch.status == 200)
            // ...and they did not use the administration budget up: 3 administration calls pass, the 4th is refused.
            for _ in 0..<3 { #expect(try await client.send(.get, "/v1/me", token: key).status == 200) }
            #expect(try await client.send(.get, "/v1/me", token: key).status == 429)
            // The administration limit does not reach decisions either.
            #expect(try await client.send(.post, "/v1/authorize", token: key, body: Self.decision(f.a.service)).status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func aKeyCarriesItsOwnDecisionLimit(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            for (body, field) in [
                (["burst": 0, "requestsPerSecond": 10], "decisionRateLimit.burst"),
                (["burst": 10, "requestsPerSecond": 1_000_001], "decisionRateLimit.requestsPerSecond"),
            ] {
                let refused = try await client.send(
                    .post, "/v1/api-keys", token: f.a.securityToken, body: .json(["name": "bad", "decisionRateLimit": body]))
                #expect(refused.status == 422)
                #expect(try refused.string("field") == field)
            }
            let created = try await client.send(
                .post, "/v1/api-keys", token: f.a.securityToken,
                body: .json(["name": "slow-pep", "decisionRateLimit": ["burst": 3, "requestsPerSecond": 1]]))
            #expect(created.status == 201)
            let key = try created.string("token")
            let id = try created.string("id")
            let shown = try await client.send(.get, "/v1/api-keys/\(id)", token: f.a.securityToken).json()
            #expect(shown["decisionRateLimit"] as? [String: Int] == ["burst": 3, "requestsPerSecond": 1])
            // Twenty in a row: the burst of 3 passes, and the bucket gains one a second while they
            // are answered (seconds, when the whole suite shares two cores), so some are refused.
            // One after another, not at once: the test client has one connection, and twenty
            // queued on it under a loaded suite outlasted its read timeout.
            let started = ContinuousClock.now
            var replies: [APIClient.Reply] = []
            for _ in 0..<20 {
                replies.append(try await client.send(.post, "/v1/authorize", token: key, body: Self.decision(f.a.service)))
            }
            let elapsed = Int((ContinuousClock.now - started).components.seconds)
            let answered = replies.filter { $0.status == 200 }.count
            let limited = replies.filter { $0.status == 429 }
            #expect(answered + limited.count == 20)
            #expect(answered >= 3 && answered <= 3 + elapsed + 1, "\(answered) answered in \(elapsed) s")
            #expect(!limited.isEmpty)
            #expect(limited.allSatisfy { $0.headers[.retryAfter].flatMap(Int.init).map { $0 >= 1 } == true })
            // Its administration budget is the default one, untouched by the decision limit.
            #expect(try await client.send(.get, "/v1/me", token: key).status == 200)
            let events = try await client.securityEvents(f.a.adminToken, kind: "apikey.rate_limited")
            #expect(events.count == 1)
            #expect((events.first?["details"] as? [String: String])?["class"] == "decisions")
            // Another key of the same user keeps the default decision budget.
            let other = try await client.send(.post, "/v1/api-keys", token: f.a.securityToken, body: .json(["name": "pep"])).string("token")
            for _ in 0..<5 { #expect(try await client.send(.post, "/v1/authorize", token: other, body: Self.decision(f.a.service)).status == 200) }
        }
    }
}
