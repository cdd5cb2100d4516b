// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Two-factor login: the second login step, enrolment (from a session, or from a login that the
/// tenant's "MFA required" setting stopped), recovery codes, turning it off, and admin reset.
struct MFAController {
    let services: RampartServices

    struct VerifyRequest: Decodable {
        var challenge: Secret<String>
        var code: Secret<String>?
        var recoveryCode: Secret<String>?
    }

    struct ChallengeRequest: Decodable {
        var challenge: Secret<String>
    }

    struct ActivateWithChallengeRequest: Decodable {
        var challenge: Secret<String>
        var code: Secret<String>
    }

    struct ActivateRequest: Decodable {
        var code: Secret<String>
    }

    struct DisableRequest: Decodable {
        var code: Secret<String>?
        var password: Secret<String>?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/auth/mfa", .anonymous, verify)
        api.add(.post, "/v1/auth/mfa/totp", .anonymous, enrolAtLogin)
        api.add(.post, "/v1/auth/mfa/totp/activate", .anonymous, activateAtLogin)
        api.add(.get, "/v1/me/mfa", .authenticated, getStatus)
        api.add(.post, "/v1/me/mfa/totp", .authenticated, enrol)
        api.add(.post, "/v1/me/mfa/totp/activate", .authenticated, activate)
        api.add(.post, "/v1/me/mfa/recovery-codes", .authenticated, regenerateRecoveryCodes)
        api.add(.delete, "/v1/me/mfa", .authenticated, disable)
        api.add(.delete, "/v1/users/{id}/mfa", .tenant(.usersWrite), reset)
    }

    private var mfa: MFAService { MFAService(services: services) }
    private var issuer: SessionIssuer { SessionIssuer(services: services) }
    private var noStore: HTTPFields { [.cacheControl: "no-store"] }

    // MARK: Second login step

    @Sendable func verify(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(VerifyRequest.self, from: request, limit: services.maximumBodySize)
        let proof: MFALogin.Proof
        if let code = body.code {
            proof = .code(code)
        } else if let recoveryCode = body.recoveryCode {
            proof = .recoveryCode(recoveryCode)
        } else {
            // The challenge is checked first, as before: an unknown one is 401 whatever the body.
            _ = try await mfa.redeem(body.challenge, purpose: .verify, audit: context.audit)
            throw RampartError(.validationFailed, "give `code` (from the authenticator) or `recoveryCode`", field: "code")
        }
        let device = LoginDevice(request: request)
        let origin = MFALogin.Origin(request: request, context: context, device: device)
        switch try await MFALogin(services: services).verify(challenge: body.challenge, proof: proof, origin: origin, audit: context.audit) {
        case .throttled(let retryAfter):
            return ProblemDetails.loginThrottled(retryAfter: retryAfter, request: request, context: context)
        case .signedIn(let subject, let opened):
            return try issuer.response(opened, subject: subject, device: device)
        }
    }

    // MARK: Enrolment required at login

    @Sendable func enrolAtLogin(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(ChallengeRequest.self, from: request, limit: services.maximumBodySize)
        let enrollment = try await MFALogin(services: services).beginEnrolment(challenge: body.challenge, audit: context.audit)
        return try JSONBody.response(TOTPEnrollmentResponse(enrollment), headers: noStore)
    }

    @Sendable func activateAtLogin(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(ActivateWithChallengeRequest.self, from: request, limit: services.maximumBodySize)
        let device = LoginDevice(request: request)
        let origin = MFALogin.Origin(request: request, context: context, device: device)
        switch try await MFALogin(services: services).activate(challenge: body.challenge, code: body.code, origin: origin, audit: context.audit) {
        case .throttled(let retryAfter):
            return ProblemDetails.loginThrottled(retryAfter: retryAfter, request: request, context: context)
        case .signedIn(let subject, let opened, let recoveryCodes):
            return try issuer.response(opened, subject: subject, device: device, recoveryCodes: recoveryCodes)
        }
    }

    // MARK: The caller's own two-factor login

    @Sendable func getStatus(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let subject = try await AuthenticatedSubject.of(try context.requirePrincipal(), store: services.store)
        let status = try await mfa.credential(subject)?.status
        let required = try await OwnAccount(services: services).mfaRequired(subject)
        var remaining = 0
        if status == .active { remaining = try await mfa.recoveryCodesRemaining(subject) }
        return try JSONBody.response(
            MFAStatusResponse(totp: status?.rawValue ?? "off", recoveryCodesRemaining: remaining, required: required))
    }

    @Sendable func enrol(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let subject = try await AuthenticatedSubject.of(try context.requirePrincipal(), store: services.store)
        return try JSONBody.response(TOTPEnrollmentResponse(try await mfa.beginEnrolment(subject, audit: context.audit)), headers: noStore)
    }

    @Sendable func activate(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let subject = try await AuthenticatedSubject.of(try context.requirePrincipal(), store: services.store)
        let body = try await JSONBody.decode(ActivateRequest.self, from: request, limit: services.maximumBodySize)
        return try JSONBody.response(RecoveryCodesResponse(try await mfa.activate(subject, code: body.code, audit: context.audit)), headers: noStore)
    }

    @Sendable func regenerateRecoveryCodes(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let subject = try await AuthenticatedSubject.of(try context.requirePrincipal(), store: services.store)
        return try JSONBody.response(RecoveryCodesResponse(try await mfa.regenerateRecoveryCodes(subject, audit: context.audit)), headers: noStore)
    }

    @Sendable func disable(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let subject = try await AuthenticatedSubject.of(try context.requirePrincipal(), store: services.store)
        let body = try await JSONBody.decode(DisableRequest.self, from: request, limit: services.maximumBodySize)
        let outcome = try await OwnAccount(services: services).disableMFA(
            subject, code: body.code, password: body.password, origin: OwnAccount.Origin(request: request, context: context),
            audit: context.audit)
        if case .throttled(let retryAfter) = outcome {
            return ProblemDetails.loginThrottled(retryAfter: retryAfter, request: request, context: context)
        }
        return Response(status: .noContent)
    }

    // MARK: Admin reset

    @Sendable func reset(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await mfa.reset(user: try context.id("id", as: UserID.self, what: "user"), in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

}
