// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Sessions: a person's own (`/v1/me/sessions`) and, for tenant-admins, a user's.
struct SessionsController {
    let services: RampartServices

    func register(on api: APIRouter) {
        api.add(.get, "/v1/me/sessions", .authenticated, listOwn)
        api.add(.delete, "/v1/me/sessions", .authenticated, revokeOwn)
        api.add(.delete, "/v1/me/sessions/{id}", .authenticated, revokeOwnSession)
        api.add(.get, "/v1/users/{id}/sessions", .tenant(.usersRead), listForUser)
        api.add(.delete, "/v1/users/{id}/sessions", .tenant(.usersWrite), revokeForUser)
    }

    @Sendable func listOwn(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let (principal, current) = try Self.sessionPrincipal(context)
        let subjectID = Self.subjectID(principal)
        let now = services.clock.now()
        let sessions = try await services.store.read { try await $0.sessions(subjectID: subjectID, in: principal.tenantID) }
        return try JSONBody.response(
            PageResponse(Page(items: sessions.filter { $0.isValid(at: now) }, nextCursor: nil)) { SessionResponse($0, current: current) })
    }

    @Sendable func revokeOwn(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let (principal, current) = try Self.sessionPrincipal(context)
        let subjectID = Self.subjectID(principal)
        // `?others=true` keeps the caller signed in; without it every session ends, this one too.
        let keepCurrent = request.uri.queryParameters["others"].map { $0 == "true" || $0 == "1" } ?? false
        let revoked = try await services.store.write { tx -> Int in
            if keepCurrent { return try await tx.deleteSessions(subjectID: subjectID, in: principal.tenantID, except: current) }
            return try await tx.deleteSessions(subjectID: subjectID, in: principal.tenantID)
        }
        return try JSONBody.response(RevokedResponse(revoked: revoked))
    }

    @Sendable func revokeOwnSession(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let (principal, _) = try Self.sessionPrincipal(context)
        let subjectID = Self.subjectID(principal)
        let id = try context.id("id", as: SessionID.self, what: "session")
        let deleted = try await services.store.write { tx -> Bool in
            // Only the caller's own sessions: another user's session id is "not found".
            guard try await tx.sessions(subjectID: subjectID, in: principal.tenantID).contains(where: { $0.id == id }) else { return false }
            return try await tx.deleteSession(id, in: principal.tenantID)
        }
        guard deleted else { throw RampartError.notFound("session") }
        return Response(status: .noContent)
    }

    @Sendable func listForUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let now = services.clock.now()
        let sessions: [Session] = try await services.store.read { tx in
            guard try await tx.user(id, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
            return try await tx.sessions(subjectID: id.rawValue, in: principal.tenantID)
        }
        return try JSONBody.response(
            PageResponse(Page(items: sessions.filter { $0.isValid(at: now) }, nextCursor: nil)) {
                SessionResponse($0, current: principal.sessionID)
            })
    }

    @Sendable func revokeForUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let revoked = try await services.store.write { tx -> Int in
            guard try await tx.user(id, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
            return try await tx.deleteSessions(subjectID: id.rawValue, in: principal.tenantID)
        }
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
