// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/tags`: the resources discovery tagged (as Ranger resources: database, table, column),
/// the history of tags added and removed by scans, and people's verdicts on them (``TagReviews``).
struct TagsController {
    let services: RampartServices
    let reviews: TagReviews
    private var tags: DiscoveredTags { DiscoveredTags(services: services) }

    struct ReviewRequest: Decodable {
        struct Item: Decodable {
            var datasourceId: String
            var table: String
            var column: String
            var tag: String
        }
        var action: String
        var items: [Item]
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/tags/resources", .tenant(.discoveryRead), listResources)
        api.add(.get, "/v1/tags/history", .tenant(.discoveryRead), history)
        api.add(.get, "/v1/tags/reviews", .tenant(.discoveryRead), listReviews)
        api.add(.post, "/v1/tags/reviews", .tenant(.discoveryWrite), review)
    }

    @Sendable func listReviews(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let items = try await reviews.list(in: principal.tenantID, datasource: try Self.datasource(request))
        return try JSONBody.response(["items": items.map(TagReviewResponse.init)])
    }

    @Sendable func review(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(ReviewRequest.self, from: request, limit: services.maximumBodySize)
        guard let action = TagReviews.Action(rawValue: body.action) else {
            throw RampartError(.validationFailed, "`action` is accept, reject or clear", field: "action")
        }
        let targets = body.items.map { TagReviews.Target(datasourceID: $0.datasourceId, table: $0.table, column: $0.column, tag: $0.tag) }
        let reviewed = try await reviews.review(targets, action: action, reviewer: principal.actor, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(["reviewed": reviewed])
    }

    @Sendable func listResources(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let datasource = try Self.datasource(request)
        let assignments = try await tags.assignments(in: principal.tenantID, datasource: datasource)
        let verdicts = Dictionary(
            try await reviews.list(in: principal.tenantID, datasource: datasource).map { ("\($0.datasourceID)\u{1F}\($0.key)", $0.verdict) }
        ) { first, _ in first }
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
            if let verdict = verdicts["\(a.datasourceID)\u{1F}\(a.key)"] { grouped[key]?.reviews[a.tag] = verdict.rawValue }
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
