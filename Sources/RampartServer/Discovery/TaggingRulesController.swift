// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/tagging-rules`: "class X with confidence ≥ c → tag T", applied after every scan of the tenant.
struct TaggingRulesController {
    let services: RampartServices
    /// Holds writes for a second person when the tenant requires four eyes.
    let changes: ChangeRequests

    func register(on api: APIRouter) {
        api.add(.post, "/v1/tagging-rules", .tenant(.discoveryWrite), create)
        api.add(.get, "/v1/tagging-rules", .tenant(.discoveryRead), list)
        api.add(.delete, "/v1/tagging-rules/{id}", .tenant(.discoveryWrite), delete)
    }

    private var rules: TaggingRules { TaggingRules(services: services) }
    private var writes: TaggingRuleWrites { TaggingRuleWrites(rules: rules, changes: changes) }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(TaggingRules.Draft.self, from: request, limit: services.maximumBodySize)
        switch try await writes.create(body, by: principal, audit: context.audit) {
        case .held(let held): return try ChangeRequestResponse.accepted(held)
        case .made(let rule): return try JSONBody.response(TaggingRuleResponse(rule), status: .created)
        }
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await rules.list(in: principal.tenantID).map(TaggingRuleResponse.init)])
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        switch try await writes.delete(context.parameters.get("id") ?? "", by: principal, audit: context.audit) {
        case .held(let held): return try ChangeRequestResponse.accepted(held)
        case .made: return Response(status: .noContent)
        }
    }
}
