// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartTesting
import Testing

/// Single sign-on from the console: the sign-in page offers the tenant's providers, the flow is
/// the API's (state bound to the browser, PKCE, the ID token verified), and the shared callback
/// answers a console sign-in with a console session or the second-factor form.
extension ConsoleTests {
    /// The console's button, the provider's approval and the callback, as a browser follows them;
    /// returns the callback's answer and the cookies the browser holds for the callback path.
    static func consoleSSO(_ s: SSOTests.Setup) async throws -> (reply: APIClient.Reply, callback: String, cookies: String) {
        let start = try await s.client.send(.get, "/console/t/acme/sso/corp")
        #expect(start.status == 303, "\(start.text)")
        let authorize = try #require(start.headers[.location])
        #expect(authorize.hasPrefix(s.provider.base + "/authorize?"))
        let setCookies = start.headers[values: .setCookie]
        let state = try #require(setCookies.first { $0.hasPrefix("rampart_sso_state=") })
        let console = try #require(setCookies.first { $0.hasPrefix("rampart_sso_console=1;") })
        for cookie in [state, console] {
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/v1/auth/sso/callback"), "\(cookie)")
        }
        let approved = try await OutboundHTTPClient().get(authorize)
        let back = try #require(approved.header("Location").flatMap(URLComponents.init(string:)))
        let callback = back.percentEncodedPath + "?" + (back.percentEncodedQuery ?? "")
        let stateValue = try #require(back.queryItems?.first { $0.name == "state" }?.value)
        let cookies = "rampart_sso_state=\(stateValue); rampart_sso_console=1"
        return (try await s.client.send(.get, callback, headers: [.cookie: cookies]), callback, cookies)
    }

    @Test func theConsoleSignsInThroughTheTenantsIdentityProvider() async throws {
        try await SSOTests.withSetup(.sqlite) { s in
            let page = try await s.client.send(.get, "/console/t/acme/sign-in")
            #expect(page.text.contains("href=\"/console/t/acme/sso/corp\">Sign in with corp</a>"), "\(page.text)")
            #expect(!(try await s.client.send(.get, "/console/t/other/sign-in")).text.contains("/sso/"), "no tenant, no providers")
            #expect(try await s.client.send(.get, "/console/t/acme/sso/nobody").status == 404)
            // A link on another site does not start a sign-in (login CSRF): it shows the sign-in page.
            let crossSite = try await s.client.send(.get, "/console/t/acme/sso/corp", headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == 200 && crossSite.text.contains("Sign in with corp"), "\(crossSite.text)")
            #expect(!crossSite.headers[values: .setCookie].contains { $0.hasPrefix("rampart_sso_state=") })

            let (reply, callback, cookies) = try await Self.consoleSSO(s)
            #expect(reply.status == 200 && reply.headers[.contentType]?.hasPrefix("text/html") == true, "\(reply.text)")
            #expect(reply.text.contains("<meta http-equiv=\"refresh\" content=\"0; url=/console/t/acme\">"))
            let session = try #require(Self.setCookie("rampart_console", in: reply))
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
            #expect(reply.headers[values: .setCookie].contains { $0.hasPrefix("rampart_sso_console=;") && $0.contains("Max-Age=0") })
            var browser = Browser(client: s.client)
            browser.cookies["rampart_console"] = String(session.dropFirst("rampart_console=".count).prefix { $0 != ";" })
            let dashboard = try await browser.get("/console/t/acme")
            #expect(dashboard.status == 200 && dashboard.text.contains("sam · Acme"), "\(dashboard.text)")

            // A spent state fails as a console page, not JSON.
            let replay = try await s.client.send(.get, callback, headers: [.cookie: cookies])
            #expect(replay.status == 401 && replay.text.contains("Single sign-on failed") && replay.text.contains("unknown-or-used-state"))

            // A tenant that requires a second factor gets the enrolment form, with the console's
            // own sign-in cookie beside its token.
            #expect(try await s.client.send(.patch, "/v1/tenant/settings", token: s.admin, body: .json(["mfaRequired": true])).status == 200)
            let stepUp = try await Self.consoleSSO(s).reply
            #expect(stepUp.status == 200 && stepUp.text.contains("Set up your authenticator"), "\(stepUp.text)")
            #expect(Self.setCookie("rampart_console", in: stepUp) == nil, "no session before the second factor")
            let formToken = try #require(Self.hidden("csrf", in: stepUp.text))
            #expect(Self.setCookie("rampart_console_sign_in", in: stepUp)?.hasPrefix("rampart_console_sign_in=\(formToken);") == true)
        }
    }
}
