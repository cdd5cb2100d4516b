// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

extension EmailAlertTests {
    /// An alert rule with `notifyParticipants` e-mails the approvers themselves when a request is
    /// made (not the requester, though he is in the group; not an approver without an address),
    /// and the requester when it is decided; nobody sees another's address.
    @Test func approversAndTheRequesterAreMailedAtTheirOwnAddresses() async throws {
        try await TestSMTPReceiver.with { receiver in
            let smtp = SMTPConfiguration(host: "127.0.0.1", port: receiver.port, security: .plain, from: "alerts@rampart.test")
            try await TestServer.withServer(.sqlite, configure: { Self.configure(&$0, smtp: smtp) }) { client in
                let s = try await AccessRequestTests.setUp(client)
                let admin = s.f.a.adminToken
                for (name, email) in [("approver0", "ann@acme.test"), ("approver1", "ben@acme.test"), ("bob", "bob@acme.test")] {
                    let id = try await AccessRequestTests.userID(client, s, name)
                    let updated = try await client.send(.patch, "/v1/users/\(id)", token: admin, body: .json(["email": email]))
                    #expect(updated.status == 200, "\(updated.text)")
                }
                let rule = try await client.send(
                    .post, "/v1/security/alert-rules", token: admin,
                    body: .json(["name": "workflow", "notifyParticipants": true, "kinds": ["access.requested", "access.decided"]]))
                #expect(rule.status == 201, "\(rule.text)")
                #expect(try rule.json()["notifyParticipants"] as? Bool == true)
                // A rule for every kind with participants only: other events have none to mail, so it
                // queues nothing for them (a wrong password raises login.failed below).
                let everyKind = try await client.send(
                    .post, "/v1/security/alert-rules", token: admin, body: .json(["name": "participants", "notifyParticipants": true]))
                #expect(everyKind.status == 201, "\(everyKind.text)")
                _ = try await client.login(tenant: s.f.a.slug, username: "bob", password: "not-the-password-at-all")

                func waitForMessages(_ count: Int) async throws -> [[String: Any]] {
                    for _ in 0..<100 {
                        let messages = try receiver.messages()
                        if messages.count >= count { return messages }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    return try receiver.messages()
                }
                let asked = try await AccessRequestTests.ask(client, s.bob, s.f.a.service)
                let id = try asked.string("id")
                // Both rules match: each event is mailed once per rule.
                func about(_ kind: String, _ messages: [[String: Any]]) -> [[String: Any]] {
                    messages.filter { ($0["raw"] as? String)?.contains("Event:       \(kind)") == true }
                }
                let toApprovers = about("access.requested", try await waitForMessages(2))
                #expect(toApprovers.count == 2, "\(toApprovers.count)")
                for message in toApprovers {
                    #expect(Set(message["rcptTo"] as? [String] ?? []) == ["ann@acme.test", "ben@acme.test"], "\(message)")
                    let raw = try #require(message["raw"] as? String)
                    #expect(TestSMTPReceiver.headers(raw).first { $0.0.lowercased() == "to" }?.1 == "undisclosed-recipients:;")
                    #expect(raw.contains(id))
                }

                for approver in s.approvers.prefix(2) {
                    #expect(try await client.send(.post, "/v1/access-requests/\(id)/approve", token: approver).status == 200)
                }
                let all = try await waitForMessages(4)
                #expect(all.count == 4, "one e-mail per event and rule: \(all.count)")
                let toRequester = about("access.decided", all)
                #expect(toRequester.count == 2 && toRequester.allSatisfy { $0["rcptTo"] as? [String] == ["bob@acme.test"] }, "\(toRequester)")
                let catchAll = try await client.send(.get, "/v1/security/alert-rules/\(try everyKind.string("id"))", token: admin)
                let deliveries = try catchAll.json()["deliveries"] as? [[String: Any]] ?? []
                #expect(deliveries.count == 2, "the two workflow events only: \(deliveries)")
            }
        }
    }
}
