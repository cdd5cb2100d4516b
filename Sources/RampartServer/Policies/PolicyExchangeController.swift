// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/policies/import` and `/v1/policies/export`: whole services as Ranger exports (the
/// service, its definition and its policies in one document).
struct PolicyExchangeController {
    let administration: PolicyAdministration
    /// An import is many changes at once: refused while the tenant requires four eyes.
    let changes: ChangeRequests
    let bodyLimit: Int

    struct ImportResponse: Encodable {
        var service: String
        var version: Int64
        var policies: Int
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/policies/import", .tenant(.policiesWrite), importService)
        api.add(.get, "/v1/policies/export", .tenant(.policiesRead), exportService)
    }

    @Sendable func importService(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let tenant = try context.routePrincipal().tenantID
        try await changes.refuseWhenRequired("a policy import replaces a whole service at once", in: tenant)
        let data = try await JSONBody.collect(request, limit: max(bodyLimit, 16 << 20))
        let imported = try await PolicyImport.run(data, tenant: tenant, administration: administration, audit: context.audit)
        return try JSONBody.response(ImportResponse(service: imported.service, version: imported.version, policies: imported.policies))
    }

    @Sendable func exportService(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let tenant = try context.routePrincipal().tenantID
        guard let name = request.uri.queryParameters["service"].map(String.init), !name.isEmpty else {
            throw RampartError(.badRequest, "`service` query parameter is required", field: "service")
        }
        let body = try await PolicyImport.export(service: name, tenant: tenant, store: administration.store)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: body)))
    }
}
