// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/sso/settings`: whether the tenant signs in through SSO only.
struct SSOSettingsController {
    let services: RampartServices

    struct Body: Codable, Sendable {
        var ssoOnly: Bool
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/sso/settings", .tenant(.usersWrite), get)
        api.add(.put, "/v1/sso/settings", .tenant(.usersWrite), replace)
    }

    private var identities: SSOIdentities { SSOIdentities(services: services) }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(Body(ssoOnly: try await identities.ssoOnly(in: principal.tenantID)))
    }

    @Sendable func replace(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(Body.self, from: request, limit: services.maximumBodySize)
        try await identities.setSSOOnly(body.ssoOnly, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(body)
    }
}
