// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// The policy editor as a form: a policy made and changed field by field, through the API's use
/// case (its validation, version precondition and four eyes), without JavaScript (rows are added
/// by posting the form), and without losing what the form does not show.
extension ConsoleTests {
    @Test func securityAdminsWritePoliciesFieldByField() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["security-admin"])
            let dana = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            let imported = try await client.send(
                .post, "/v1/policies/import", token: dana, body: .raw(HivePolicies.json(service: "acme-hive"), contentType: "application/json"))
            #expect(imported.status == 200, "\(imported.text)")
            var browser = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)

            // An empty access policy: the service's resources in level order, one allow item.
            let blank = try await browser.get("/console/t/acme/policies/new?service=acme-hive")
            #expect(blank.status == 200 && blank.text.contains("<h1>New access policy</h1>"), "\(blank.text)")
            #expect(blank.text.contains("for=\"f-resource-0\">database") && blank.text.contains("for=\"f-resource-2\">column (under table)"))
            #expect(blank.text.contains("<legend>Allow item 1</legend>") && !blank.text.contains("<legend>Deny item 1</legend>"))
            #expect(blank.text.contains("name=\"allow.0.access.0\"> select</label>"), "access boxes in the definition's order")
            #expect(try await browser.get("/console/t/acme/policies/new?service=nothing").status == 404)
            let csrf = try #require(Self.hidden("csrf", in: blank.text))
            let definition = try #require(Self.hidden("definition", in: blank.text))

            var fields = [
                "csrf": csrf, "definition": definition, "service": "acme-hive", "policyType": "0", "name": "  form made ", "enabled": "on",
                "resource.0.values": "finance, treasury", "resource.1.values": "*", "resource.2.values": "*",
                "allow.0.present": "1", "allow.0.users": "dana", "allow.0.groups": "analysts", "allow.0.access.0": "on",
            ]
            // Adding a deny item posts the form and draws it again, as typed, with the new row.
            var adding = fields
            adding["add"] = "deny"
            let withDeny = try await browser.post("/console/t/acme/policies/new", adding)
            #expect(withDeny.status == 200 && withDeny.text.contains("<legend>Deny item 1</legend>"), "\(withDeny.text)")
            #expect(withDeny.text.contains(">finance, treasury</textarea>") && withDeny.text.contains("value=\"  form made \""))
            #expect(try await client.send(.get, "/v1/policies?service=acme-hive", token: dana).text.contains("form made") == false)

            fields["deny.0.present"] = "1"
            fields["deny.0.groups"] = "contractors"
            fields["schedule.0.present"] = "1"
            fields["schedule.0.start"] = "2026/01/01 00:00:00"
            fields["schedule.0.end"] = "2036/01/01 00:00:00"
            fields["schedule.0.zone"] = "Europe/Berlin"
            #expect(try await browser.post("/console/t/acme/policies/new", fields.filter { $0.key != "csrf" }).status == 403)
            // A deny item naming nobody's access is refused by the API's validator, and kept as typed.
            let refused = try await browser.post("/console/t/acme/policies/new", fields)
            #expect(
                refused.status == 422 && refused.text.contains("role=\"alert\"") && refused.text.contains("denyPolicyItems[0]"), "\(refused.text)")
            #expect(refused.text.contains(">contractors</textarea>") && refused.text.contains("value=\"Europe/Berlin\""))

            fields["deny.0.access.1"] = "on"
            // A form drawn from another version of the service definition is not read: its
            // fields are numbered by that definition's order.
            var outdated = fields
            outdated["definition"] = "0"
            #expect(try await browser.post("/console/t/acme/policies/new", outdated).status == 409)
            let created = try await browser.post("/console/t/acme/policies/new", fields)
            #expect(created.status == 303, "\(created.text)")
            let policyPath = try #require(created.headers[.location]).replacingOccurrences(of: "?done=created", with: "")
            let id = String(try #require(policyPath.split(separator: "/").last))
            let stored = try await client.send(.get, "/v1/policies/\(id)", token: dana).json()
            #expect(stored["name"] as? String == "form made")
            let resources = stored["resources"] as? [String: [String: Any]]
            #expect(resources?["database"]?["values"] as? [String] == ["finance", "treasury"], "\(stored)")
            let allow = (stored["policyItems"] as? [[String: Any]])?.first
            #expect(allow?["users"] as? [String] == ["dana"] && allow?["groups"] as? [String] == ["analysts"])
            #expect((allow?["accesses"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["select"])
            let deny = (stored["denyPolicyItems"] as? [[String: Any]])?.first
            #expect(deny?["groups"] as? [String] == ["contractors"])
            #expect((deny?["accesses"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["update"])
            let window = (stored["validitySchedules"] as? [[String: Any]])?.first
            #expect(window?["timeZone"] as? String == "Europe/Berlin" && window?["endTime"] as? String == "2036/01/01 00:00:00")

            // The decision API agrees with what the form wrote.
            let decision = try await client.send(
                .post, "/v1/authorize", token: dana,
                body: .json([
                    "service": "acme-hive", "user": "dana", "accessType": "select",
                    "resource": ["database": "treasury", "table": "t", "column": "c"],
                ]))
            #expect(try decision.json()["allowed"] as? Bool == true, "\(decision.text)")

            // What the form does not show survives a save in the form.
            var document =
                try JSONSerialization.jsonObject(with: Data(try await client.send(.get, "/v1/policies/\(id)", token: dana).text.utf8))
                as? [String: Any] ?? [:]
            document["policyLabels"] = ["quarterly"]
            let body = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            #expect(try await client.send(.put, "/v1/policies/\(id)", token: dana, body: .raw(body, contentType: "application/json")).status == 200)

            let edit = try await browser.get("\(policyPath)/edit")
            #expect(edit.status == 200 && edit.text.contains("<h1>Edit form made</h1>"), "\(edit.text)")
            #expect(edit.text.contains("name=\"allow.0.access.0\" checked> select") && edit.text.contains("value=\"2036/01/01 00:00:00\""))
            let version = try #require(Self.hidden("version", in: edit.text))
            var saving = fields.filter { !$0.key.hasPrefix("service") && $0.key != "policyType" }
            saving["version"] = version
            saving["allow.0.users"] = "dana, erin"
            saving["deny.0.remove"] = "on"
            saving["schedule.0.remove"] = "on"
            var versionless = saving
            versionless["version"] = nil
            #expect(try await browser.post("\(policyPath)/edit", versionless).status == 412, "a save without a version is refused")
            let saved = try await browser.post("\(policyPath)/edit", saving)
            #expect(saved.status == 303 && saved.headers[.location] == "\(policyPath)?done=saved", "\(saved.text)")
            let after = try await client.send(.get, "/v1/policies/\(id)", token: dana).json()
            #expect((after["policyItems"] as? [[String: Any]])?.first?["users"] as? [String] == ["dana", "erin"])
            #expect((after["denyPolicyItems"] as? [Any])?.isEmpty == true && (after["validitySchedules"] as? [Any])?.isEmpty == true)
            #expect(after["policyLabels"] as? [String] == ["quarterly"], "kept from the stored document: \(after)")
            // The page's version is now stale.
            let stale = try await browser.post("\(policyPath)/edit", saving)
            #expect(stale.status == 412 && stale.text.contains("role=\"alert\"") && stale.text.contains(">dana, erin</textarea>"), "\(stale.text)")

            // A masking policy: the mask definition's resources, its mask types.
            let masking = try await browser.get("/console/t/acme/policies/new?service=acme-hive&type=1")
            #expect(masking.text.contains("<h1>New masking policy</h1>") && masking.text.contains("<option value=\"MASK_SHOW_LAST_4\">"))
            #expect(masking.text.contains("<legend>Mask 1</legend>") && !masking.text.contains("Deny everyone"))
            let masked = try await browser.post(
                "/console/t/acme/policies/new",
                [
                    "csrf": csrf, "definition": definition, "service": "acme-hive", "policyType": "1", "name": "last four of iban", "enabled": "on",
                    "resource.0.values": "finance", "resource.1.values": "accounts", "resource.2.values": "iban",
                    "masks.0.present": "1", "masks.0.groups": "analysts", "masks.0.access.0": "on", "masks.0.maskType": "MASK_SHOW_LAST_4",
                ])
            #expect(masked.status == 303, "\(masked.text)")
            let maskID = String(try #require(masked.headers[.location]?.split(separator: "/").last?.split(separator: "?").first))
            let mask = try await client.send(.get, "/v1/policies/\(maskID)", token: dana).json()
            let info = (mask["dataMaskPolicyItems"] as? [[String: Any]])?.first?["dataMaskInfo"] as? [String: Any]
            #expect(mask["policyType"] as? Int == 1 && info?["dataMaskType"] as? String == "MASK_SHOW_LAST_4", "\(mask)")

            // Under four eyes a form's save waits for a change approver.
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["changeApproval": true])).status == 200)
            let current: String = try #require(Self.hidden("version", in: try await browser.get("\(policyPath)/edit").text))
            saving["version"] = current
            saving["name"] = "held back"
            let held = try await browser.post("\(policyPath)/edit", saving)
            #expect(held.headers[.location] == "/console/t/acme/policies?done=held", "\(held.text)")
            #expect(try await client.send(.get, "/v1/policies/\(id)", token: dana).string("name") == "form made")

            // An auditor reads policies but has no form.
            _ = try await client.send(
                .post, "/v1/users", token: adminToken, body: .json(["username": "ada", "password": Self.password, "roles": ["auditor"]]))
            var ada = try await Self.signIn(client, tenant: "acme", username: "ada", password: Self.password)
            let readOnly = try await ada.get(policyPath)
            #expect(readOnly.status == 200 && !readOnly.text.contains("Edit in the form"))
            #expect(try await ada.get("\(policyPath)/edit").status == 404)
            #expect(try await ada.get("/console/t/acme/policies/new?service=acme-hive").status == 404)
            let adaToken = try #require(Self.hidden("csrf", in: readOnly.text))
            #expect(try await ada.post("\(policyPath)/edit", ["csrf": adaToken, "name": "x"]).status == 404)
        }
    }
}
