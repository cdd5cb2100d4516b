// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// The console's access requests: approvers see the requests they answer with Approve and Deny,
/// the requester sees their own with Cancel; each button is the API's use case, CSRF-protected.
extension ConsoleTests {
    static func signIn(_ client: APIClient, tenant: String, username: String, password: String) async throws -> Browser {
        var browser = Browser(client: client)
        let form = try #require(Self.hidden("csrf", in: try await browser.get("/console/t/\(tenant)/sign-in").text))
        let signedIn = try await browser.post("/console/t/\(tenant)/sign-in", ["csrf": form, "username": username, "password": password])
        #expect(signedIn.status == 303, "\(signedIn.text)")
        return browser
    }

    @Test func approversAnswerAccessRequestsInTheConsole() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let s = try await AccessRequestTests.setUp(client)
            let slug = s.f.a.slug
            let id = try await AccessRequestTests.ask(client, s.bob, s.f.a.service).string("id")
            let path = "/console/t/\(slug)/access-requests"

            var approver = try await Self.signIn(client, tenant: slug, username: "approver0", password: AccessRequestTests.password)
            let page = try await approver.get(path)
            #expect(page.status == 200 && page.text.contains("JIRA-42 quarter close") && page.text.contains("\(id)/approve"), "\(page.text)")
            #expect(!page.text.contains("\(id)/cancel"), "only the requester cancels")
            let csrf = try #require(Self.hidden("csrf", in: page.text))
            #expect(try await approver.post("\(path)/\(id)/approve", [:]).status == 403, "no anti-forgery token, no action")
            let approved = try await approver.post("\(path)/\(id)/approve", ["csrf": csrf, "comment": "ok for the close"])
            #expect(approved.status == 303 && approved.headers[.location] == "\(path)?done=approve", "\(approved.text)")
            let again = try await approver.post("\(path)/\(id)/approve", ["csrf": csrf])
            #expect(again.status == 409 && again.text.contains("role=\"alert\""), "answered once")
            #expect(!(try await approver.get(path).text.contains("\(id)/approve")), "no button once answered")

            // The requester (an approver himself) sees no Approve on his own request, and may cancel it.
            var bob = try await Self.signIn(client, tenant: slug, username: "bob", password: TwoTenantFixture.userPassword)
            let own = try await bob.get(path)
            #expect(own.text.contains("\(id)/cancel") && !own.text.contains("\(id)/approve"), "\(own.text)")
            let selfApproval = try await bob.post("\(path)/\(id)/approve", ["csrf": try #require(Self.hidden("csrf", in: own.text))])
            #expect(selfApproval.status == 403)

            var second = try await Self.signIn(client, tenant: slug, username: "approver1", password: AccessRequestTests.password)
            let secondPage = try await second.get(path)
            _ = try await second.post("\(path)/\(id)/approve", ["csrf": try #require(Self.hidden("csrf", in: secondPage.text))])
            let state = try await client.send(.get, "/v1/access-requests/\(id)", token: s.f.a.adminToken)
            #expect(try state.string("state") == "active", "the console's approvals are the API's: \(state.text)")
            #expect(try await AccessRequestTests.allowed(client, s))

            // Another tenant's console does not know this one's requests.
            #expect(try await approver.get("/console/t/\(s.f.b.slug)/access-requests").status != 200)
        }
    }
}
