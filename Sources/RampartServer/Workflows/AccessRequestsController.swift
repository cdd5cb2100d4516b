// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// `/v1/access-requests` and `/v1/approval-rules`: time-limited access, asked for and approved.
struct AccessRequestsController {
    let requests: AccessRequests
    let rules: ApprovalRules
    /// Approval rules are held for a second person while the tenant requires four eyes.
    let changes: ChangeRequests
    let bodyLimit: Int

    struct AnswerBody: Decodable {
        var comment: String?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/access-requests", .tenant(.accessRequest), ask)
        api.add(.get, "/v1/access-requests", .tenant(.accessRequest), list)
        api.add(.get, "/v1/access-requests/{id}", .tenant(.accessRequest), get)
        api.add(.post, "/v1/access-requests/{id}/approve", .tenant(.accessRequest), approve)
        api.add(.post, "/v1/access-requests/{id}/deny", .tenant(.accessRequest), deny)
        api.add(.post, "/v1/access-requests/{id}/cancel", .tenant(.accessRequest), cancel)
        api.add(.post, "/v1/access-requests/{id}/revoke", .tenant(.accessRequest), revoke)
        api.add(.post, "/v1/access-requests/{id}/review", .tenant(.accessRequest), review)
        api.add(.post, "/v1/approval-rules", .tenant(.policiesWrite), createRule)
        api.add(.get, "/v1/approval-rules", .tenant(.policiesRead), listRules)
        api.add(.delete, "/v1/approval-rules/{id}", .tenant(.policiesWrite), deleteRule)
    }

    @Sendable func ask(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let ask = try await JSONBody.decode(AccessRequests.Ask.self, from: request, limit: bodyLimit)
        let made = try await requests.request(ask, by: principal, audit: context.audit)
        return try JSONBody.response(AccessRequestResponse(made), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await requests.list(for: principal, limit: 500).map { AccessRequestResponse($0) }])
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = context.parameters.get("id") ?? ""
        let visible = try await requests.list(for: principal, limit: 1000).contains { $0.id == id }
        guard visible else { throw RampartError.notFound("access request") }
        let detailed = try await requests.get(id, in: principal.tenantID)
        return try JSONBody.response(AccessRequestResponse(detailed.request, votes: detailed.votes))
    }

    @Sendable func approve(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await answer(request, context, approve: true)
    }

    @Sendable func deny(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await answer(request, context, approve: false)
    }

    private func answer(_ request: Request, _ context: RampartRequestContext, approve: Bool) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decodeIfPresent(AnswerBody.self, from: request, limit: bodyLimit)
        let id = context.parameters.get("id") ?? ""
        let answered =
            approve
            ? try await requests.approve(id, comment: body?.comment, by: principal, audit: context.audit)
            : try await requests.deny(id, comment: body?.comment, by: principal, audit: context.audit)
        return try JSONBody.response(AccessRequestResponse(answered))
    }

    @Sendable func cancel(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            AccessRequestResponse(try await requests.cancel(context.parameters.get("id") ?? "", by: principal, audit: context.audit)))
    }

    @Sendable func revoke(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            AccessRequestResponse(try await requests.revoke(context.parameters.get("id") ?? "", by: principal, audit: context.audit)))
    }

    @Sendable func review(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            AccessRequestResponse(try await requests.review(context.parameters.get("id") ?? "", by: principal, audit: context.audit)))
    }

    @Sendable func createRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let draft = try await JSONBody.decode(ApprovalRules.Draft.self, from: request, limit: bodyLimit)
        let proposal = ChangeRequests.Proposal(subject: .approvalRule, operation: .create, document: try ChangeRequests.document(draft))
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: context.audit) {
            return try ChangeRequestResponse.accepted(held)
        }
        let rule = try await rules.create(draft, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(ApprovalRuleResponse(rule), status: .created)
    }

    @Sendable func listRules(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await rules.list(in: principal.tenantID).map(ApprovalRuleResponse.init)])
    }

    @Sendable func deleteRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = context.parameters.get("id") ?? ""
        let proposal = ChangeRequests.Proposal(subject: .approvalRule, operation: .delete, objectID: id)
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: context.audit) {
            return try ChangeRequestResponse.accepted(held)
        }
        try await rules.delete(id, in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
