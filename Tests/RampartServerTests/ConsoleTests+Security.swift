// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Security in the console: events filtered by kind, alert rules (the webhook's signing secret
/// shown once) and the tenant's settings, each through the API's use case.
extension ConsoleTests {
    @Test func adminsWatchEventsAndSetAlertsAndSettings() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["auditor"])
            var admin = try await Self.signIn(client, tenant: "acme", username: "admin", password: Self.adminPassword)
            // Signed in before the tenant comes to require a second factor below.
            var dana = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)

            let all = try await admin.get("/console/t/acme/security")
            // Each first sign-in from a browser is a new device and a new network.
            #expect(all.status == 200 && all.text.contains("<td>network.new</td>") && all.text.contains("New alert rule"), "\(all.text)")
            let devices = try await admin.get("/console/t/acme/security?kind=device.new")
            #expect(devices.text.contains("<td>device.new</td>") && !devices.text.contains("<td>network.new</td>"))
            let csrf = try #require(Self.hidden("csrf", in: all.text))

            // A webhook rule: its signing secret on the answer only.
            #expect(
                try await admin.post("/console/t/acme/security/alert-rules", ["name": "pager", "url": "https://alerts.example.com/hook"]).status
                    == 403)
            let nowhere = try await admin.post("/console/t/acme/security/alert-rules", ["csrf": csrf, "name": "nowhere"])
            #expect(nowhere.status == 422 && nowhere.text.contains("role=\"alert\""))
            let mail = try await admin.post("/console/t/acme/security/alert-rules", ["csrf": csrf, "name": "mail", "emails": "sec@acme.com"])
            #expect(mail.status == 403 && mail.text.contains("no SMTP server"), "this test server has no mail server")
            #expect(mail.text.contains("value=\"sec@acme.com\""), "the form comes back as typed")
            let created = try await admin.post(
                "/console/t/acme/security/alert-rules",
                ["csrf": csrf, "name": "pager", "url": "https://alerts.example.com/hook", "kinds[]": "login.failed"])
            #expect(created.status == 200 && created.headers[.cacheControl] == "no-store", "\(created.text)")
            let secret = try #require(
                created.text.range(of: "id=\"secret\" type=\"text\" readonly value=\"").map { created.text[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(secret.count >= 40)
            let rules = try await client.send(.get, "/v1/security/alert-rules", token: adminToken).json()["items"] as? [[String: Any]] ?? []
            let rule = try #require(rules.first)
            #expect(rule["name"] as? String == "pager" && rule["kinds"] as? [String] == ["login.failed"], "\(rules)")
            let listed = try await admin.get("/console/t/acme/security")
            #expect(listed.text.contains("<td>pager</td><td>login.failed</td>") && !listed.text.contains(String(secret)))
            let deleted = try await admin.post("/console/t/acme/security/alert-rules/\(try #require(rule["id"] as? String))/delete", ["csrf": csrf])
            #expect(deleted.status == 303)
            #expect((try await client.send(.get, "/v1/security/alert-rules", token: adminToken).json()["items"] as? [Any])?.isEmpty == true)

            // Settings: the form shows and saves what the API does.
            let settings = try await admin.get("/console/t/acme/settings")
            #expect(settings.status == 200 && settings.text.contains("(the server&#39;s default)"), "\(settings.text)")
            #expect(try await admin.post("/console/t/acme/settings", ["csrf": csrf, "accessRequestMaximumMinutes": "0"]).status == 422)
            let saved = try await admin.post(
                "/console/t/acme/settings", ["csrf": csrf, "mfaRequired": "on", "changeApproval": "on", "accessRequestMaximumMinutes": "480"])
            #expect(saved.status == 303 && saved.headers[.location] == "/console/t/acme/settings?done=saved")
            let stored = try await client.send(.get, "/v1/tenant/settings", token: adminToken).json()
            #expect(stored["mfaRequired"] as? Bool == true && stored["changeApproval"] as? Bool == true, "\(stored)")
            #expect(stored["accessRequestMaximumSeconds"] as? Int == 28_800)
            // A cap the form cannot show exactly (90 s as 1 minute) survives a save that leaves it as shown.
            #expect(
                try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["accessRequestMaximumSeconds": 90])).status
                    == 200)
            let shown = try await admin.get("/console/t/acme/settings")
            #expect(shown.text.contains("name=\"accessRequestMaximumShown\" value=\"1\""))
            // Unticked boxes turn the settings off; four eyes going off is a security event.
            #expect(
                try await admin.post(
                    "/console/t/acme/settings",
                    ["csrf": csrf, "mfaRequired": "on", "accessRequestMaximumMinutes": "1", "accessRequestMaximumShown": "1"]
                ).status == 303)
            #expect(try await client.send(.get, "/v1/tenant/settings", token: adminToken).json()["accessRequestMaximumSeconds"] as? Int == 90)
            #expect(try await client.send(.get, "/v1/tenant/settings", token: adminToken).json()["changeApproval"] as? Bool == false)
            #expect(try await admin.get("/console/t/acme/security?kind=change.approval_disabled").text.contains("<td>change.approval_disabled</td>"))

            // The login throttle in its own form: every number shown as it applies, seconds exact to the millisecond.
            let throttlePage = try await admin.get("/console/t/acme/settings")
            var throttle: [String: String] = ["csrf": csrf]
            for name in [
                "account.threshold", "account.window", "account.baseDelay", "account.maxDelay", "sourceIP.threshold", "sourceIP.window",
                "sourceIP.blockDuration", "sourceIP.maxBlockDuration", "sourceIP.strikeMemory", "sourceIP.ipv6Prefix", "tenant.threshold",
                "tenant.window", "tenant.baseDelay", "tenant.maxDelay",
            ] {
                let value = Self.attribute("name=\"\(name)\" type=\"text\" inputmode=\"decimal\" required value", in: throttlePage.text)
                let shown: String = try #require(value, "the form shows \(name)")
                throttle[name] = shown
            }
            #expect(throttle["account.threshold"] == "5" && throttle["account.window"] == "900", "the server's default: \(throttle)")
            throttle["account.threshold"] = "3"
            throttle["account.baseDelay"] = "0.25"
            let savedThrottle = try await admin.post("/console/t/acme/settings/throttle", throttle)
            #expect(savedThrottle.headers[.location] == "/console/t/acme/settings?done=throttle-saved", "\(savedThrottle.text)")
            let account = try #require(
                (try await client.send(.get, "/v1/tenant/settings", token: adminToken).json()["loginThrottle"] as? [String: Any])?["account"]
                    as? [String: Any])
            #expect(account["threshold"] as? Int == 3 && account["baseDelay"] as? Int == 250 && account["window"] as? Int == 900_000, "\(account)")
            let own = try await admin.get("/console/t/acme/settings")
            #expect(own.text.contains("(this tenant&#39;s own)") && own.text.contains("value=\"0.25\""))
            for (field, value) in [
                ("account.threshold", "0"), ("account.window", "1e9"), ("sourceIP.ipv6Prefix", "12.5"), ("tenant.maxDelay", "99999999999"),
            ] {
                let refused = try await admin.post("/console/t/acme/settings/throttle", throttle.merging([field: value]) { $1 })
                #expect(refused.status == 422, "\(field)=\(value): \(refused.status)")
                // The message names the field as the form does, and the field points at it.
                let id = "throttle-" + field.replacingOccurrences(of: ".", with: "-")
                #expect(refused.text.contains("id=\"\(id)\" name=\"\(field)\""), "\(field)")
                #expect(refused.text.contains("value=\"\(value)\" aria-invalid=\"true\" aria-describedby=\"throttle-error\""), "\(field)")
                #expect(refused.text.contains("id=\"throttle-error\""))
                #expect(refused.text.contains("value=\"\(value)\""), "the form comes back as typed")
            }
            #expect(try await admin.post("/console/t/acme/settings/throttle", throttle.merging(["csrf": "forged"]) { $1 }).status == 403)
            let reset = try await admin.post("/console/t/acme/settings/throttle", ["csrf": csrf, "reset": "1"])
            #expect(reset.status == 303)
            #expect(try await admin.get("/console/t/acme/settings").text.contains("(the server&#39;s default)"))

            // An auditor reads events, but neither rules nor settings.
            let events = try await dana.get("/console/t/acme/security")
            #expect(events.status == 200 && !events.text.contains("New alert rule"))
            let danaCSRF = try #require(Self.hidden("csrf", in: events.text))
            #expect(
                try await dana.post("/console/t/acme/security/alert-rules", ["csrf": danaCSRF, "name": "x", "url": "https://alerts.example.com/x"])
                    .status == 404)
            #expect(try await dana.get("/console/t/acme/settings").status == 404)
        }
    }
}
