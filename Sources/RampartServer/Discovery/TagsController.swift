// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/tags`: the resources discovery tagged (as Ranger resources: database, table, column),
/// and the history of tags added and removed by scans.
struct TagsController {
    let services: RampartServices
    private var tags: DiscoveredTags { DiscoveredTags(services: services) }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/tags/resources", .tenant(.discoveryRead), listResources)
        api.add(.get, "/v1/tags/history", .tenant(.discoveryRead), history)
    }

    @Sendable func listResources(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let datasource = try Self.datasource(request)
        let assignments = try await tags.assignments(in: principal.tenantID, datasource: datasource)
        var grouped: [String: TaggedResourceResponse] = [:]
        var order: [String] = []
        for a in assignments {
            let key = "\(a.datasourceID)\u{1F}\(a.database)\u{1F}\(a.table)\u{1F}\(a.column)"
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = TaggedResourceResponse(
                    datasourceId: a.datasourceID, resource: ["database": a.database, "table": a.table, "column": a.column], tags: [],
                    classes: [:], scanId: a.scanID)
            }
            grouped[key]?.tags.append(a.tag)
            grouped[key]?.classes[a.dataClass] = a.confidence
        }
        return try JSONBody.response(["items": order.compactMap { grouped[$0] }])
    }

    @Sendable func history(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let datasource = try Self.datasource(request)
        let page = try context.page(request)
        let entries = try await tags.history(in: principal.tenantID, datasource: datasource, limit: page.limit)
        return try JSONBody.response(["items": entries.map(TagHistoryResponse.init)])
    }

    static func datasource(_ request: Request) throws -> String? {
        guard let value = request.uri.queryParameters.get("datasource") else { return nil }
        guard UUIDv7.isWellFormed(value) else { throw RampartError(.badRequest, "`datasource` is not an id", field: "datasource") }
        return value
    }
}
