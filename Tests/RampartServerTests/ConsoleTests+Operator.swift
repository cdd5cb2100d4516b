// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// The operator's console at `/console`: its own sign-in and cookie, the tenants listed, one
/// created with a generated administrator password shown once, renamed and suspended, through the
/// same use cases as `/v1/tenants`; tenant sessions open none of it and it opens no tenant page.
extension ConsoleTests {
    @Test func theOperatorRunsTenantsFromTheConsole() async throws {
        try await TestServer.withServer(.sqlite) { client in
            _ = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            var op = Browser(client: client)
            let anonymous = try await op.get("/console")
            #expect(anonymous.status == 303 && anonymous.headers[.location] == "/console/sign-in")
            let form = try await op.get("/console/sign-in")
            #expect(form.status == 200 && form.text.contains("Sign in as the operator"))
            let csrf = try #require(Self.hidden("csrf", in: form.text))
            let wrong = try await op.post("/console/sign-in", ["csrf": csrf, "username": "operator", "password": "not-the-password"])
            #expect(wrong.status == 401 && wrong.text.contains("The username or password is wrong."))
            #expect(try await op.post("/console/sign-in", ["username": "operator", "password": TestServer.operatorPassword]).status == 403)
            let signedIn = try await op.post("/console/sign-in", ["csrf": csrf, "username": "operator", "password": TestServer.operatorPassword])
            #expect(signedIn.status == 303 && signedIn.headers[.location] == "/console", "\(signedIn.text)")
            let cookie = try #require(Self.setCookie("rampart_console_operator", in: signedIn))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/console"))

            let tenants = try await op.get("/console")
            #expect(tenants.status == 200 && tenants.text.contains(">acme</a>") && tenants.text.contains("New tenant"))
            let token = try #require(Self.hidden("csrf", in: tenants.text))
            #expect(try await op.post("/console/tenants", ["slug": "globex", "displayName": "Globex"]).status == 403)
            let badSlug = try await op.post("/console/tenants", ["csrf": token, "slug": "Not A Slug", "displayName": "Globex"])
            #expect(badSlug.status == 422 && badSlug.text.contains("value=\"Not A Slug\""), "the form comes back as typed")
            #expect(try await op.post("/console/tenants", ["csrf": token, "slug": "acme", "displayName": "Again"]).status == 409)
            let created = try await op.post(
                "/console/tenants", ["csrf": token, "slug": "globex", "displayName": "Globex Corp", "adminUsername": "gina"])
            #expect(created.status == 200 && created.headers[.cacheControl] == "no-store", "\(created.text)")
            let password = try #require(Self.attribute("id=\"admin-password\" type=\"text\" readonly value", in: created.text))
            #expect(try await client.login(tenant: "globex", username: "gina", password: password).status == 200, "the shown password works")

            // Renamed and suspended: its people are refused until it is reactivated.
            let row = try #require(try await op.get("/console").text.firstMatch(of: try Regex("/console/tenants/([0-9a-f-]{36})\">globex")))
            let path = "/console/tenants/\(try #require(row.output[1].substring))"
            let page = try await op.get(path)
            #expect(page.status == 200 && page.text.contains("Tenant globex"))
            let saved = try await op.post(path, ["csrf": token, "displayName": "Globex International", "status": "suspended"])
            #expect(saved.status == 303 && saved.headers[.location] == "\(path)?done=updated")
            #expect(try await client.login(tenant: "globex", username: "gina", password: password).status != 200)
            #expect(try await op.post(path, ["csrf": token, "displayName": "", "status": "active"]).status == 422)
            #expect(try await op.post(path, ["csrf": token, "displayName": "Globex", "status": "gone"]).status == 422)
            #expect(try await op.get("/console/tenants/not-an-id").status == 404)

            // A tenant's console session is no operator's, and the operator's opens no tenant page.
            var dana = try await Self.signIn(client, tenant: "acme", username: "dana", password: Self.password)
            #expect(try await dana.get("/console").headers[.location] == "/console/sign-in")
            #expect(try await op.get("/console/t/acme").headers[.location] == "/console/t/acme/sign-in")

            let out = try await op.post("/console/sign-out", ["csrf": token])
            #expect(out.status == 303 && Self.setCookie("rampart_console_operator", in: out)?.contains("Max-Age=0") == true)
            #expect(try await op.get("/console").headers[.location] == "/console/sign-in")
        }
    }
}
