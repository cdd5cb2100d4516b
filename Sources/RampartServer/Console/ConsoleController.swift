// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// The admin console under `/console`: server-rendered pages over the same use cases as the API
/// (``PasswordLogin``, ``MFALogin``, ``SessionOpening``, ``OwnAccount``, ``UserAdministration``,
/// ``GroupAdministration``, ``ApiKeyAdministration``, ``Datasources``, ``SecurityEvents``,
/// ``AuditQueries``), obeying the same roles.
///
/// Pages answer in HTML, errors included; another tenant's pages, and pages of a tenant that
/// does not exist, are 404. Every response forbids framing, inline scripts and styles, and
/// caching; every form that changes something carries an anti-forgery token
/// (``ConsoleCookies``). Each request is in the audit log like its API twin.
struct ConsoleController {
    let services: RampartServices
    let policies: PolicySnapshotCache
    let datasources: Datasources
    let accessRequests: AccessRequests
    let scans: Scans
    let administration: PolicyAdministration
    /// Where the server may connect (webhook URLs of alert rules are checked against it).
    let destinations: OutboundDestinations
    /// Holds tagging-rule writes for a second person when the tenant requires four eyes.
    let changes: ChangeRequests
    /// Single sign-on through the tenant's identity providers (``SSOSignIn``), as the API's.
    let sso: SSOSignIn
    let publicURL: PublicBaseURL

    /// Form bodies are small; anything larger is refused unread.
    static let formLimit = 16 * 1024

    /// Sent with every console response.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    var secure: Bool { services.security.configuration.secureCookies }

    func register(on router: Router<RampartRequestContext>) {
        router.get("/console/assets/console.css", use: styleSheet)
        router.get("/console/assets/signals.js", use: signalsScript)
        router.get("/console/assets/proof.js", use: proofScript)
        router.get("/console/assets/import.js", use: importScript)
        router.get("/console", use: operatorTenants)
        router.get("/console/sign-in", use: operatorSignInPage)
        router.post("/console/sign-in", use: operatorSignIn)
        router.post("/console/mfa", use: operatorSecondFactor)
        router.post("/console/sign-out", use: operatorSignOut)
        router.post("/console/tenants", use: operatorCreateTenant)
        router.get("/console/tenants/:id", use: operatorTenant)
        router.post("/console/tenants/:id", use: operatorUpdateTenant)
        router.get("/console/t/:tenant", use: dashboard)
        router.get("/console/t/:tenant/sign-in", use: signInPage)
        router.post("/console/t/:tenant/sign-in", use: signIn)
        router.get("/console/t/:tenant/sso/:idp", use: ssoStart)
        router.post("/console/t/:tenant/mfa", use: secondFactor)
        router.post("/console/t/:tenant/mfa/enrol", use: enrol)
        router.post("/console/t/:tenant/sign-out", use: signOut)
        router.get("/console/t/:tenant/sessions", use: sessions)
        router.post("/console/t/:tenant/sessions/:session/end", use: endSession)
        router.get("/console/t/:tenant/users", use: users)
        router.get("/console/t/:tenant/users/new", use: newUser)
        router.post("/console/t/:tenant/users", use: createUser)
        router.get("/console/t/:tenant/users/:id", use: userDetail)
        router.post("/console/t/:tenant/users/:id", use: updateUser)
        router.post("/console/t/:tenant/users/:id/reset-mfa", use: resetUserMFA)
        router.get("/console/t/:tenant/groups", use: groupList)
        router.post("/console/t/:tenant/groups", use: createGroup)
        router.get("/console/t/:tenant/groups/:id", use: groupDetail)
        router.post("/console/t/:tenant/groups/:id/members", use: addGroupMember)
        router.post("/console/t/:tenant/groups/:id/members/:user/remove", use: removeGroupMember)
        router.get("/console/t/:tenant/policies", use: policyList)
        router.get("/console/t/:tenant/policies/new", use: newPolicy)
        router.get("/console/t/:tenant/policies/export", use: exportPolicies)
        router.post("/console/t/:tenant/policies/import", use: importPolicies)
        router.post("/console/t/:tenant/policies", use: createPolicy)
        router.post("/console/t/:tenant/policies/new", use: createPolicyFromForm)
        router.get("/console/t/:tenant/policies/:id/edit", use: editPolicy)
        router.post("/console/t/:tenant/policies/:id/edit", use: savePolicyForm)
        router.get("/console/t/:tenant/policies/:id", use: policyDetail)
        router.post("/console/t/:tenant/policies/:id", use: savePolicy)
        router.post("/console/t/:tenant/policies/:id/delete", use: deletePolicy)
        router.get("/console/t/:tenant/discovery", use: discovery)
        router.post("/console/t/:tenant/discovery/datasources", use: createDatasource)
        router.get("/console/t/:tenant/discovery/datasources/:id", use: datasourceDetail)
        router.post("/console/t/:tenant/discovery/datasources/:id/test", use: testDatasource)
        router.post("/console/t/:tenant/discovery/datasources/:id/scans", use: startScan)
        router.post("/console/t/:tenant/discovery/datasources/:id/tags/review", use: reviewTags)
        router.get("/console/t/:tenant/discovery/scans/:id", use: scanDetail)
        router.post("/console/t/:tenant/discovery/scans/:id/cancel", use: cancelScan)
        router.post("/console/t/:tenant/discovery/tagging-rules", use: createTaggingRule)
        router.post("/console/t/:tenant/discovery/tagging-rules/:id/delete", use: deleteTaggingRule)
        router.get("/console/t/:tenant/security", use: security)
        router.post("/console/t/:tenant/security/alert-rules", use: createAlertRule)
        router.post("/console/t/:tenant/security/alert-rules/:id/delete", use: deleteAlertRule)
        router.get("/console/t/:tenant/settings", use: settings)
        router.post("/console/t/:tenant/settings", use: saveSettings)
        router.post("/console/t/:tenant/settings/throttle", use: saveThrottle)
        router.get("/console/t/:tenant/api-keys", use: apiKeyList)
        router.post("/console/t/:tenant/api-keys", use: createApiKey)
        router.post("/console/t/:tenant/api-keys/:id/revoke", use: revokeApiKey)
        router.get("/console/t/:tenant/decisions", use: decisionTest)
        router.post("/console/t/:tenant/decisions", use: decide)
        router.get("/console/t/:tenant/audit", use: auditRecords)
        router.get("/console/t/:tenant/audit/:seq", use: auditRecord)
        router.get("/console/t/:tenant/access-requests", use: accessRequestList)
        router.post("/console/t/:tenant/access-requests/:id/:action", use: answerAccessRequest)
        router.get("/console/t/:tenant/reports", use: reports)
        router.get("/console/t/:tenant/reports/inventory.csv", use: inventoryCSV)
        router.get("/console/t/:tenant/reports/access.csv", use: accessCSV)
    }

