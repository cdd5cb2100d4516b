// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RampartApp
import RampartCore
import RampartStorage

/// Resolves the `Authorization` header into a ``Principal``.
///
/// `Bearer <token>` is a session token; `Bearer <key id>.<secret>` or `Basic base64(<key id>:<secret>)`
/// is an API key. A request without the header continues anonymously (routes decide whether that
/// is allowed); a request with a header that does not authenticate is refused here with 401, so a
/// bad credential never silently downgrades to anonymous.
package struct AuthenticationMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext
    let services: RampartServices

    /// Last-seen times are written at most this often per session or key, so that reads do not
    /// turn into a write per request.
    static let touchInterval: Int64 = 60_000

    package init(services: RampartServices) { self.services = services }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // SCIM endpoints take the tenant's SCIM token, which they check themselves; it is
        // neither a session nor an API key, and must not be refused here as one.
        guard let header = request.headers[.authorization], !request.uri.path.hasPrefix("/scim/") else {
            return try await next(request, context)
        }
        var context = context
        let principal = try await authenticate(header: header)
        context.principal = principal
        context.audit?.setPrincipal(principal)
        context.logger[metadataKey: "actor"] = .string(context.principal?.actor ?? "anonymous")
        if case .apiKey(let keyID, _) = principal.kind {
            try await services.security.noteAPIKeyUse(keyID: keyID, tenant: principal.tenantID, ip: context.sourceIP, audit: context.audit)
        }
        return try await next(request, context)
    }

    func authenticate(header: String) async throws -> Principal {
        let invalid = RampartError(.unauthenticated, "invalid or expired credentials")
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw invalid }
        let scheme = parts[0].lowercased()
        let value = String(parts[1]).trimmingWhitespace()
        switch scheme {
        case "bearer":
            if let dot = value.firstIndex(of: ".") {
                return try await authenticateKey(id: String(value[..<dot]), secret: Secret(String(value[value.index(after: dot)...])))
            }
            return try await authenticateSession(token: Secret(value))
        case "basic":
            guard let data = Data(base64Encoded: value), let decoded = String(data: data, encoding: .utf8),
                let colon = decoded.firstIndex(of: ":")
            else { throw invalid }
            return try await authenticateKey(
                id: String(decoded[..<colon]), secret: Secret(String(decoded[decoded.index(after: colon)...])))
        default:
            throw invalid
        }
    }

    /// A write an authentication needs after its read: rare, so the read runs beside the writer
    /// and only these take the write path.
    private enum FollowUp: Sendable {
        case none
        case deleteSession(SessionID, TenantID)
        case touchSession(SessionID, TenantID, lastSeenAt: Int64, idleExpiresAt: Int64)
        case touchApiKey(String, TenantID, at: Int64)
    }

    private func authenticateSession(token: Secret<String>) async throws -> Principal {
        let hash = RandomToken.digest(token.exposedValue)
        let now = services.clock.now()
        let lifetime = services.sessionLifetime
        let (principal, followUp) = try await services.store.read { tx -> (Principal?, FollowUp) in
            guard let session = try await tx.sessionForAuthentication(tokenHash: hash) else { return (nil, .none) }
            guard session.isValid(at: now) else { return (nil, .deleteSession(session.id, session.tenantID)) }
            let principal: Principal
            switch session.subjectKind {
            case .operator:
                guard session.tenantID == .platform,
                    let username = try await tx.operatorUsername(id: OperatorID(session.subjectID))
                else { return (nil, .none) }
                principal = Principal(
                    kind: .operator(OperatorID(session.subjectID)), tenantID: .platform, roles: [], username: username,
                    sessionID: session.id)
            case .user:
                guard let tenant = try await tx.tenant(id: session.tenantID), tenant.status == .active,
                    let user = try await tx.user(UserID(session.subjectID), in: session.tenantID), user.status == .active
                else { return (nil, .none) }
                principal = Principal(
                    kind: .user(user.id, session: session.id), tenantID: tenant.id, roles: user.roles, username: user.username,
                    sessionID: session.id)
            }
            // Saturating: stored times are read back, not trusted (a restored or edited row).
            guard now.subtractingSaturating(session.lastSeenAt) >= Self.touchInterval else { return (principal, .none) }
            let idle = min(now.addingSaturating(lifetime.idle), session.absoluteExpiresAt)
            return (principal, .touchSession(session.id, session.tenantID, lastSeenAt: now, idleExpiresAt: idle))
        }
        try await perform(followUp)
        guard let principal else { throw RampartError(.unauthenticated, "invalid or expired credentials") }
        return principal
    }

    private func authenticateKey(id: String, secret: Secret<String>) async throws -> Principal {
        let hash = RandomToken.digest(secret.exposedValue)
        let now = services.clock.now()
        let (principal, followUp) = try await services.store.read { tx -> (Principal?, FollowUp) in
            guard let key = try await tx.apiKeyForAuthentication(id: id),
                ConstantTime.equals(Array(key.secretHash.utf8), Array(hash.utf8)),
                key.isUsable(at: now),
                let tenant = try await tx.tenant(id: key.tenantID), tenant.status == .active,
                let owner = try await tx.user(key.ownerID, in: key.tenantID), owner.status == .active
            else { return (nil, .none) }
            // A key never outranks its owner: demoting the owner demotes the key too.
            let ownerPermissions = owner.roles.permissions
            let principal = Principal(
                kind: .apiKey(keyID: key.id, owner: owner.id), tenantID: tenant.id,
                roles: key.roles.filter { $0.permissions.isSubset(of: ownerPermissions) },
                username: owner.username)
            guard now.subtractingSaturating(key.lastUsedAt ?? 0) >= Self.touchInterval else { return (principal, .none) }
            return (principal, .touchApiKey(key.id, key.tenantID, at: now))
        }
        try await perform(followUp)
        guard let principal else { throw RampartError(.unauthenticated, "invalid or expired credentials") }
        return principal
    }

    /// Each follow-up is idempotent, so racing requests of one session or key may both run it.
    /// It is bookkeeping before the route runs, not the request's change: written with the plain
    /// store, outside the request's audit record.
    private func perform(_ followUp: FollowUp) async throws {
        switch followUp {
        case .none:
            return
        case .deleteSession(let id, let tenant):
            _ = try await services.store.write { try await $0.deleteSession(id, in: tenant) }
        case .touchSession(let id, let tenant, let lastSeenAt, let idleExpiresAt):
            try await services.store.write { try await $0.touchSession(id, in: tenant, lastSeenAt: lastSeenAt, idleExpiresAt: idleExpiresAt) }
        case .touchApiKey(let id, let tenant, let at):
            try await services.store.write { try await $0.touchApiKey(id: id, in: tenant, at: at) }
        }
    }
}
