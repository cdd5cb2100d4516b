// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/keys`: the tenant's data-key versions (never the keys themselves) and rotation.
struct KeysController {
    let services: RampartServices

    struct KeyVersionsResponse: Encodable {
        var currentVersion: Int
        var versions: [Int]
    }

    struct RotateResponse: Encodable {
        var currentVersion: Int
        var rewrappedSecrets: Int
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/keys", .tenant(.keysManage), list)
        api.add(.post, "/v1/keys/rotate", .tenant(.keysManage), rotate)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let versions = try await services.store.read { try await $0.wrappedTenantKeys(principal.tenantID).map(\.version) }
        return try JSONBody.response(KeyVersionsResponse(currentVersion: versions.max() ?? 0, versions: versions))
    }

    @Sendable func rotate(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let now = services.clock.now()
        let result = try await services.store.write { tx in
            let version = try await services.keyring.rotate(principal.tenantID, in: tx, at: now)
            let rewrapped = try await services.keyring.rewrapSecrets(tenant: principal.tenantID, in: tx, at: now)
            return RotateResponse(currentVersion: version, rewrappedSecrets: rewrapped)
        }
        return try JSONBody.response(result)
    }
}
