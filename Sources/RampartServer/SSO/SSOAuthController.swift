// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

/// `/v1/auth/sso/…`: signing in through a tenant's OpenID Connect provider.
///
/// `GET /v1/auth/sso/{tenant}/{idp}/start` answers 302 to the provider. The provider sends the
/// browser back to `GET /v1/auth/sso/callback`, which answers like `POST /v1/auth/login`: a
/// session token in JSON (`Cache-Control: no-store`). A failed sign-in is a 401 whose detail
/// names the reason (``SSOFailure``); an unreachable provider is a 503.
struct SSOAuthController {
    let services: RampartServices
    let signIn: SSOSignIn
    let publicURL: PublicBaseURL
    /// Whether cookies get `Secure` (the server is reached over TLS).
    let secureCookies: Bool

    /// The cookie that binds a sign-in's `state` to the browser that started it.
    ///
    /// Without it, an attacker could start a sign-in with their own account and have a victim's
    /// browser complete it (login CSRF): the victim would then work in the attacker's session.
    /// The callback accepts a `state` only from the browser holding the same value in this
    /// HttpOnly cookie. `SameSite=Lax`, because the provider sends the browser back with a
    /// top-level cross-site navigation, which `Strict` would strip the cookie from; the path
    /// limits it to the callback.
    static let stateCookieName = "rampart_sso_state"

    static func stateCookie(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: stateCookieName, value: value, maxAge: maxAge, path: SSOSignIn.callbackPath, secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Set beside the state cookie when the sign-in starts from the console: the callback then
    /// answers with the console's pages (``ConsoleController/ssoFinished(_:context:)``). It
    /// chooses only the form of the answer; the state binding is the same.
    static let consoleCookieName = "rampart_sso_console"

    static func consoleCookie(maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: consoleCookieName, value: maxAge > 0 ? "1" : "", maxAge: maxAge, path: SSOSignIn.callbackPath, secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// The console, for sign-ins that started there.
    let console: ConsoleController?

    func register(on api: APIRouter) {
        api.add(.get, "/v1/auth/sso/{tenant}/{idp}/start", .anonymous, start)
        api.add(.get, SSOSignIn.callbackPath, .anonymous, callback)
    }

    @Sendable func start(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let tenant = context.parameters.get("tenant"), let idp = context.parameters.get("idp") else {
            throw RampartError.notFound("identity provider")
        }
        let started = try await Self.mapped(audit: context.audit) {
            // Beyond loopback and without `--public-url`, the redirect URI would come from the
            // request's `Host` header, which whoever sends the request chooses.
            guard publicURL.isSafeForRedirects else { throw SSOFailure.publicURLRequired }
            return try await signIn.start(tenantSlug: tenant, providerName: idp, baseURL: publicURL.resolve(request), audit: context.audit)
        }
        var response = Response(status: .found, headers: [.location: started.location, .cacheControl: "no-store"])
        response.setCookie(Self.stateCookie(started.state, maxAge: Int(SSOLoginState.lifetime / 1000), secure: secureCookies))
        // An API sign-in answers in JSON even if a console sign-in was abandoned in this browser.
        response.setCookie(Self.consoleCookie(maxAge: 0, secure: secureCookies))
        return response
    }

    @Sendable func callback(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let parameters = SCIMRequest.parameters(request)
        let userAgent = request.boundedUserAgent
        let cookie = request.cookies[Self.stateCookieName]?.value
        if let console, request.cookies[Self.consoleCookieName]?.value == "1" {
            let outcome: Result<SSOSignIn.Outcome, any Error>
            do {
                outcome = .success(
                    try await Self.mapped(audit: context.audit) {
                        try await signIn.callback(
                            parameters: parameters, boundState: cookie, sourceIP: context.sourceIP, userAgent: userAgent, audit: context.audit)
                    })
            } catch {
                outcome = .failure(error)
            }
            var response = try await console.ssoFinished(outcome, context: context)
            response.setCookie(Self.stateCookie("", maxAge: 0, secure: secureCookies))
            response.setCookie(Self.consoleCookie(maxAge: 0, secure: secureCookies))
            return response
        }
        let outcome = try await Self.mapped(audit: context.audit) {
            try await signIn.callback(
                parameters: parameters, boundState: cookie, sourceIP: context.sourceIP, userAgent: userAgent, audit: context.audit)
        }
        var response: Response
        switch outcome {
        case .challenged(let token, let challenge, _):
            response = try JSONBody.response(MFAChallengeResponse(challenge, token: token))
        case .signedIn(let token, let session, let tenant, let user):
            response = try JSONBody.response(
                LoginResponse(
                    token: token, session: session, idleTimeoutSeconds: services.sessionLifetime.idle / 1000, tenant: TenantResponse(tenant),
                    user: UserResponse(user), operator: nil))
        }
        response.headers[.cacheControl] = "no-store"
        // The state is spent: the browser may drop the cookie.
        response.setCookie(Self.stateCookie("", maxAge: 0, secure: secureCookies))
        return response
    }

    /// Turns sign-in failures into problems: 503 when the provider cannot be reached, 401
    /// otherwise, and records the reason in the request's audit record (`audit`).
    static func mapped<R: Sendable>(audit: AuditContext?, _ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let failure as SSOFailure {
            audit?.event("sso.login.failed", ["reason": failure.code])
            if failure == .providerUnavailable || failure == .discoveryMismatch || failure == .publicURLRequired {
                throw RampartError(.unavailable, "the identity provider cannot be used (\(failure.code))")
            }
            throw failure.rampartError
        }
    }
}
