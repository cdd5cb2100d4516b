// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartCore
import RampartStorage

/// Login, logout and the caller's own profile.
struct AuthController {
    let services: RampartServices

    struct LoginRequest: Decodable {
        /// Tenant slug; absent for the platform operator.
        var tenant: String?
        var username: String
        var password: Secret<String>
    }

    struct ChangePasswordRequest: Decodable {
        var currentPassword: Secret<String>
        var newPassword: Secret<String>
    }

    func register(on api: APIRouter) {
        let limit = services.maximumBodySize

        api.add(.post, "/v1/auth/login", .anonymous) { request, context in
            let body = try await JSONBody.decode(LoginRequest.self, from: request, limit: limit)
            let userAgent = request.headers[.userAgent].map { String($0.prefix(256)) }
            let response = try await login(body, sourceIP: context.sourceIP, userAgent: userAgent)
            return try JSONBody.response(response, headers: [.cacheControl: "no-store"])
        }

        api.add(.post, "/v1/auth/logout", .authenticated) { _, context in
            let principal = try context.requirePrincipal()
            if let session = principal.sessionID {
                _ = try await services.store.write { try await $0.deleteSession(session, in: principal.tenantID) }
            } else {
                throw RampartError(.badRequest, "API keys are revoked, not logged out: DELETE /v1/api-keys/{id}")
            }
            return Response(status: .noContent)
        }

        api.add(.get, "/v1/me", .authenticated) { _, context in
            let principal = try context.requirePrincipal()
            let (tenant, user, groups): (Tenant?, User?, [Group]) = try await services.store.read { tx in
                guard let userID = principal.userID else { return (nil, nil, []) }
                return (
                    try await tx.tenant(id: principal.tenantID), try await tx.user(userID, in: principal.tenantID),
                    try await tx.groups(of: userID, in: principal.tenantID)
                )
            }
            let kind: String =
                switch principal.kind {
                case .operator: "operator"
                case .user: "user"
                case .apiKey: "api-key"
                }
            return try JSONBody.response(
                MeResponse(
                    kind: kind, actor: principal.actor, username: principal.username, tenant: tenant.map(TenantResponse.init),
                    user: user.map(UserResponse.init), roles: principal.roles.map(\.rawValue).sorted(),
                    permissions: principal.isOperator ? [] : principal.roles.permissions.map(\.rawValue).sorted(),
                    groups: groups.map(GroupResponse.init)))
        }

        api.add(.post, "/v1/me/password", .tenant(.selfRead)) { request, context in
            let principal = try context.require(.selfRead)
            guard case .user(let userID, _) = principal.kind else {
                throw RampartError(.forbidden, "only a signed-in user can change their password")
            }
            let body = try await JSONBody.decode(ChangePasswordRequest.self, from: request, limit: limit)
            try services.passwordPolicy.validate(body.newPassword, username: principal.username, field: "newPassword")
            guard let user = try await services.store.read({ try await $0.user(userID, in: principal.tenantID) }),
                let hash = user.passwordHash, services.passwordHasher.verify(body.currentPassword, against: hash)
            else { throw RampartError(.validationFailed, "current password is incorrect", field: "currentPassword") }
            let newHash = try services.passwordHasher.hash(body.newPassword)
            let now = services.clock.now()
            try await services.store.write { tx in
                guard var user = try await tx.user(userID, in: principal.tenantID) else { throw RampartError.notFound("user") }
                user.passwordHash = newHash
                user.updatedAt = now
                try await tx.updateUser(user)
                // Every session ends, this one included: whoever else held one may be the reason for the change.
                _ = try await tx.deleteSessions(subjectID: userID.rawValue, in: principal.tenantID)
            }
            return Response(status: .noContent)
        }
    }