    // MARK: Pages

    @Sendable func styleSheet(_ request: Request, context: RampartRequestContext) async throws -> Response {
        Self.asset(ConsoleAssets.styleSheet, type: "text/css; charset=utf-8")
    }

    /// The sign-in page's script that reports the browser's signals (``BrowserSignals``).
    @Sendable func signalsScript(_ request: Request, context: RampartRequestContext) async throws -> Response {
        Self.asset(ConsoleAssets.signalsScript, type: "text/javascript; charset=utf-8")
    }

    /// The policies page's script that reads a chosen Ranger export file into the import form.
    @Sendable func importScript(_ request: Request, context: RampartRequestContext) async throws -> Response {
        Self.asset(ConsoleAssets.importScript, type: "text/javascript; charset=utf-8")
    }

    /// The audit record page's script that checks the record's inclusion proof in the browser.
    @Sendable func proofScript(_ request: Request, context: RampartRequestContext) async throws -> Response {
        Self.asset(ConsoleAssets.proofScript, type: "text/javascript; charset=utf-8")
    }

    /// A file of the console's own, kept in the binary: cached for an hour, under the same headers as the pages.
    static func asset(_ source: String, type: String) -> Response {
        var headers = Self.securityHeaders
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: source)))
    }

    @Sendable func dashboard(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let tenant = signedIn.tenant
        let permissions = signedIn.principal.roles.permissions
        var dashboard = ConsolePages.Dashboard()
        if permissions.contains(.policiesRead) {
            let set = try await policies.current(tenant.id)
            dashboard.policyVersion = set.version
            dashboard.services = set.services.count
        }
        if permissions.contains(.discoveryRead) {
            let page = try await datasources.list(in: tenant.id, page: PageRequest(limit: 20, after: nil))
            dashboard.datasources = page.items
            dashboard.moreDatasources = page.nextCursor != nil
        }
        if permissions.contains(.securityRead) {
            let since = services.clock.now().subtractingSaturating(24 * 60 * 60 * 1000)
            dashboard.securityEvents = try await SecurityEvents(services: services).list(
                SecurityEventQuery(since: since, limit: ConsolePages.eventsCounted), in: tenant.id
            ).items
        }
        if permissions.contains(.auditRead) {
            dashboard.checkpoint = .some(try? await AuditQueries(services: services).latestCheckpoint(in: tenant.id))
        }
        return Self.page(ConsolePages.dashboard(signedIn.viewer, dashboard))
    }

    @Sendable func signInPage(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let slug = tenantSlug(context) else { return notFound() }
        if try await signedIn(request, context: context) != nil { return Self.redirect(to: "/console/t/\(slug)") }
        return signInForm(slug, request: request, providers: try await sso.choices(tenantSlug: slug))
    }

    // MARK: Sign-in

    struct SignInForm: Decodable {
        var csrf: String?
        var username: String?
        var password: String?
    }

    @Sendable func signIn(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let slug = tenantSlug(context) else { return notFound() }
        return try await passwordStep(of: slug, request, context: context)
    }

    /// The password step of a sign-in to a tenant's console (`slug`) or the operator's (`nil`):
    /// a session, the second-factor form (or enrolment, for a tenant that requires one), the
    /// throttle's page, or the sign-in form again with what went wrong.
    func passwordStep(of slug: String?, _ request: Request, context: RampartRequestContext) async throws -> Response {
        let form = try await Self.form(SignInForm.self, request)
        guard ConsoleCookies.matches(form.csrf, request.cookies[ConsoleCookies.signIn]?.value) else { return forgedForm() }
        let username = form.username ?? ""
        let device = LoginDevice(request: request)
        do {
            let outcome = try await PasswordLogin(services: services).run(
                tenantSlug: slug, username: username, password: Secret(form.password ?? ""), deviceFingerprint: device.fingerprint.hex,
                sourceIP: context.sourceIP, audit: context.audit)
            switch outcome {
            case .throttled(let retryAfter):
                return throttled(retryAfter)
            case .signedIn(let subject):
                let opened = try await SessionOpening(services: services).open(
                    subject, deviceFingerprint: device.fingerprint.hex, deviceLabel: device.label, browser: device.signals,
                    sourceIP: context.sourceIP,
                    userAgent: request.boundedUserAgent, audit: context.audit)
                return signedInResponse(opened, slug: slug, device: device)
            case .challenged(_, let token, let challenge):
                var response: Response
                if challenge.purpose == .verify {
                    response = Self.page(ConsolePages.secondFactor(tenantSlug: slug, formToken: form.csrf ?? "", challenge: token.exposedValue))
                } else if let slug {
                    let enrollment = try await MFALogin(services: services).beginEnrolment(challenge: token, audit: context.audit)
                    response = Self.page(
                        ConsolePages.enrolment(tenantSlug: slug, formToken: form.csrf ?? "", challenge: token.exposedValue, enrollment: enrollment))
                } else {
                    return try await signInAgain(
                        slug, formToken: form.csrf, username: username,
                        error: "Set up the operator's second factor with the API (POST /v1/me/mfa/totp) first.", status: .forbidden)
                }
                device.apply(to: &response, secure: secure)
                return response
            }
        } catch let error as RampartError where error.code == .unauthenticated {
            return try await signInAgain(
                slug, formToken: form.csrf, username: username, error: "The username or password is wrong.", status: .unauthorized)
        } catch let error as RampartError where [.tenantSuspended, .forbidden, .validationFailed].contains(error.code) {
            return try await signInAgain(slug, formToken: form.csrf, username: username, error: error.message, status: .forbidden)
        }
    }

    /// Whether the sign-in challenge `token` is one of this console's: the operator's (`slug` nil)
    /// or a user's of tenant `slug`. Checked before the code is, so a challenge answered at
    /// another console opens no session at all. An unknown token passes, for the verification to refuse.
    private func challenge(_ token: String, belongsTo slug: String?) async throws -> Bool {
        guard (1...256).contains(token.utf8.count) else { return true }
        let hash = RandomToken.digest(token)
        return try await services.store.read { tx in
            guard let challenge = try await tx.mfaChallenge(tokenHash: hash) else { return true }
            guard let slug else { return challenge.subjectKind == .operator }
            guard challenge.subjectKind == .user else { return false }
            return try await tx.tenant(id: challenge.tenantID)?.slug == slug
        }
    }

    /// The sign-in form of a tenant (`slug`, with its identity providers) or the operator's, with an error.
    private func signInAgain(
        _ slug: String?, formToken: String?, username: String, error: String, status: HTTPResponse.Status
    ) async throws -> Response {
        guard let slug else {
            return Self.page(ConsolePages.operatorSignIn(formToken: formToken ?? "", username: username, error: error), status: status)
        }
        let providers = status == .unauthorized ? try await sso.choices(tenantSlug: slug) : []
        return Self.page(
            ConsolePages.signIn(tenantSlug: slug, formToken: formToken ?? "", providers: providers, username: username, error: error),
            status: status)
    }

    /// A sign-in step that answers a challenge with a code (second factor, enrolment).
    struct ChallengeForm: Decodable {
        var csrf: String?
        var challenge: String?
        var code: String?
    }

    @Sendable func secondFactor(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let slug = tenantSlug(context) else { return notFound() }
        return try await secondFactorStep(of: slug, request, context: context)
    }

    /// The second-factor step of a tenant's sign-in (`slug`) or the operator's (`nil`). A
    /// challenge answered at the wrong console opens nothing there.
    func secondFactorStep(of slug: String?, _ request: Request, context: RampartRequestContext) async throws -> Response {
        let form = try await Self.form(ChallengeForm.self, request)
        guard ConsoleCookies.matches(form.csrf, request.cookies[ConsoleCookies.signIn]?.value) else { return forgedForm() }
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        // Six digits are an authenticator's code; anything else is tried as a recovery code.
        let proof: MFALogin.Proof =
            code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber } ? .code(Secret(code)) : .recoveryCode(Secret(code))
        let device = LoginDevice(request: request)
        let origin = MFALogin.Origin(request: request, context: context, device: device)
        do {
            guard try await challenge(form.challenge ?? "", belongsTo: slug) else {
                throw RampartError(.unauthenticated, "invalid or expired challenge; sign in again")
            }
            switch try await MFALogin(services: services).verify(
                challenge: Secret(form.challenge ?? ""), proof: proof, origin: origin, audit: context.audit)
            {
            case .throttled(let retryAfter):
                return throttled(retryAfter)
            case .signedIn(_, let opened):
                return signedInResponse(opened, slug: slug, device: device)
            }
        } catch let error as RampartError where error.code == .unauthenticated {
            // A wrong code may be tried again on the same challenge until it runs out.
            return Self.page(
                ConsolePages.secondFactor(
                    tenantSlug: slug, formToken: form.csrf ?? "", challenge: form.challenge ?? "",
                    error: error.message == "invalid code" ? "That code is not right." : "This sign-in has expired; sign in again."),
                status: .unauthorized)
        }
    }

    /// A form that carries nothing but its anti-forgery token (sign out, end a session).
    struct TokenForm: ConsoleForm {
        var csrf: String?
    }

    @Sendable func signOut(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let slug = tenantSlug(context) else { return notFound() }
        let form = try await Self.form(TokenForm.self, request)
        guard let signedIn = try await signedIn(request, context: context) else { return Self.redirect(to: signInPath(slug)) }
        guard ConsoleCookies.matches(form.csrf, ConsoleCookies.formToken(forSession: signedIn.token)) else { return forgedForm() }
        try await OwnAccount(services: services).logout(signedIn.principal, audit: context.audit)
        return signedOut(slug)
    }

    // MARK: Helpers

    /// A page request of someone signed in to this tenant's console.
    struct SignedIn {
        var principal: Principal
        /// The session token (from the cookie), for the anti-forgery token.
        var token: String
        var tenant: Tenant
        var viewer: ConsolePages.Viewer
    }

    /// Who may see a tenant page: someone signed in to that tenant, or the answer instead.
    enum Visit {
        case signedIn(SignedIn)
        /// The sign-in page (nobody is signed in) or the 404 page (another tenant, no tenant).
        case refused(Response)

        var answer: Response {
            switch self {
            case .signedIn: ConsoleController.redirect(to: "/console")
            case .refused(let response): response
            }
        }
    }

    /// A page visit; with `permission`, someone without it gets the 404 page (the console does
    /// not confirm that a page they may not see exists).
    func visit(_ request: Request, context: RampartRequestContext, needs permission: Permission? = nil) async throws -> Visit {
        let visit = try await signedInVisit(request, context: context)
        if case .signedIn(let signedIn) = visit, let permission, !signedIn.viewer.permissions.contains(permission) {
            return .refused(notFound())
        }
        return visit
    }

    /// A form post of someone signed in to a console (`Visitor`: a tenant's user or the
    /// operator), or the answer instead.
    enum FormPost<Form, Visitor> {
        /// The form (its anti-forgery token checked) and who sent it.
        case accepted(Form, Visitor)
        /// The sign-in page, the 404 page, or the 403 page of a forged form.
        case refused(Response)

        var answer: Response {
            switch self {
            case .accepted: ConsoleController.redirect(to: "/console")
            case .refused(let response): response
            }
        }
    }

    /// A form post of someone signed in to this tenant's console, or the answer instead.
    typealias Posted<Form> = FormPost<Form, SignedIn>

    /// Reads a form post (at most ``formLimit`` bytes) from someone signed in to this tenant who
    /// holds `permission`, and checks its anti-forgery token against their session.
    ///
    /// Who is asking is settled before the body is read: the import form takes tens of MiB, which
    /// nobody without a session (or the permission) may make the server hold.
    func posted<Form: ConsoleForm>(
        _ type: Form.Type, _ request: Request, context: RampartRequestContext, needs permission: Permission?, limit: Int = formLimit
    ) async throws -> Posted<Form> {
        let visit = try await visit(request, context: context, needs: permission)
        guard case .signedIn(let signedIn) = visit else { return .refused(visit.answer) }
        let form = try await Self.form(type, request, limit: limit)
        guard ConsoleCookies.matches(form.csrf, signedIn.viewer.formToken) else { return .refused(forgedForm()) }
        return .accepted(form, signedIn)
    }

    private func signedInVisit(_ request: Request, context: RampartRequestContext) async throws -> Visit {
        guard let slug = tenantSlug(context) else { return .refused(notFound()) }
        guard let signedIn = try await signedIn(request, context: context) else { return .refused(Self.redirect(to: signInPath(slug))) }
        guard let tenant = try await services.store.read({ try await $0.tenant(slug: slug) }), tenant.id == signedIn.principal.tenantID else {
            return .refused(notFound())
        }
        let viewer = ConsolePages.Viewer(
            tenantSlug: tenant.slug, tenantName: tenant.displayName, username: signedIn.principal.username,
            formToken: ConsoleCookies.formToken(forSession: signedIn.token), permissions: signedIn.principal.roles.permissions)
        return .signedIn(SignedIn(principal: signedIn.principal, token: signedIn.token, tenant: tenant, viewer: viewer))
    }

    /// The session behind the console cookie, or `nil` when there is none or it does not authenticate.
    private func signedIn(_ request: Request, context: RampartRequestContext) async throws -> (principal: Principal, token: String)? {
        try await sessionPrincipal(ConsoleCookies.session, operator: false, request, context: context)
    }

    /// The session behind console cookie `cookie`, when it authenticates a principal of the
    /// cookie's kind (the operator's cookie an operator, a tenant's a user): neither opens the other.
    func sessionPrincipal(
        _ cookie: String, operator: Bool, _ request: Request, context: RampartRequestContext
    ) async throws -> (principal: Principal, token: String)? {
        guard let token = request.cookies[cookie]?.value, !token.isEmpty, token.utf8.count <= 256 else { return nil }
        let principal: Principal
        do {
            principal = try await CredentialAuthentication(services: services).principal(for: .sessionToken(Secret(token)))
        } catch let error as RampartError where error.code == .unauthenticated {
            return nil
        }
        guard principal.isOperator == `operator` else { return nil }
        context.audit?.setPrincipal(principal)
        return (principal, token)
    }

    /// To the console just signed in to, a tenant's (`slug`) or the operator's (`nil`), with its session cookie.
    func signedInResponse(_ opened: SessionOpening.Opened, slug: String?, device: LoginDevice) -> Response {
        var response = Self.redirect(to: slug.map { "/console/t/\($0)" } ?? "/console")
        response.setCookie(
            slug == nil
                ? ConsoleCookies.operatorCookie(opened.token.exposedValue, secure: secure)
                : ConsoleCookies.sessionCookie(opened.token.exposedValue, secure: secure))
        response.setCookie(ConsoleCookies.expired(ConsoleCookies.signIn, secure: secure))
        device.apply(to: &response, secure: secure)
        return response
    }

    private func signInForm(_ slug: String, request: Request, providers: [SSOSignIn.Choice], status: HTTPResponse.Status = .ok) -> Response {
        signInForm(request, status: status) { ConsolePages.signIn(tenantSlug: slug, formToken: $0, providers: providers) }
    }

    /// A sign-in form with its anti-forgery token: the browser's sign-in cookie when it has a
    /// well-formed one, else a new one set with the page (double submit).
    func signInForm(_ request: Request, status: HTTPResponse.Status = .ok, _ page: (String) -> HTML) -> Response {
        let existing = request.cookies[ConsoleCookies.signIn]?.value
        let token = existing.flatMap { $0.utf8.count == 43 ? $0 : nil } ?? RandomToken.generate()
        var response = Self.page(page(token), status: status)
        if token != existing { response.setCookie(ConsoleCookies.signInCookie(token, secure: secure)) }
        return response
    }

    /// The notice a page shows after an action (`?done=<action>`, set by the redirect that
    /// follows it): always one of `notices`, never text from the link.
    static func notice(_ request: Request, _ notices: [String: String]) -> String? {
        request.uri.queryParameters["done"].flatMap { notices[String($0)] }
    }

    /// The path segment `name` when it is a well-formed id (UUIDv7); anything else names nothing.
    func uuidParameter(_ context: RampartRequestContext, named name: String = "id") -> String? {
        guard let raw = context.parameters.get(name), UUIDv7.isWellFormed(raw) else { return nil }
        return raw
    }

    /// The query parameter `name` when it is a well-formed id (a keyset cursor); else `nil`.
    static func uuidQuery(_ name: String, _ request: Request) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init).flatMap { UUIDv7.isWellFormed($0) ? $0 : nil }
    }

    func signInPath(_ slug: String) -> String { "/console/t/\(slug)/sign-in" }

    /// To the sign-in page without the session cookie: the session behind it has ended.
    func signedOut(_ slug: String) -> Response {
        var response = Self.redirect(to: signInPath(slug))
        response.setCookie(ConsoleCookies.expired(ConsoleCookies.session, secure: secure))
        return response
    }

    /// The `{tenant}` path segment, bounded and in slug form (anything else cannot name a tenant).
    func tenantSlug(_ context: RampartRequestContext) -> String? {
        guard let slug = context.parameters.get("tenant"), (1...63).contains(slug.utf8.count),
            slug.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else { return nil }
        return slug
    }

    func notFound() -> Response {
        Self.page(ConsolePages.message(title: "Not found", "There is no such page."), status: .notFound)
    }

    func forgedForm() -> Response {
        Self.page(
            ConsolePages.message(title: "Form expired", "This form was not sent from this console's page, or it has expired. Open the page again."),
            status: .forbidden)
    }

    func throttled(_ retryAfter: Int) -> Response {
        var response = Self.page(
            ConsolePages.message(title: "Too many attempts", "Too many failed sign-in attempts. Try again in \(retryAfter) seconds."),
            status: .tooManyRequests)
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }

    static func userAgent(_ request: Request) -> String? { request.boundedUserAgent }

    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    /// `303 See Other`: after a form post the browser asks for the next page with GET.
    static func redirect(to path: String) -> Response {
        var headers = securityHeaders
        headers[.location] = path
        return Response(status: .seeOther, headers: headers)
    }

    /// A form body, at most `limit` bytes, decoded; an unreadable one is an empty form.
    static func form<Form: Decodable>(_ type: Form.Type, _ request: Request, limit: Int = formLimit) async throws -> Form {
        let buffer = try await request.body.collect(upTo: limit)
        let text = String(buffer: buffer)
        if let form = try? URLEncodedFormDecoder().decode(Form.self, from: text) { return form }
        return try URLEncodedFormDecoder().decode(Form.self, from: "")
    }
}
