// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// `/v1/services/{id}/tags`: the tags of a tag service, replaced as a whole.
struct ServiceTagsController {
    let tags: ServiceTagsAdministration
    /// Hand-made tags change who may see what (tag policies read them): refused while the tenant requires four eyes.
    let changes: ChangeRequests
    let bodyLimit: Int

    func register(on api: APIRouter) {
        api.add(.put, "/v1/services/{id}/tags", .tenant(.policiesWrite), replace)
        api.add(.get, "/v1/services/{id}/tags", .tenant(.policiesRead), get)
    }

    @Sendable func replace(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let tenant = try context.routePrincipal().tenantID
        let id = try context.objectID(what: "service")
        try await changes.refuseWhenRequired("replacing a tag service's tags changes what its tag policies decide", in: tenant)
        // Tag documents of large estates run to megabytes.
        let json = try RangerJSON.object(try await JSONBody.collect(request, limit: max(bodyLimit, 16 << 20)))
        let (row, version) = try await tags.replace(
            ofService: id, with: json, precondition: PolicyObjectHTTP.precondition(request), in: tenant, audit: context.audit)
        return PolicyObjectHTTP.response(row, tenantVersion: version)
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let tenant = try context.routePrincipal().tenantID
        return PolicyObjectHTTP.response(try await tags.get(ofService: try context.objectID(what: "service"), in: tenant))
    }
}
