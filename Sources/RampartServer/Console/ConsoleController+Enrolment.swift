// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

/// Enrolling an authenticator at sign-in, when the tenant requires a second factor and the person
/// has none: the same use case as `POST /v1/auth/mfa/totp/activate` (``MFALogin``).
extension ConsoleController {
    @Sendable func enrol(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let form = try await Self.form(ChallengeForm.self, request)
        guard let slug = tenantSlug(context) else { return notFound() }
        guard ConsoleCookies.matches(form.csrf, request.cookies[ConsoleCookies.signIn]?.value) else { return forgedForm() }
        let device = LoginDevice(request: request)
        let origin = MFALogin.Origin(request: request, context: context, device: device)
        let login = MFALogin(services: services)
        let challenge = Secret(form.challenge ?? "")
        do {
            switch try await login.activate(
                challenge: challenge, code: Secret((form.code ?? "").trimmingCharacters(in: .whitespaces)), origin: origin, audit: context.audit)
            {
            case .throttled(let retryAfter):
                return throttled(retryAfter)
            case .signedIn(_, let opened, let recoveryCodes):
                // The codes are on this page and nowhere else; the session starts with it.
                var response = Self.page(ConsolePages.recoveryCodes(tenantSlug: slug, recoveryCodes))
                for cookie in signedInResponse(opened, slug: slug, device: device).headers[values: .setCookie] {
                    response.headers.append(HTTPField(name: .setCookie, value: cookie))
                }
                return response
            }
        } catch let error as RampartError where error.code == .validationFailed {
            // The key the app holds stays pending: asked again for a code, not shown a new key
            // (beginning again would replace the key the app was given).
            return Self.page(
                ConsolePages.enrolment(
                    tenantSlug: slug, formToken: form.csrf ?? "", challenge: challenge.exposedValue, enrollment: nil,
                    error: "That code is not right; try the next one the app shows."), status: .unprocessableContent)
        } catch let error as RampartError where error.code == .unauthenticated {
            return Self.page(
                ConsolePages.message(title: "Sign in again", "This sign-in has expired.", link: (signInPath(slug), "Sign in")),
                status: .unauthorized)
        }
    }
}
