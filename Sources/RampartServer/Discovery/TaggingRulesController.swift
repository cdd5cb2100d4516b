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

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(TaggingRules.Draft.self, from: request, limit: services.maximumBodySize)
        let proposal = ChangeRequests.Proposal(subject: .taggingRule, operation: .create, document: try ChangeRequests.document(body))
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: context.audit) {
            return try ChangeRequestResponse.accepted(held)
        }
        let rule = try await rules.create(
            dataClass: body.dataClass, minConfidence: body.minConfidence, tag: body.tag, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(TaggingRuleResponse(rule), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await rules.list(in: principal.tenantID).map(TaggingRuleResponse.init)])
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = context.parameters.get("id") ?? ""
        let proposal = ChangeRequests.Proposal(subject: .taggingRule, operation: .delete, objectID: id)
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: context.audit) {
            return try ChangeRequestResponse.accepted(held)
        }
        try await rules.delete(id, in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