    private func login(_ body: LoginRequest, sourceIP: String?, userAgent: String?) async throws -> LoginResponse {
        let invalid = RampartError(.unauthenticated, "invalid username or password")
        let hasher = services.passwordHasher
        let decoy = services.decoyPasswordHash
        guard let tenantSlug = body.tenant, !tenantSlug.isEmpty else {
            let credentials = try await services.store.read { try await $0.operatorCredentials(username: body.username) }
            // Verify against a decoy when the operator is unknown, so timing does not reveal it.
            let verified = hasher.verify(body.password, against: credentials?.passwordHash ?? decoy)
            guard verified, let credentials else {
                AuditDetails.event("login.failed", ["username": body.username])
                throw invalid
            }
            AuditScope.current?.update {
                $0.actorType = "operator"
                $0.actorID = credentials.id.rawValue
            }
            AuditDetails.event("login.succeeded")
            return try await openSession(
                tenant: nil, subject: .operator, subjectID: credentials.id.rawValue, sourceIP: sourceIP, userAgent: userAgent,
                user: nil, operatorName: body.username)
        }
        let (tenant, user): (Tenant?, User?) = try await services.store.read { tx in
            guard let tenant = try await tx.tenant(slug: tenantSlug) else { return (nil, nil) }
            return (tenant, try await tx.user(username: body.username, in: tenant.id))
        }
        if let tenant { AuditScope.current?.update { $0.tenant = tenant.id } }
        if let tenant, try await services.store.read({ try await $0.ssoSettings(tenant.id) }).ssoOnly {
            AuditDetails.event("login.refused", ["username": body.username, "reason": "sso-only"])
            throw RampartError(.forbidden, "tenant `\(tenant.slug)` signs in through single sign-on only")
        }
        let verified = hasher.verify(body.password, against: user?.passwordHash ?? decoy)
        guard verified, let tenant, let user else {
            AuditDetails.event("login.failed", ["username": body.username])
            throw invalid
        }
        AuditScope.current?.update {
            $0.actorType = "user"
            $0.actorID = user.id.rawValue
        }
        AuditDetails.event("login.succeeded")
        // Only a caller who knows the password learns that the tenant is suspended.
        guard tenant.status == .active else { throw RampartError(.tenantSuspended, "tenant `\(tenant.slug)` is suspended") }
        guard user.status == .active else {
            AuditDetails.event("login.failed", ["username": body.username, "reason": "disabled"])
            throw invalid
        }
        if let hash = user.passwordHash, hasher.needsRehash(hash) {
            let upgraded = try hasher.hash(body.password)
            try await services.store.write { tx in
                guard var current = try await tx.user(user.id, in: tenant.id) else { return }
                current.passwordHash = upgraded
                try await tx.updateUser(current)
            }
        }
        return try await openSession(
            tenant: tenant, subject: .user, subjectID: user.id.rawValue, sourceIP: sourceIP, userAgent: userAgent, user: user,
            operatorName: nil)
    }

    private func openSession(
        tenant: Tenant?, subject: Session.SubjectKind, subjectID: String, sourceIP: String?, userAgent: String?, user: User?,
        operatorName: String?
    ) async throws -> LoginResponse {
        let token = Secret(RandomToken.generate())
        let now = services.clock.now()
        let lifetime = services.sessionLifetime
        let session = Session(
            id: .generate(), tokenHash: RandomToken.digest(token.exposedValue), tenantID: tenant?.id ?? .platform,
            subjectKind: subject, subjectID: subjectID, createdAt: now, lastSeenAt: now,
            idleExpiresAt: now + min(lifetime.idle, lifetime.absolute), absoluteExpiresAt: now + lifetime.absolute,
            sourceIP: sourceIP, userAgent: userAgent)
        try await services.store.write { try await $0.insertSession(session) }
        return LoginResponse(
            token: token.exposedValue, tokenType: "Bearer", expiresAt: Timestamp.rfc3339(milliseconds: session.absoluteExpiresAt),
            idleTimeoutSeconds: lifetime.idle / 1000, sessionId: session.id.rawValue, tenant: tenant.map(TenantResponse.init),
            user: user.map(UserResponse.init), operator: operatorName)
    }
}
