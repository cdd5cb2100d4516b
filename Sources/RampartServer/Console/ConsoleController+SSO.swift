// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

/// Single sign-on from the console: the sign-in page's buttons start the API's OpenID Connect
/// flow (``SSOSignIn``) with one more cookie, and the shared callback
/// (`GET /v1/auth/sso/callback`) answers such a sign-in with the console's pages instead of JSON:
/// a console session, or the second-factor (or enrolment) form when the tenant asks for one.
extension ConsoleController {
    /// Starts a sign-in at provider `{idp}`, as `GET /v1/auth/sso/{tenant}/{idp}/start` does.
    ///
    /// Only from this console's own pages (or an address typed or bookmarked): a link on another
    /// site could otherwise sign a victim's browser in as someone the other site controls (login
    /// CSRF through an identity provider that approves at once). Browsers say where a navigation
    /// came from in `Sec-Fetch-Site`; a cross-site one gets the sign-in page and its buttons.
    @Sendable func ssoStart(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let slug = tenantSlug(context), let idp = context.parameters.get("idp"), (1...63).contains(idp.utf8.count) else {
            return notFound()
        }
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) {
            return try await signInPage(request, context: context)
        }
        do {
            let started = try await SSOAuthController.mapped(audit: context.audit) {
                guard publicURL.isSafeForRedirects else { throw SSOFailure.publicURLRequired }
                return try await sso.start(tenantSlug: slug, providerName: idp, baseURL: publicURL.resolve(request), audit: context.audit)
            }
            let lifetime = Int(SSOLoginState.lifetime / 1000)
            var response = Self.redirect(to: started.location)
            response.setCookie(SSOAuthController.stateCookie(started.state, maxAge: lifetime, secure: secure))
            response.setCookie(SSOAuthController.consoleCookie(maxAge: lifetime, secure: secure))
            return response
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError {
            return Self.page(
                ConsolePages.message(title: "Single sign-on is unavailable", "\(error.message). Sign in with your password, or try again later."),
                status: HTTPResponse.Status(code: error.code.httpStatus))
        }
    }

    /// The console's answer to a completed (or failed) single sign-on.
    func ssoFinished(_ outcome: Result<SSOSignIn.Outcome, any Error>, context: RampartRequestContext) async throws -> Response {
        switch outcome {
        case .failure(let error as RampartError):
            // Every refusal is a console page, so the callback's cookies are cleared with it.
            return Self.page(
                ConsolePages.message(title: "Single sign-on failed", "\(error.message). Start again from your sign-in page."),
                status: HTTPResponse.Status(code: error.code.httpStatus))
        case .failure(let error):
            throw error
        case .success(.signedIn(let token, _, let tenant, _)):
            var response = Self.page(ConsolePages.signedIn(continueTo: "/console/t/\(tenant.slug)"))
            response.setCookie(ConsoleCookies.sessionCookie(token.exposedValue, secure: secure))
            return response
        case .success(.challenged(let token, let challenge, let tenant)):
            // The second-factor form posts to the console, which wants its own sign-in cookie
            // beside the form's token (double submit): a fresh pair, set here.
            let formToken = RandomToken.generate()
            var response: Response
            if challenge.purpose == .verify {
                response = Self.page(ConsolePages.secondFactor(tenantSlug: tenant.slug, formToken: formToken, challenge: token.exposedValue))
            } else {
                let enrollment = try await MFALogin(services: services).beginEnrolment(challenge: token, audit: context.audit)
                response = Self.page(
                    ConsolePages.enrolment(tenantSlug: tenant.slug, formToken: formToken, challenge: token.exposedValue, enrollment: enrollment))
            }
            response.setCookie(ConsoleCookies.signInCookie(formToken, secure: secure))
            return response
        }
    }
}
