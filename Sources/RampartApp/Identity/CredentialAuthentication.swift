// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// Turns a presented session token or API key into the ``Principal`` it stands for, or refuses it.
///
/// Every refusal is the same `unauthenticated` error, so a caller cannot tell an unknown token
/// from an expired one or a disabled owner. The check is a read; the rare writes it needs (ending
/// an expired session, noting when a session or key was last used) follow it on the write path.
/// An API key that authenticated is kept in the ``DirectoryCache`` with its owner, so the next
/// call with it reads nothing; a change to the key, its owner or its tenant drops it at once.
package struct CredentialAuthentication: Sendable {
    package let services: RampartServices

    /// Last-seen times are written at most this often per session or key, so that reads do not
    /// turn into a write per request.
    package static let touchInterval: Int64 = 60_000

    package init(services: RampartServices) { self.services = services }

    /// The principal `credential` authenticates.
    ///
    /// - Throws: ``RampartError`` `unauthenticated` when it does not authenticate.
    package func principal(for credential: PresentedCredential) async throws -> Principal {
        let (principal, followUp) =
            switch credential {
            case .sessionToken(let token): try await session(token)
            case .apiKey(let id, let secret): try await apiKey(id: id, secret: secret)
            }
        try await perform(followUp)
        guard let principal else { throw Self.refused }
        return principal
    }

    package static var refused: RampartError { RampartError(.unauthenticated, "invalid or expired credentials") }

    /// A write an authentication needs after its read: rare, so the read runs beside the writer
    /// and only these take the write path.
    private enum FollowUp: Sendable {
        case none
        case deleteSession(SessionID, TenantID)
        case touchSession(SessionID, TenantID, lastSeenAt: Int64, idleExpiresAt: Int64)
        case touchApiKey(String, TenantID, at: Int64)
    }

    private func session(_ token: Secret<String>) async throws -> (Principal?, FollowUp) {
        let hash = RandomToken.digest(token.exposedValue)
        let now = services.clock.now()
        let lifetime = services.sessionLifetime
        return try await services.store.read { tx -> (Principal?, FollowUp) in
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
    }

    private func apiKey(id: String, secret: Secret<String>) async throws -> (Principal?, FollowUp) {
        let hash = RandomToken.digest(secret.exposedValue)
        let now = services.clock.now()
        let (cached, ticket) = services.directory.apiKey(id: id)
        var found = cached
        if found == nil {
            found = try await services.store.read { tx -> DirectoryCache.CachedApiKey? in
                guard let key = try await tx.apiKeyForAuthentication(id: id),
                    let tenant = try await tx.tenant(id: key.tenantID), tenant.status == .active,
                    let owner = try await tx.user(key.ownerID, in: key.tenantID), owner.status == .active
                else { return nil }
                return DirectoryCache.CachedApiKey(key: key, owner: owner)
            }
        }
        guard let found, ConstantTime.equals(found.key.secretHash, hash), found.key.isUsable(at: now) else {
            return (nil, .none)
        }
        // Remembered only once the secret matched: a guessed id fills nothing.
        if cached == nil { services.directory.remember(apiKey: found, ticket: ticket) }
        let key = found.key
        let owner = found.owner
        // A key never outranks its owner: demoting the owner demotes the key too.
        let ownerPermissions = owner.roles.permissions
        let principal = Principal(
            kind: .apiKey(keyID: key.id, owner: owner.id), tenantID: key.tenantID,
            roles: key.roles.filter { $0.permissions.isSubset(of: ownerPermissions) },
            username: owner.username, decisionRateLimit: key.decisionRateLimit)
        guard now.subtractingSaturating(key.lastUsedAt ?? 0) >= Self.touchInterval else { return (principal, .none) }
        return (principal, .touchApiKey(key.id, key.tenantID, at: now))
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
            services.directory.noteUsed(apiKey: id, at: at)
        }
    }
}
