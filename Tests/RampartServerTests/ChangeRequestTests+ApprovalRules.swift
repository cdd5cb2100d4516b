// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

extension ChangeRequestTests {
    /// Approval rules decide who approves access, so with four eyes on they are changes too:
    /// created and deleted only when a second person applies them.
    @Test(arguments: TestEngine.available)
    func approvalRulesAreHeldForASecondPerson(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let s = try await Self.setUp(client)
            let kim = s.f.a.securityToken
            _ = try await client.send(.post, "/v1/groups", token: s.f.a.adminToken, body: .json(["name": "approvers"]))
            let rule: [String: any Sendable] = ["service": s.f.a.service, "approverGroup": "approvers", "breakGlassMaximumSeconds": 900]
            var unknown = rule
            unknown["approverGroup"] = "nobody"
            let refused = try await client.send(.post, "/v1/approval-rules", token: kim, body: .json(unknown))
            #expect(refused.status == 422 && (try? refused.string("field")) == "approverGroup", "checked when submitted: \(refused.text)")

            let held = try await client.send(.post, "/v1/approval-rules", token: kim, body: .json(rule))
            #expect(held.status == 202, "\(held.text)")
            #expect(try held.string("subject") == "approval-rule" && held.string("operation") == "create")
            let rules = { try await client.send(.get, "/v1/approval-rules", token: kim).json()["items"] as? [[String: Any]] ?? [] }
            #expect(try await rules().isEmpty, "not made until applied")
            #expect(try await Self.apply(client, try held.string("id"), kim).status == 403, "not by its author")
            let applied = try await Self.apply(client, try held.string("id"), s.cara)
            #expect(applied.status == 200 && (try? applied.string("state")) == "applied", "\(applied.text)")
            let made = try await rules()
            #expect(made.count == 1 && made.first?["breakGlassMaximumSeconds"] as? Int == 900)
            let ruleID = try #require(made.first?["id"] as? String)

            let deletion = try await client.send(.delete, "/v1/approval-rules/\(ruleID)", token: kim)
            #expect(deletion.status == 202, "\(deletion.text)")
            #expect(try await rules().count == 1)
            #expect(try await Self.apply(client, try deletion.string("id"), s.cara).status == 200)
            #expect(try await rules().isEmpty)
        }
    }
}
