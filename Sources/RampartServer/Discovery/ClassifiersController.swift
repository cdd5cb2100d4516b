// SPDX-License-Identifier: Apache-2.0

import Foundation
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

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        var definition = try await JSONBody.decode(CustomClassifierDefinition.self, from: request, limit: services.maximumBodySize)
        do {
            _ = try definition.compile()
        } catch {
            throw RampartError.validation(error.message, field: Self.field(of: error))
        }
        definition.dataClass = definition.dataClass.uppercased()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = TenantClassifier(
            id: UUIDv7.generate(), tenantID: principal.tenantID, name: definition.dataClass,
            definition: String(decoding: try encoder.encode(definition), as: UTF8.self), createdAt: services.clock.now())
        AuditScope.current?.setEntity("classifiers", stored.id)
        try await services.store.write { tx in
            if try await tx.classifier(name: stored.name, in: principal.tenantID) != nil {
                throw RampartError(.conflict, "a classifier for `\(stored.name)` already exists", field: "dataClass")
            }
            try await tx.insertClassifier(stored)
        }
        return try JSONBody.response(
            ClassifierResponse(id: stored.id, definition: definition, createdAt: Timestamp.rfc3339(milliseconds: stored.createdAt)),
            status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let list = try await services.store.read { tx in try await tx.classifiers(in: principal.tenantID) }
        let items = list.compactMap { stored -> ClassifierResponse? in
            guard let definition = try? JSONDecoder().decode(CustomClassifierDefinition.self, from: Data(stored.definition.utf8)) else {
                return nil
            }
            return ClassifierResponse(id: stored.id, definition: definition, createdAt: Timestamp.rfc3339(milliseconds: stored.createdAt))
        }
        return try JSONBody.response(["items": items])
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id"), UUIDv7.isWellFormed(id) else { throw RampartError.notFound("classifier") }
        guard try await services.store.write({ tx in try await tx.deleteClassifier(id: id, in: principal.tenantID) }) else {
            throw RampartError.notFound("classifier")
        }
        return Response(status: .noContent)
    }

    static func field(of error: DiscoveryError) -> String {
        switch error.code {
        case .invalidPattern: "pattern"
        case .unknownValidator: "validator"
        default:
            ["dataClass", "minPrevalence", "maxInspectedLength", "columnNameHints", "pattern"].first { error.message.contains($0) } ?? "dataClass"
        }
    }
}
