// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartCore
import RampartTesting
import Testing

extension AccessRequestTests {
    /// Access planned ahead: approved before its start, the request is `approved` and its policy is
    /// already written, valid from the start; the decision API allows from then whether or not the
    /// sweep has run, and the sweep brings the state along.
    @Test(arguments: TestEngine.available)
    func accessApprovedAheadStartsAtItsTime(_ engine: TestEngine) async throws {
        try await Self.withClockedServer(engine) { client, clock in
            let s = try await Self.setUp(client)
            // Within the sessions' 30-minute idle expiry: the test's tokens are sessions.
            let start = Timestamp.rfc3339(milliseconds: clock.now() + 900_000)
            func ask(_ extra: [String: any Sendable]) async throws -> APIClient.Reply {
                var body: [String: any Sendable] = [
                    "service": s.f.a.service, "resource": Self.ledger, "accessTypes": ["select"], "durationSeconds": 600,
                    "justification": "JIRA-7 audit later today",
                ]
                body.merge(extra) { _, new in new }
                return try await client.send(.post, "/v1/access-requests", token: s.bob, body: .json(body))
            }
            // Bad starts name the field.
            for bad in [
                ["startAt": "tomorrow"], ["startAt": Timestamp.rfc3339(milliseconds: clock.now() - 3_600_000)],
                ["startAt": Timestamp.rfc3339(milliseconds: clock.now() + 91 * 86_400_000)], ["startAt": start, "breakGlass": true],
            ] as [[String: any Sendable]] {
                let refused = try await ask(bad)
                #expect(refused.status == 422 && (try? refused.string("field")) == "startAt", "\(bad): \(refused.text)")
            }
            let asked = try await ask(["startAt": start])
            #expect(asked.status == 201, "\(asked.text)")
            let id = try asked.string("id")
            for approver in s.approvers.prefix(2) {
                #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: approver).status == 200)
            }
            let approved = try await client.send(.get, "/v1/access-requests/\(id)", token: s.bob)
            #expect(try approved.string("state") == "approved", "\(approved.text)")
            #expect(try approved.string("startsAt") == start)
            #expect(try await !Self.allowed(client, s), "not before its start")

            clock.advance(seconds: 901)
            #expect(try await Self.allowed(client, s), "from its start, by the policy's validity")
            var state = ""
            for _ in 0..<50 where state != "active" {
                try await Task.sleep(for: .milliseconds(100))
                state = try await client.send(.get, "/v1/access-requests/\(id)", token: s.bob).string("state")
            }
            #expect(state == "active", "the sweep brings the state along")
            clock.advance(seconds: 600)
            #expect(try await !Self.allowed(client, s), "and it ends on time")

            // Approved access planned ahead can be ended before it starts.
            let later = try await ask(["startAt": Timestamp.rfc3339(milliseconds: clock.now() + 1_200_000)])
            let laterID = try later.string("id")
            for approver in s.approvers.prefix(2) {
                #expect(try await client.send(.post, "/v1/access-requests/\(laterID)/approve", token: approver).status == 200)
            }
            let ended = try await client.send(.post, "/v1/access-requests/\(laterID)/revoke", token: s.bob)
            #expect(ended.status == 200 && (try? ended.string("state")) == "revoked", "\(ended.text)")
            clock.advance(seconds: 1_201)
            #expect(try await !Self.allowed(client, s), "its policy went with it")
        }
    }
}
