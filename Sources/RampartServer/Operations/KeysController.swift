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
        /// Token-vault entries re-encrypted under the new version (in batches, after the rotation).
        var reencryptedVaultEntries: Int
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/keys", .tenant(.keysManage), list)
        api.add(.post, "/v1/keys/rotate", .tenant(.keysManage), rotate)
    }

    private var keys: TenantKeys { TenantKeys(services: services) }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let versions = try await keys.versions(of: principal.tenantID)
        return try JSONBody.response(KeyVersionsResponse(currentVersion: versions.max() ?? 0, versions: versions))
    }

    @Sendable func rotate(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let (version, rewrapped) = try await keys.rotate(principal.tenantID, rewrappingSecrets: true, audit: context.audit)
        let vault = try await keys.reencryptVault(of: principal.tenantID)
        return try JSONBody.response(RotateResponse(currentVersion: version, rewrappedSecrets: rewrapped, reencryptedVaultEntries: vault))
    }
}
