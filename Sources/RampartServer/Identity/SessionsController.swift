// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Sessions: a person's own (`/v1/me/sessions`) and, for tenant-admins, a user's.
struct SessionsController {
    let services: RampartServices
    private var sessions: SessionAdministration { SessionAdministration(services: services) }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/me/sessions", .authenticated, listOwn)
        api.add(.delete, "/v1/me/sessions", .authenticated, revokeOwn)
        api.add(.delete, "/v1/me/sessions/{id}", .authenticated, revokeOwnSession)
        api.add(.get, "/v1/users/{id}/sessions", .tenant(.usersRead), listForUser)
        api.add(.delete, "/v1/users/{id}/sessions", .tenant(.usersWrite), revokeForUser)
    }

    @Sendable func listOwn(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let (principal, current) = try Self.sessionPrincipal(context)
        let live = try await sessions.sessions(of: Self.subjectID(principal), in: principal.tenantID)
        return try JSONBody.response(PageResponse(Page(items: live, nextCursor: nil)) { SessionResponse($0, current: current) })
    }

    @Sendable func revokeOwn(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let (principal, current) = try Self.sessionPrincipal(context)
        // `?others=true` keeps the caller signed in; without it every session ends, this one too.
        let keepCurrent = request.uri.queryParameters["others"].map { $0 == "true" || $0 == "1" } ?? false
        let revoked = try await sessions.revokeAll(
            of: Self.subjectID(principal), except: keepCurrent ? current : nil, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(RevokedResponse(revoked: revoked))
    }

    @Sendable func revokeOwnSession(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let (principal, _) = try Self.sessionPrincipal(context)
        let id = try context.id("id", as: SessionID.self, what: "session")
        try await sessions.revoke(id, of: Self.subjectID(principal), in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    @Sendable func listForUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let live = try await sessions.sessions(ofUser: try context.id("id", as: UserID.self, what: "user"), in: principal.tenantID)
        return try JSONBody.response(PageResponse(Page(items: live, nextCursor: nil)) { SessionResponse($0, current: principal.sessionID) })
    }

    @Sendable func revokeForUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let revoked = try await sessions.revokeAll(
            ofUser: try context.id("id", as: UserID.self, what: "user"), in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(RevokedResponse(revoked: revoked))
    }

    /// The caller and their current session; API keys have no sessions to manage.
    static func sessionPrincipal(_ context: RampartRequestContext) throws -> (Principal, SessionID) {
        let principal = try context.requirePrincipal()
        guard let session = principal.sessionID else {
            throw RampartError(.forbidden, "API keys have no sessions; this operation needs a signed-in session")
        }
        return (principal, session)
    }

    static func subjectID(_ principal: Principal) -> String {
        switch principal.kind {
        case .operator(let id): id.rawValue
        case .user(let id, _): id.rawValue
        case .apiKey(_, let owner): owner.rawValue
        }
    }
}
