// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartCore

/// `/v1/auth/sso/…`: signing in through a tenant's OpenID Connect provider.
///
/// `GET /v1/auth/sso/{tenant}/{idp}/start` answers 302 to the provider. The provider sends the
/// browser back to `GET /v1/auth/sso/callback`, which answers like `POST /v1/auth/login`: a
/// session token in JSON (`Cache-Control: no-store`). A failed sign-in is a 401 whose detail
/// names the reason (``SSOFailure``); an unreachable provider is a 503.
struct SSOAuthController {
    let signIn: SSOSignIn

    func register(on api: APIRouter) {
        api.add(.get, "/v1/auth/sso/{tenant}/{idp}/start", .anonymous) { request, context in
            guard let tenant = context.parameters.get("tenant"), let idp = context.parameters.get("idp") else {
                throw RampartError.notFound("identity provider")
            }
            let location = try await Self.mapped {
                try await signIn.start(tenantSlug: tenant, providerName: idp, request: request)
            }
            return Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
        }

        api.add(.get, SSOSignIn.callbackPath, .anonymous) { request, context in
            let parameters = SCIMRequest.parameters(request)
            let userAgent = request.headers[.userAgent].map { String($0.prefix(256)) }
            let response = try await Self.mapped {
                try await signIn.callback(parameters: parameters, sourceIP: context.sourceIP, userAgent: userAgent)
            }
            return try JSONBody.response(response, headers: [.cacheControl: "no-store"])
        }
    }

    /// Turns sign-in failures into problems: 503 when the provider cannot be reached, 401
    /// otherwise, and records the reason in the request's audit record.
    static func mapped<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let failure as SSOFailure {
            AuditDetails.event("sso.login.failed", ["reason": failure.code])
            if failure == .providerUnavailable || failure == .discoveryMismatch {
                throw RampartError(.unavailable, "the identity provider cannot be used (\(failure.code))")
            }
            throw failure.rampartError
        }
    }
}
