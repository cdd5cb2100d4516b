// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// The console over real HTTP: a browser's cookies kept by hand, forms posted as a browser posts them.
@Suite struct ConsoleTests {
    static let password = "quiet-river-passphrase-1"

    /// A browser's cookie jar and the form tokens of the pages it loaded.
    struct Browser {
        let client: APIClient
        var cookies: [String: String] = [:]

        mutating func get(_ path: String) async throws -> APIClient.Reply {
            let reply = try await client.send(.get, path, headers: cookieHeader())
            keep(reply)
            return reply
        }

        mutating func post(_ path: String, _ form: [String: String]) async throws -> APIClient.Reply {
            var headers = cookieHeader()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            let reply = try await client.send(.post, path, body: .raw(body, contentType: nil), headers: headers)
            keep(reply)
            return reply
        }

        private func cookieHeader() -> HTTPFields {
            cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
        }

        private mutating func keep(_ reply: APIClient.Reply) {
            for header in reply.headers[values: .setCookie] {
                guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<equals])
                let value = String(pair[pair.index(after: equals)...])
                if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
            }
        }
    }

    /// The value of the hidden input `name` in a page.
    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = page[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The value of the first attribute `name` in a page.
    static func attribute(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "\(name)=\"") else { return nil }
        let rest = page[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func setCookie(_ name: String, in reply: APIClient.Reply) -> String? {
        reply.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    @Test(arguments: TestEngine.available)
    func signInSeeTheDashboardAndSignOut(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let operatorToken = try await client.loginOperator()
            _ = try await client.makeTenant("acme", operatorToken: operatorToken, adminPassword: Self.password)
            var browser = Browser(client: client)

            let page = try await browser.get("/console/t/acme/sign-in")
            #expect(page.status == 200)
            #expect(page.contentType == "text/html; charset=utf-8")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"))
            // No inline script or style: the one script is the console's own file, served with a script's type.
            let scripts = page.text.components(separatedBy: "<script").dropFirst()
            #expect(scripts.map { $0.prefix(while: { $0 != ">" }) } == [" src=\"/console/assets/signals.js\" defer"])
            #expect(!page.text.contains("style="))
            let script = try await browser.get("/console/assets/signals.js")
            #expect(script.status == 200 && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("crypto.subtle.digest(\"SHA-256\"") && script.text.contains("rampart_signals="))
            let formToken = try #require(Self.hidden("csrf", in: page.text))
            #expect(browser.cookies["rampart_console_sign_in"] == formToken)

            let signedIn = try await browser.post("/console/t/acme/sign-in", ["csrf": formToken, "username": "admin", "password": Self.password])
            #expect(signedIn.status == 303)
            #expect(signedIn.headers[.location] == "/console/t/acme")
            let cookie = try #require(Self.setCookie("rampart_console", in: signedIn))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/console"))

            let dashboard = try await browser.get("/console/t/acme")
            #expect(dashboard.status == 200, "\(dashboard.text)")
            // A tenant admin sees datasources, security and audit; policies are the security admin's.
            for heading in ["Acme", "Datasources", "Security events, last 24 hours", "Audit log", "No signed checkpoint yet", "Sign out"] {
                #expect(dashboard.text.contains(heading), "the dashboard shows \(heading)")
            }
            #expect(!dashboard.text.contains("Policies"))
            // The sign-in is in the tenant's audit log like the API's.
            let adminToken = try await client.login(tenant: "acme", username: "admin", password: Self.password).string("token")
            let records = try await client.send(.get, "/v1/audit/records?limit=200", token: adminToken).json()["items"] as? [[String: Any]]
            let signIns = (records ?? []).filter { ($0["path"] as? String) == "/console/t/acme/sign-in" }
            #expect(
                signIns.contains {
                    $0["operation"] as? String == "POST /console/t/acme/sign-in" && ($0["details"] as? String)?.contains("login.succeeded") == true
                }, "\(signIns)")

            // Signing out takes the page's token; without it nothing happens.
            let sessionToken = try #require(Self.hidden("csrf", in: dashboard.text))
            let forged = try await browser.post("/console/t/acme/sign-out", [:])
            #expect(forged.status == 403)
            #expect(try await browser.get("/console/t/acme").status == 200)
            let replayed = browser.cookies["rampart_console"]
            let out = try await browser.post("/console/t/acme/sign-out", ["csrf": sessionToken])
            #expect(out.status == 303)
            #expect(out.headers[.location] == "/console/t/acme/sign-in")
            #expect(browser.cookies["rampart_console"] == nil)
            // The session is gone, not only the cookie: replaying it signs nobody in.
            browser.cookies["rampart_console"] = replayed
            let after = try await browser.get("/console/t/acme")
            #expect(after.status == 303)
            #expect(after.headers[.location] == "/console/t/acme/sign-in")
        }
    }

    @Test func wrongPasswordsForgedFormsAndOtherTenants() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let operatorToken = try await client.loginOperator()
            _ = try await client.makeTenant("acme", operatorToken: operatorToken, adminPassword: Self.password)
            _ = try await client.makeTenant("globex", operatorToken: operatorToken, adminPassword: Self.password)
            var browser = Browser(client: client)
            let page = try await browser.get("/console/t/acme/sign-in")
            let formToken = try #require(Self.hidden("csrf", in: page.text))

            // A form posted without the sign-in cookie (from another site) is refused unread.
            var stranger = Browser(client: client)
            let forged = try await stranger.post("/console/t/acme/sign-in", ["csrf": formToken, "username": "admin", "password": Self.password])
            #expect(forged.status == 403)
            #expect(Self.setCookie("rampart_console", in: forged) == nil)

            // A wrong password: the form again, the name escaped.
            let wrong = try await browser.post(
                "/console/t/acme/sign-in", ["csrf": formToken, "username": "<script>alert(1)</script>", "password": "nope"])
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("The username or password is wrong."))
            #expect(wrong.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !wrong.text.contains("<script>alert"))

            // Signed in to acme, every page of globex, and of a tenant that does not exist, is 404.
            let signedIn = try await browser.post("/console/t/acme/sign-in", ["csrf": formToken, "username": "admin", "password": Self.password])
            #expect(signedIn.status == 303)
            #expect(try await browser.get("/console/t/globex").status == 404)
            #expect(try await browser.get("/console/t/no-such-tenant").status == 404)
            #expect(try await browser.get("/console/t/NOT%20A%20SLUG").status == 404)
            #expect(try await browser.get("/console/t/acme").status == 200)
        }
    }

    /// "My sessions" lists the viewer's sessions and ends one with the page's token; ending the
    /// current one signs out. "Users" pages by id and needs `users:read`.
    @Test func sessionsAndUsers() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            let danaAPI = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            var browser = Browser(client: client)
            let formToken = try #require(Self.hidden("csrf", in: try await browser.get("/console/t/acme/sign-in").text))
            #expect(
                try await browser.post("/console/t/acme/sign-in", ["csrf": formToken, "username": "dana", "password": Self.password]).status
                    == 303)

            let page = try await browser.get("/console/t/acme/sessions")
            #expect(page.status == 200)
            #expect(page.text.contains("(this browser)"))
            let sessions = try await client.send(.get, "/v1/me/sessions", token: danaAPI).json()["items"] as? [[String: Any]] ?? []
            #expect(sessions.count == 2)
            let other = try #require(sessions.first { $0["current"] as? Bool == true }?["id"] as? String)
            let pageToken = try #require(Self.hidden("csrf", in: page.text))
            #expect(try await browser.post("/console/t/acme/sessions/\(other)/end", [:]).status == 403)
            #expect(try await client.send(.get, "/v1/me", token: danaAPI).status == 200)
            let ended = try await browser.post("/console/t/acme/sessions/\(other)/end", ["csrf": pageToken])
            #expect(ended.status == 303)
            #expect(ended.headers[.location] == "/console/t/acme/sessions?ended=1")
            #expect(try await client.send(.get, "/v1/me", token: danaAPI).status == 401)
            // Another person's session is not found, and stays.
            let adminSession = try #require(
                (try await client.send(.get, "/v1/me/sessions", token: adminToken).json()["items"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await browser.post("/console/t/acme/sessions/\(adminSession)/end", ["csrf": pageToken]).status == 404)
            #expect(try await client.send(.get, "/v1/me", token: adminToken).status == 200)

            // A plain user has no users page: not in the navigation, 404 by URL.
            #expect(!page.text.contains("/console/t/acme/users"))
            #expect(try await browser.get("/console/t/acme/users").status == 404)

            // Ending the current session signs out.
            let current = try #require(
                (try await browser.get("/console/t/acme/sessions").text.components(separatedBy: "/sessions/").dropFirst().first?.prefix(36))
                    .map(String.init))
            let out = try await browser.post("/console/t/acme/sessions/\(current)/end", ["csrf": pageToken])
            #expect(out.headers[.location] == "/console/t/acme/sign-in")
            #expect(try await browser.get("/console/t/acme").status == 303)

            // The admin sees the users, a page at a time after a cursor.
            var admin = Browser(client: client)
            let adminForm = try #require(Self.hidden("csrf", in: try await admin.get("/console/t/acme/sign-in").text))
            #expect(
                try await admin.post("/console/t/acme/sign-in", ["csrf": adminForm, "username": "admin", "password": "tenant-owner-passphrase-9"])
                    .status == 303)
            let users = try await admin.get("/console/t/acme/users")
            #expect(users.status == 200)
            #expect(users.text.contains(">admin</a></td>") && users.text.contains(">dana</a></td>"))
            #expect(users.text.contains("aria-current=\"page\""))
            let listed = try await client.send(.get, "/v1/users", token: adminToken).json()["items"] as? [[String: Any]] ?? []
            let firstID = try #require(listed.first?["id"] as? String)
            let firstName = try #require(listed.first?["username"] as? String)
            let after = try await admin.get("/console/t/acme/users?after=\(firstID)")
            #expect(after.status == 200)
            #expect(!after.text.contains(">\(firstName)</a></td>") && after.text.contains("<td>"))
        }
    }

    /// A tenant admin creates a user from the console through the API's use case: the same
    /// password policy, the same conflicts, the same audit record.
    @Test func anAdminCreatesAUser() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            var admin = Browser(client: client)
            let signIn = try #require(Self.hidden("csrf", in: try await admin.get("/console/t/acme/sign-in").text))
            #expect(
                try await admin.post("/console/t/acme/sign-in", ["csrf": signIn, "username": "admin", "password": "tenant-owner-passphrase-9"])
                    .status == 303)
            let form = try await admin.get("/console/t/acme/users/new")
            #expect(form.status == 200)
            let token = try #require(Self.hidden("csrf", in: form.text))
            let fields = ["username": "erin", "displayName": "Erin <O'Neil>", "email": "erin@example.com", "roles[]": "auditor"]

            #expect(try await admin.post("/console/t/acme/users", fields.merging(["password": "velvet-canyon-morning-44"]) { $1 }).status == 403)
            let weak = try await admin.post("/console/t/acme/users", fields.merging(["csrf": token, "password": "erin"]) { $1 })
            #expect(weak.status == 422)
            #expect(weak.text.contains("role=\"alert\"") && weak.text.contains("value=\"Erin &lt;O&#39;Neil&gt;\""))
            #expect(weak.text.contains("value=\"auditor\" checked"))
            let taken = try await admin.post(
                "/console/t/acme/users", fields.merging(["csrf": token, "username": "dana", "password": "velvet-canyon-morning-44"]) { $1 })
            #expect(taken.status == 422 && taken.text.contains("already exists"))

            let created = try await admin.post(
                "/console/t/acme/users", fields.merging(["csrf": token, "password": "velvet-canyon-morning-44"]) { $1 })
            #expect(created.status == 303)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/console/t/acme/users?created="))
            let list = try await admin.get(location)
            #expect(list.text.contains("User erin was created."))
            let erin = try await client.login(tenant: "acme", username: "erin", password: "velvet-canyon-morning-44")
            #expect(erin.status == 200)
            let me = try await client.send(.get, "/v1/me", token: try erin.string("token")).json()
            #expect(me["roles"] as? [String] == ["auditor"])
            // A link cannot make the page claim a user was created.
            #expect(!(try await admin.get("/console/t/acme/users?created=Mallory").text.contains("was created")))
            // The creation is audited like POST /v1/users.
            let records = try await client.send(.get, "/v1/audit/records?limit=200", token: adminToken).json()["items"] as? [[String: Any]] ?? []
            #expect(
                records.contains {
                    $0["operation"] as? String == "POST /console/t/acme/users" && $0["outcome"] as? String == "allowed" && $0["status"] as? Int == 303
                })

            // Without users:write there is no form.
            var dana = Browser(client: client)
            let danaForm = try #require(Self.hidden("csrf", in: try await dana.get("/console/t/acme/sign-in").text))
            _ = try await dana.post("/console/t/acme/sign-in", ["csrf": danaForm, "username": "dana", "password": Self.password])
            #expect(try await dana.get("/console/t/acme/users/new").status == 404)
        }
    }

    /// "Test a decision" answers as `POST /v1/authorize` does for the same question: allow,
    /// row filter, mask, deny; a resource that is not name=value lines is a form error.
    @Test func testADecision() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let f = try await TwoTenantFixture.make(client)
            var kim = Browser(client: client)
            let signIn = try #require(Self.hidden("csrf", in: try await kim.get("/console/t/tenant-a/sign-in").text))
            let signedIn = try await kim.post(
                "/console/t/tenant-a/sign-in", ["csrf": signIn, "username": "kim", "password": TwoTenantFixture.securityPassword])
            #expect(signedIn.status == 303)
            let page = try await kim.get("/console/t/tenant-a/decisions")
            #expect(page.status == 200)
            #expect(page.text.contains("<option value=\"\(f.a.service)\" selected>"))
            let token = try #require(Self.hidden("csrf", in: page.text))
            func decide(_ resource: String) async throws -> APIClient.Reply {
                try await kim.post(
                    "/console/t/tenant-a/decisions",
                    ["csrf": token, "service": f.a.service, "user": "bob", "resource": resource, "accessType": "select"])
            }
            let allowed = try await decide("database=sales\ntable=orders\ncolumn=total")
            #expect(allowed.status == 200)
            #expect(allowed.text.contains("Allowed") && allowed.text.contains("policy 1"))
            let filtered = try await decide("database=sales\r\ntable=orders")
            #expect(filtered.text.contains("region = &#39;EU&#39;"))
            let masked = try await decide("database = sales\ntable = customers\ncolumn = ssn")
            #expect(masked.text.contains("MASK_SHOW_LAST_4"))
            let denied = try await decide("database=hr\ntable=salaries\ncolumn=x")
            #expect(denied.text.contains("Denied") && !denied.text.contains("Allowed"))
            let malformed = try await decide("just words")
            #expect(malformed.status == 422 && malformed.text.contains("name=value"))
            #expect(try await kim.post("/console/t/tenant-a/decisions", ["service": f.a.service, "user": "bob"]).status == 403)
            // Every answer is a decision record in the audit log, as the API's are.
            let records =
                try await client.send(.get, "/v1/audit/records?limit=500", token: f.a.adminToken).json()["items"] as? [[String: Any]] ?? []
            #expect(records.filter { $0["path"] as? String == "/console/t/tenant-a/decisions" && $0["accessType"] as? String == "select" }.count == 4)
            // bob (user, auditor) may not ask: no page.
            var bob = Browser(client: client)
            let bobForm = try #require(Self.hidden("csrf", in: try await bob.get("/console/t/tenant-a/sign-in").text))
            _ = try await bob.post("/console/t/tenant-a/sign-in", ["csrf": bobForm, "username": "bob", "password": TwoTenantFixture.userPassword])
            #expect(try await bob.get("/console/t/tenant-a/decisions").status == 404)
        }
    }

    /// A tenant that requires a second factor: the console enrols the authenticator at sign-in,
    /// shows the recovery codes once, and the next sign-in asks for a code.
    @Test func aRequiredFactorIsEnrolledAtSignIn() async throws {
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: { $0.clock = clock }) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["mfaRequired": true])).status == 200)
            var browser = Browser(client: client)
            let formToken = try #require(Self.hidden("csrf", in: try await browser.get("/console/t/acme/sign-in").text))
            let enrol = try await browser.post("/console/t/acme/sign-in", ["csrf": formToken, "username": "dana", "password": Self.password])
            #expect(enrol.status == 200)
            #expect(enrol.text.contains("Set up your authenticator") && enrol.text.contains("<svg"))
            #expect(Self.setCookie("rampart_console", in: enrol) == nil)
            let challenge = try #require(Self.hidden("challenge", in: enrol.text))
            let keyStart = try #require(enrol.text.range(of: "Key: <code>"))
            let key = String(enrol.text[keyStart.upperBound...].prefix { $0 != "<" })
            let totp = try TOTP(secret: Secret(try #require(Base32.decode(key))))

            let wrong = try await browser.post("/console/t/acme/mfa/enrol", ["csrf": formToken, "challenge": challenge, "code": "000000"])
            #expect(wrong.status == 422)
            #expect(wrong.text.contains("That code is not right") && !wrong.text.contains("<svg"))
            let done = try await browser.post(
                "/console/t/acme/mfa/enrol", ["csrf": formToken, "challenge": challenge, "code": totp.code(at: clock.now())])
            #expect(done.status == 200, "\(done.text)")
            #expect(done.text.contains("Your recovery codes"))
            #expect(done.text.components(separatedBy: "<li><code>").count == 11)
            #expect(try await browser.get("/console/t/acme").status == 200)
            // The API's sign-in now asks dana for a code too.
            #expect(try await client.login(tenant: "acme", username: "dana", password: Self.password).string("status") == "mfa-required")

            // Signed out, the next sign-in asks for the code.
            let dashboard = try await browser.get("/console/t/acme")
            _ = try await browser.post("/console/t/acme/sign-out", ["csrf": try #require(Self.hidden("csrf", in: dashboard.text))])
            let freshToken = try #require(Self.hidden("csrf", in: try await browser.get("/console/t/acme/sign-in").text))
            let again = try await browser.post("/console/t/acme/sign-in", ["csrf": freshToken, "username": "dana", "password": Self.password])
            #expect(again.text.contains("Enter your code"))
        }
    }

    /// The audit log pages through records with filters; a record's page checks its inclusion
    /// proof against the latest signed checkpoint and its signature.
    @Test func auditRecordsShowTheirVerifiedProof() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password, roles: ["user"])
            var admin = Browser(client: client)
            let form = try #require(Self.hidden("csrf", in: try await admin.get("/console/t/acme/sign-in").text))
            _ = try await admin.post("/console/t/acme/sign-in", ["csrf": form, "username": "admin", "password": "tenant-owner-passphrase-9"])
            let uncovered = try await admin.get("/console/t/acme/audit/1")
            #expect(uncovered.status == 200)
            #expect(uncovered.text.contains("No signed checkpoint covers this record yet"))
            let signed = try await client.send(.post, "/v1/audit/checkpoints", token: adminToken)
            #expect(signed.status == 200 || signed.status == 201, "\(signed.text)")

            let list = try await admin.get("/console/t/acme/audit")
            #expect(list.status == 200)
            #expect(list.text.contains("href=\"/console/t/acme/audit/1\""))
            let record = try await admin.get("/console/t/acme/audit/1")
            #expect(record.text.contains("<strong>Verified.</strong>"), "\(record.text)")
            // The evidence the page's script checks: the record's bytes hash to the leaf shown.
            #expect(record.text.contains("<script src=\"/console/assets/proof.js\" defer></script>"))
            let recordData = try #require(Self.attribute("data-record", in: record.text))
            let canonical = try #require(Data(base64Encoded: recordData))
            let leaf = SHA256.hash(data: [0] + Array(canonical)).map { String(format: "%02x", $0) }.joined()
            #expect(record.text.contains("<code>\(leaf)</code>"), "the leaf hash shown is the hash of the bytes the script checks")
            let noteData = try #require(Self.attribute("data-note", in: record.text))
            let note = try #require(Data(base64Encoded: noteData))
            #expect(String(decoding: note, as: UTF8.self).hasPrefix("rampart-audit/"))
            #expect(record.text.contains("data-field=\"operation\""))
            let script = try await admin.get("/console/assets/proof.js")
            #expect(script.status == 200 && script.text.contains("subtle.verify({ name: \"Ed25519\" }"))
            #expect(try await admin.get("/console/t/acme/audit/999999").status == 404)
            #expect(try await admin.get("/console/t/acme/audit/-1").status == 404)
            let denied = try await admin.get("/console/t/acme/audit?outcome=denied")
            #expect(denied.status == 200 && !denied.text.contains("<td>allowed</td>"))

            // dana (a plain user) has no audit pages.
            var dana = Browser(client: client)
            let danaForm = try #require(Self.hidden("csrf", in: try await dana.get("/console/t/acme/sign-in").text))
            _ = try await dana.post("/console/t/acme/sign-in", ["csrf": danaForm, "username": "dana", "password": Self.password])
            #expect(try await dana.get("/console/t/acme/audit").status == 404)
            #expect(try await dana.get("/console/t/acme/audit/1").status == 404)
        }
    }

    @Test func aUserWithAnAuthenticatorGivesACode() async throws {
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: { $0.clock = clock }) { client in
            _ = try await client.tenantWithUser("acme", password: Self.password, roles: ["security-admin"])
            let token = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            let app = try Authenticator(enrolment: try await client.send(.post, "/v1/me/mfa/totp", token: token))
            let activated = try await client.send(.post, "/v1/me/mfa/totp/activate", token: token, body: .json(["code": app.code(clock)]))
            #expect(activated.status == 200)
            clock.advance(seconds: 30)

            var browser = Browser(client: client)
            let formToken = try #require(Self.hidden("csrf", in: try await browser.get("/console/t/acme/sign-in").text))
            let challenged = try await browser.post("/console/t/acme/sign-in", ["csrf": formToken, "username": "dana", "password": Self.password])
            #expect(challenged.status == 200)
            #expect(challenged.text.contains("Enter your code"))
            #expect(Self.setCookie("rampart_console", in: challenged) == nil)
            let challenge = try #require(Self.hidden("challenge", in: challenged.text))

            let wrong = try await browser.post("/console/t/acme/mfa", ["csrf": formToken, "challenge": challenge, "code": "000000"])
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("That code is not right."))
            // The right code at another console (the operator's, another tenant's) opens nothing, and
            // spends nothing: the challenge still works where it belongs.
            for elsewhere in ["/console/mfa", "/console/t/other/mfa"] {
                let misplaced = try await browser.post(elsewhere, ["csrf": formToken, "challenge": challenge, "code": app.code(clock)])
                #expect(misplaced.status == 401 && misplaced.text.contains("This sign-in has expired"), "\(elsewhere): \(misplaced.status)")
                #expect(Self.setCookie("rampart_console", in: misplaced) == nil && Self.setCookie("rampart_console_operator", in: misplaced) == nil)
            }
            let right = try await browser.post("/console/t/acme/mfa", ["csrf": formToken, "challenge": challenge, "code": app.code(clock)])
            #expect(right.status == 303, "\(right.text)")
            let dashboard = try await browser.get("/console/t/acme")
            #expect(dashboard.status == 200)
            // A security admin sees policies and security, not the audit log.
            #expect(dashboard.text.contains("Policies") && dashboard.text.contains("Security events") && !dashboard.text.contains("Audit log"))
        }
    }
}
