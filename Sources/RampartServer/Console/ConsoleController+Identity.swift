// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// The console's identity pages: the viewer's own sessions and the tenant's users.
extension ConsoleController {
    struct EndSessionForm: Decodable {
        var csrf: String?
    }

    @Sendable func sessions(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context)
        guard case .signedIn(let signedIn) = visit, let user = signedIn.principal.userID else { return visit.answer }
        let live = try await SessionAdministration(services: services).sessions(of: user.rawValue, in: signedIn.tenant.id)
        let ended = request.uri.queryParameters["ended"] == "1" ? "The session has ended." : nil
        return Self.page(ConsolePages.sessions(signedIn.viewer, live, current: signedIn.principal.sessionID, notice: ended))
    }

    /// Ends one of the viewer's sessions (``SessionAdministration/revoke(_:of:in:audit:)``); the
    /// current one signs the viewer out.
    @Sendable func endSession(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let form = try await Self.form(EndSessionForm.self, request)
        let visit = try await visit(request, context: context)
        guard case .signedIn(let signedIn) = visit, let user = signedIn.principal.userID else { return visit.answer }
        guard ConsoleCookies.matches(form.csrf, signedIn.viewer.formToken) else { return forgedForm() }
        guard let raw = context.parameters.get("session"), UUIDv7.isWellFormed(raw) else { return notFound() }
        let id = SessionID(rawValue: raw)
        do {
            try await SessionAdministration(services: services).revoke(id, of: user.rawValue, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        guard id != signedIn.principal.sessionID else {
            var response = Self.redirect(to: signInPath(signedIn.tenant.slug))
            response.setCookie(ConsoleCookies.expired(ConsoleCookies.session, secure: secure))
            return response
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/sessions?ended=1")
    }

    /// A page of users in id order (keyset paging: page 100 costs what page 1 costs).
    @Sendable func users(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard signedIn.viewer.permissions.contains(.usersRead) else { return notFound() }
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { UUIDv7.isWellFormed($0) ? $0 : nil }
        let page = try await UserAdministration(services: services).list(in: signedIn.tenant.id, page: PageRequest(limit: 50, after: after))
        return Self.page(ConsolePages.users(signedIn.viewer, page))
    }
}
