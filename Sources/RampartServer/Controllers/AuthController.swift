// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
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
            return try await login(
                body, device: LoginDevice(request: request), sourceIP: context.sourceIP, userAgent: userAgent,
                instance: request.uri.path, requestID: context.requestID)
        }

        api.add(.post, "/v1/auth/logout", .authenticated) { _, context in
            let principal = try context.requirePrincipal()
            if let session = principal.sessionID {
                _ = try await services.store.write { try await $0.deleteSession(session, in: principal.tenantID) }
            } else {
                throw RampartError(.forbidden, "API keys are revoked, not logged out: DELETE /v1/api-keys/{id}")
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
            let principal = try context.routePrincipal()
            guard case .user(let userID, _) = principal.kind else {
                throw RampartError(.forbidden, "only a signed-in user can change their password")
            }
            let body = try await JSONBody.decode(ChangePasswordRequest.self, from: request, limit: limit)
            try services.passwordPolicy.validate(body.newPassword, username: principal.username, field: "newPassword")
            let subject = try await AuthenticatedSubject.of(principal, store: services.store)
            let outcome = try await PasswordRecheck(services: services).check(
                subject, password: body.currentPassword, field: "currentPassword", request: request, context: context)
            if case .throttled(let refused) = outcome { return refused }
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

    /// The password step. Throttled attempts are refused before the password is looked at;
    /// a right password ends in a session, or in a second-factor challenge when the account has
    /// one (or must enrol one).
    private func login(
        _ body: LoginRequest, device: LoginDevice, sourceIP: String?, userAgent: String?, instance: String, requestID: String
    ) async throws -> Response {
        let invalid = RampartError(.unauthenticated, "invalid username or password")
        let hasher = services.passwordHasher
        let decoy = services.decoyPasswordHash
        let security = services.security
        let fingerprint = device.fingerprint.hex
        guard let tenantSlug = body.tenant, !tenantSlug.isEmpty else {
            let (credentials, known) = try await services.store.read { tx -> ((id: OperatorID, passwordHash: String)?, Bool) in
                guard let credentials = try await tx.operatorCredentials(username: body.username) else { return (nil, false) }
                return (credentials, try await tx.isKnownSource(.device, fingerprint, subjectID: credentials.id.rawValue, in: .platform))
            }
            let attempt = LoginAttempt(tenant: nil, tenantSlug: nil, username: body.username, ip: sourceIP)
            let policy = security.configuration.loginThrottle
            if let refused = security.refusal(attempt, knownDevice: known, policy: policy, instance: instance, requestID: requestID) {
                return refused
            }
            // Verify against a decoy when the operator is unknown, so timing does not reveal it.
            let verified = hasher.verify(body.password, against: credentials?.passwordHash ?? decoy)
            guard verified, let credentials else {
                AuditDetails.event("login.failed", ["username": body.username])
                try await security.loginFailed(attempt, policy: policy)
                throw invalid
            }
            let subject = AuthenticatedSubject.operator(credentials.id, username: body.username)
            subject.bindAudit()
            return try await secondStep(subject, mfaRequired: false, device: device, sourceIP: sourceIP, userAgent: userAgent)
        }
        let (tenant, user, settings, known): (Tenant?, User?, TenantSecuritySettings?, Bool) = try await services.store.read { tx in
            guard let tenant = try await tx.tenant(slug: tenantSlug) else { return (nil, nil, nil, false) }
            let user = try await tx.user(username: body.username, in: tenant.id)
            let settings = try await tx.tenantSecuritySettings(tenant.id)
            var known = false
            if let user { known = try await tx.isKnownSource(.device, fingerprint, subjectID: user.id.rawValue, in: tenant.id) }
            return (tenant, user, settings, known)
        }
        if let tenant { AuditScope.current?.update { $0.tenant = tenant.id } }
        if let tenant, try await services.store.read({ try await $0.ssoSettings(tenant.id) }).ssoOnly {
            AuditDetails.event("login.refused", ["username": body.username, "reason": "sso-only"])
            throw RampartError(.forbidden, "tenant `\(tenant.slug)` signs in through single sign-on only")
        }
        let attempt = LoginAttempt(tenant: tenant?.id, tenantSlug: tenantSlug, username: body.username, ip: sourceIP)
        let policy = ThrottlePolicyDocument.policy(stored: settings?.loginThrottleJSON, base: security.configuration.loginThrottle)
        if let refused = security.refusal(attempt, knownDevice: known, policy: policy, instance: instance, requestID: requestID) {
            return refused
        }
        let verified = hasher.verify(body.password, against: user?.passwordHash ?? decoy)
        guard verified, let tenant, let user else {
            AuditDetails.event("login.failed", ["username": body.username])
            try await security.loginFailed(attempt, policy: policy)
            throw invalid
        }
        let subject = AuthenticatedSubject.user(tenant, user)
        subject.bindAudit()
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
        return try await secondStep(
            subject, mfaRequired: settings?.mfaRequired ?? false, device: device, sourceIP: sourceIP, userAgent: userAgent)
    }

    /// After a right password: a session, or a challenge for the second factor (or for enrolling
    /// one, when the tenant requires it and the account has none).
    private func secondStep(
        _ subject: AuthenticatedSubject, mfaRequired: Bool, device: LoginDevice, sourceIP: String?, userAgent: String?
    ) async throws -> Response {
        let mfa = MFAService(services: services)
        let purpose: MFAChallenge.Purpose?
        if try await mfa.isActive(subject) {
            purpose = .verify
        } else if mfaRequired {
            purpose = .enrol
        } else {
            purpose = nil
        }
        guard let purpose else {
            AuditDetails.event("login.succeeded")
            return try await SessionIssuer(services: services).issue(subject, device: device, sourceIP: sourceIP, userAgent: userAgent)
        }
        AuditDetails.event(purpose == .verify ? "login.mfa_challenged" : "login.mfa_enrolment_required")
        let (token, challenge) = try await mfa.issueChallenge(subject, purpose: purpose)
        var response = try JSONBody.response(
            MFAChallengeResponse(challenge, token: token), headers: [.cacheControl: "no-store"])
        device.apply(to: &response, secure: services.security.configuration.secureCookies)
        return response
    }
}
