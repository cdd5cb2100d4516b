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

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let settings = try await services.store.read { try await $0.ssoSettings(principal.tenantID) }
        return try JSONBody.response(Body(ssoOnly: settings.ssoOnly))
    }

    @Sendable func replace(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(Body.self, from: request, limit: services.maximumBodySize)
        let now = services.clock.now()
        try await services.store.write { tx in
            if body.ssoOnly {
                // Refusing passwords with no way in but SSO needs an SSO way in, or the tenant locks itself out.
                let providers = try await tx.ssoProviders(in: principal.tenantID, page: PageRequest(limit: PageRequest.maximumLimit))
                guard providers.items.contains(where: \.enabled) else {
                    throw RampartError(.conflict, "enable an identity provider before making SSO the only way to sign in", field: "ssoOnly")
                }
            }
            try await tx.setSSOSettings(SSOSettings(ssoOnly: body.ssoOnly), in: principal.tenantID, at: now)
        }
        return try JSONBody.response(body)
    }
}
