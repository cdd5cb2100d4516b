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
        api.add(.post, "/v1/auth/login", .anonymous, login)
        api.add(.post, "/v1/auth/logout", .authenticated, logout)
        api.add(.get, "/v1/me", .authenticated, me)
        api.add(.post, "/v1/me/password", .tenant(.selfRead), changePassword)
    }

    /// The password step (``PasswordLogin``), answered as a session, a second-factor challenge
    /// or the throttle's 429.
    @Sendable func login(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(LoginRequest.self, from: request, limit: services.maximumBodySize)
        let device = LoginDevice(request: request)
        let outcome = try await PasswordLogin(services: services).run(
            tenantSlug: body.tenant, username: body.username, password: body.password, deviceFingerprint: device.fingerprint.hex,
            sourceIP: context.sourceIP, audit: context.audit)
        switch outcome {
        case .throttled(let retryAfter):
            return ProblemDetails.loginThrottled(retryAfter: retryAfter, request: request, context: context)
        case .signedIn(let subject):
            let userAgent = request.boundedUserAgent
            return try await SessionIssuer(services: services).issue(
                subject, device: device, sourceIP: context.sourceIP, userAgent: userAgent, audit: context.audit)
        case .challenged(_, let token, let challenge):
            var response = try JSONBody.response(MFAChallengeResponse(challenge, token: token), headers: [.cacheControl: "no-store"])
            device.apply(to: &response, secure: services.security.configuration.secureCookies)
            return response
        }
    }

    @Sendable func logout(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await OwnAccount(services: services).logout(try context.requirePrincipal(), audit: context.audit)
        return Response(status: .noContent)
    }

    @Sendable func me(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let (tenant, user, groups) = try await OwnAccount(services: services).profile(of: principal)
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

    @Sendable func changePassword(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(ChangePasswordRequest.self, from: request, limit: services.maximumBodySize)
        let outcome = try await OwnAccount(services: services).changePassword(
            try context.routePrincipal(), current: body.currentPassword, new: body.newPassword,
            origin: OwnAccount.Origin(request: request, context: context), audit: context.audit)
        if case .throttled(let retryAfter) = outcome {
            return ProblemDetails.loginThrottled(retryAfter: retryAfter, request: request, context: context)
        }
        return Response(status: .noContent)
    }
}
