// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Policies in the console: services and their policies, a policy's summary beside its Ranger
/// JSON, and the JSON as an editor (create, save at the version shown, delete) through the API's
/// use case, so four eyes hold console changes too; a service's export as a download.
extension ConsoleTests {
    @Test func securityAdminsEditPoliciesInTheConsole() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["security-admin"])
            let dana = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            let imported = try await client.send(
                .post, "/v1/policies/import", token: dana, body: .raw(HivePolicies.json(service: "acme-hive"), contentType: "application/json"))
            #expect(imported.status == 200, "\(imported.text)")

            var browser = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)
            let services = try await browser.get("/console/t/acme/policies")
            #expect(services.status == 200 && services.text.contains(">acme-hive</a>"))
            let listed = try await browser.get("/console/t/acme/policies?service=acme-hive")
            #expect(listed.text.contains(">analysts read sales</a>") && listed.text.contains("New policy"), "\(listed.text)")

            let template = try await browser.get("/console/t/acme/policies/new?service=acme-hive&as=json")
            #expect(template.status == 200 && template.text.contains("&quot;database&quot;") && template.text.contains("&quot;select&quot;"))
            #expect(try await browser.get("/console/t/acme/policies/new?service=nothing").status == 404)
            let csrf = try #require(Self.hidden("csrf", in: template.text))

            let document = """
                {"service": "acme-hive", "name": "console made", "policyType": 0,
                 "resources": {"database": {"values": ["finance"]}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
                 "policyItems": [{"users": ["dana"], "accesses": [{"type": "select", "isAllowed": true}]}],
                 "denyPolicyItems": [{"groups": ["contractors"], "accesses": [{"type": "select", "isAllowed": true}]}]}
                """
            #expect(try await browser.post("/console/t/acme/policies", ["document": document]).status == 403)
            let malformed = try await browser.post("/console/t/acme/policies", ["csrf": csrf, "document": "{not json"])
            #expect(malformed.status == 400 && malformed.text.contains("role=\"alert\"") && malformed.text.contains("{not json"))
            let badAccess = document.replacingOccurrences(
                of: "\"type\": \"select\", \"isAllowed\": true}]}],\n \"denyPolicyItems\"", with: "\"type\": \"drop\"}]}],\n \"denyPolicyItems\"")
            let invalid = try await browser.post("/console/t/acme/policies", ["csrf": csrf, "document": badAccess])
            #expect(invalid.status == 422 && invalid.text.contains("policyItems[0].accesses[0].type"), "\(invalid.text)")

            let created = try await browser.post("/console/t/acme/policies", ["csrf": csrf, "document": document])
            #expect(created.status == 303, "\(created.text)")
            let policyPath = try #require(created.headers[.location]).replacingOccurrences(of: "?done=created", with: "")
            let id = String(try #require(policyPath.split(separator: "/").last))
            let stored = try await client.send(.get, "/v1/policies/\(id)", token: dana)
            #expect(try stored.string("name") == "console made", "the API sees the console's policy")
            let page = try await browser.get(policyPath)
            #expect(page.text.contains("<h3>Deny</h3>") && page.text.contains("group contractors") && page.text.contains("user dana"), "\(page.text)")
            let version = try #require(Self.hidden("version", in: page.text))

            // Someone else saves first: the page's version no longer matches.
            var changed = try JSONSerialization.jsonObject(with: Data(stored.text.utf8)) as? [String: Any] ?? [:]
            changed["description"] = "changed through the API"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
            #expect(try await client.send(.put, "/v1/policies/\(id)", token: dana, body: .raw(body, contentType: "application/json")).status == 200)
            let stale = try await browser.post(policyPath, ["csrf": csrf, "version": version, "document": document])
            #expect(stale.status == 412 && stale.text.contains("role=\"alert\""), "\(stale.text)")
            let fresh = try #require(Self.hidden("version", in: try await browser.get(policyPath).text))
            let saved = try await browser.post(
                policyPath, ["csrf": csrf, "version": fresh, "document": document.replacingOccurrences(of: "finance", with: "treasury")])
            #expect(saved.status == 303 && saved.headers[.location] == "\(policyPath)?done=saved")
            #expect(try await client.send(.get, "/v1/policies/\(id)", token: dana).text.contains("treasury"))

            let export = try await browser.get("/console/t/acme/policies/export?service=acme-hive")
            #expect(export.status == 200 && export.headers[.contentDisposition]?.contains("acme-hive.json") == true)
            #expect(export.text.contains("\"console made\""))

            // Under four eyes the editor's writes wait for a change approver.
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["changeApproval": true])).status == 200)
            let current = try #require(Self.hidden("version", in: try await browser.get(policyPath).text))
            let held = try await browser.post("\(policyPath)/delete", ["csrf": csrf, "version": current])
            #expect(held.headers[.location] == "/console/t/acme/policies?done=held")
            #expect(try await client.send(.get, "/v1/policies/\(id)", token: dana).status == 200, "not deleted yet")
            let pending = try await client.send(.get, "/v1/change-requests", token: adminToken).json()["items"] as? [[String: Any]]
            #expect(pending?.first?["subject"] as? String == "policy" && pending?.first?["operation"] as? String == "delete", "\(pending ?? [])")
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["changeApproval": false])).status == 200)
            let deleted = try await browser.post("\(policyPath)/delete", ["csrf": csrf, "version": current])
            #expect(
                deleted.status == 303 && deleted.headers[.location] == "/console/t/acme/policies?service=acme%2Dhive&done=deleted", "\(deleted.text)")
            #expect(try await client.send(.get, "/v1/policies/\(id)", token: dana).status == 404)

            // An auditor reads policies but has no editor.
            _ = try await client.send(
                .post, "/v1/users", token: adminToken, body: .json(["username": "ada", "password": Self.password, "roles": ["auditor"]]))
            var ada = try await Self.signIn(client, tenant: "acme", username: "ada", password: Self.password)
            let link = try #require(listed.text.firstMatch(of: try Regex("/console/t/acme/policies/([0-9]+)")))
            let first = try #require(link.output[1].substring)
            let readOnly = try await ada.get("/console/t/acme/policies/\(first)")
            #expect(readOnly.status == 200 && !readOnly.text.contains("<textarea") && readOnly.text.contains("<pre class=\"document\">"))
            #expect(
                try await ada.post("/console/t/acme/policies/\(first)/delete", ["csrf": try #require(Self.hidden("csrf", in: readOnly.text))]).status
                    == 404)
        }
    }

    /// A Ranger export imported from the console's form, through the API's use case: the service
    /// appears with its policies; a bad export comes back with the error and what was pasted;
    /// four eyes refuse a whole-service import.
    @Test func securityAdminsImportARangerExportInTheConsole() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["security-admin"])
            var browser = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)
            let empty = try await browser.get("/console/t/acme/policies")
            #expect(empty.text.contains("Import a Ranger export") && empty.text.contains("<script src=\"/console/assets/import.js\" defer>"))
            let csrf = try #require(Self.hidden("csrf", in: empty.text))
            let export = HivePolicies.json(service: "acme-hive")
            #expect(try await browser.post("/console/t/acme/policies/import", ["export": export]).status == 403)
            let blank = try await browser.post("/console/t/acme/policies/import", ["csrf": csrf, "export": "  "])
            #expect(blank.status == 422 && blank.text.contains("paste a Ranger export"))
            let broken = try await browser.post("/console/t/acme/policies/import", ["csrf": csrf, "export": "{\"service\": 42"])
            #expect(
                broken.status == 400 && broken.text.contains("role=\"alert\"") && broken.text.contains("{&quot;service&quot;: 42"), "\(broken.text)")

            let imported = try await browser.post("/console/t/acme/policies/import", ["csrf": csrf, "export": export])
            #expect(imported.status == 303 && imported.headers[.location] == "/console/t/acme/policies?service=acme%2Dhive&done=imported")
            let listed = try await browser.get(try #require(imported.headers[.location]))
            #expect(listed.text.contains("The Ranger export was imported") && listed.text.contains(">analysts read sales</a>"), "\(listed.text)")
            let dana = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            let policies = try await client.send(.get, "/v1/policies?service=acme-hive", token: dana).json()["items"] as? [[String: Any]]
            #expect((policies?.count ?? 0) > 0, "the API sees the console's import")

            #expect(try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["changeApproval": true])).status == 200)
            let refused = try await browser.post("/console/t/acme/policies/import", ["csrf": csrf, "export": export])
            #expect(refused.status == 409 && refused.text.contains("four eyes"), "\(refused.status)")

            // An auditor reads policies but is offered no import.
            _ = try await client.send(
                .post, "/v1/users", token: adminToken, body: .json(["username": "ada", "password": Self.password, "roles": ["auditor"]]))
            var ada = try await Self.signIn(client, tenant: "acme", username: "ada", password: Self.password)
            #expect(!(try await ada.get("/console/t/acme/policies")).text.contains("Import a Ranger export"))
            #expect(try await ada.post("/console/t/acme/policies/import", ["csrf": csrf, "export": export]).status == 404)
        }
    }
}
