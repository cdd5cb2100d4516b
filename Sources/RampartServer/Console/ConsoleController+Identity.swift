// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore

/// The console's identity pages: the viewer's own sessions and the tenant's users.
extension ConsoleController {
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
        let form = try await Self.form(TokenForm.self, request)
        let visit = try await visit(request, context: context)
        guard case .signedIn(let signedIn) = visit, let user = signedIn.principal.userID else { return visit.answer }
        guard ConsoleCookies.matches(form.csrf, signedIn.viewer.formToken) else { return forgedForm() }
        guard let raw = uuidParameter(context, named: "session") else { return notFound() }
        let id = SessionID(rawValue: raw)
        do {
            try await SessionAdministration(services: services).revoke(id, of: user.rawValue, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        guard id != signedIn.principal.sessionID else {
            return signedOut(signedIn.tenant.slug)
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/sessions?ended=1")
    }

    struct NewUserFields: ConsoleForm {
        var csrf: String?
        var username: String?
        var displayName: String?
        var email: String?
        var password: String?
        var roles: [String]?
    }

    @Sendable func newUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .usersWrite)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        return Self.page(ConsolePages.newUser(signedIn.viewer))
    }

    /// Creates a user through ``UserAdministration/create(_:in:audit:)``, as `POST /v1/users` does.
    @Sendable func createUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(NewUserFields.self, request, context: context, needs: .usersWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let blank: (String?) -> String? = { value in value.flatMap { $0.isEmpty ? nil : $0 } }
        let new = UserAdministration.NewUser(
            username: fields.username ?? "", password: blank(fields.password).map { Secret($0) }, displayName: blank(fields.displayName),
            email: blank(fields.email), roles: fields.roles ?? [])
        do {
            let user = try await UserAdministration(services: services).create(new, in: signedIn.tenant.id, audit: context.audit)
            return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/users?created=\(user.id.rawValue)")
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .conflict {
            let form = ConsolePages.NewUserForm(
                username: fields.username ?? "", displayName: fields.displayName ?? "", email: fields.email ?? "", roles: Set(fields.roles ?? []))
            return Self.page(ConsolePages.newUser(signedIn.viewer, form, error: error.message), status: .unprocessableContent)
        }
    }

    /// A page of users in id order (keyset paging: page 100 costs what page 1 costs).
    @Sendable func users(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .usersRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let after = Self.uuidQuery("after", request)
        let search = request.uri.queryParameters["search"].map(String.init)
        let page: Page<User>
        do {
            page = try await UserAdministration(services: services).list(
                in: signedIn.tenant.id, search: search, page: PageRequest(limit: 50, after: after))
        } catch let error as RampartError where error.code == .badRequest {
            return Self.page(
                ConsolePages.users(signedIn.viewer, Page(items: [], nextCursor: nil), search: search, error: error.message), status: .badRequest)
        }
        // The notice names the user as stored, never text from the link.
        var created: String?
        if let id = request.uri.queryParameters["created"].map(String.init), UUIDv7.isWellFormed(id),
            let user = try? await UserAdministration(services: services).get(UserID(rawValue: id), in: signedIn.tenant.id)
        {
            created = "User \(user.username) was created."
        }
        return Self.page(ConsolePages.users(signedIn.viewer, page, search: search, notice: created))
    }
}
