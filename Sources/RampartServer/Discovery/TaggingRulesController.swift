// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/tagging-rules`: "class X with confidence ≥ c → tag T", applied after every scan of the tenant.
struct TaggingRulesController {
    let services: RampartServices

    struct Body: Decodable {
        var `class`: String?
        var minConfidence: Double?
        var tag: String?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/tagging-rules", .tenant(.discoveryWrite), create)
        api.add(.get, "/v1/tagging-rules", .tenant(.discoveryRead), list)
        api.add(.delete, "/v1/tagging-rules/{id}", .tenant(.discoveryWrite), delete)
    }

    private var rules: TaggingRules { TaggingRules(services: services) }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(Body.self, from: request, limit: services.maximumBodySize)
        let rule = try await rules.create(
            dataClass: body.class, minConfidence: body.minConfidence, tag: body.tag, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(TaggingRuleResponse(rule), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await rules.list(in: principal.tenantID).map(TaggingRuleResponse.init)])
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await rules.delete(context.parameters.get("id") ?? "", in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
