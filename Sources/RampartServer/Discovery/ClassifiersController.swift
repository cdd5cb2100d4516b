// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartDiscovery
import RampartStorage

/// `/v1/classifiers`: a tenant's custom classifiers (a ``CustomClassifierDefinition``: safe
/// pattern, optional validator, column-name hints, thresholds), used by that tenant's scans.
/// A definition is compiled when posted, so a bad pattern is a 422 now rather than a failed scan later.
struct ClassifiersController {
    let services: RampartServices

    struct ClassifierResponse: Codable, Sendable {
        var id: String
        var definition: CustomClassifierDefinition
        var createdAt: String
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/classifiers", .tenant(.discoveryWrite), create)
        api.add(.get, "/v1/classifiers", .tenant(.discoveryRead), list)
        api.add(.delete, "/v1/classifiers/{id}", .tenant(.discoveryWrite), delete)
    }

    private var classifiers: CustomClassifiers { CustomClassifiers(services: services) }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let definition = try await JSONBody.decode(CustomClassifierDefinition.self, from: request, limit: services.maximumBodySize)
        return try JSONBody.response(
            Self.response(try await classifiers.create(definition, in: principal.tenantID, audit: context.audit)), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await classifiers.list(in: principal.tenantID).map(Self.response)])
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await classifiers.delete(context.parameters.get("id") ?? "", in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    static func response(_ stored: CustomClassifiers.Stored) -> ClassifierResponse {
        ClassifierResponse(
            id: stored.classifier.id, definition: stored.definition, createdAt: Timestamp.rfc3339(milliseconds: stored.classifier.createdAt))
    }
}
