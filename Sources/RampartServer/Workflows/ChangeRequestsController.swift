// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// `/v1/change-requests`: policy changes held for a second person (four eyes).
struct ChangeRequestsController {
    let changes: ChangeRequests
    let bodyLimit: Int

    struct DecisionBody: Decodable {
        var comment: String?
        /// Apply without a second person (tenant-admins); needs a comment.
        var emergency: Bool?
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/change-requests", .tenant(.changesRead), list)
        api.add(.get, "/v1/change-requests/{id}", .tenant(.changesRead), get)
        api.add(.post, "/v1/change-requests/{id}/apply", .tenant(.changesRead), apply)
        api.add(.post, "/v1/change-requests/{id}/reject", .tenant(.changesRead), reject)
        api.add(.post, "/v1/change-requests/{id}/cancel", .tenant(.changesRead), cancel)
        api.add(.post, "/v1/change-requests/{id}/review", .tenant(.changesRead), review)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        var state: ChangeRequest.State?
        if let raw = request.uri.queryParameters["state"].map(String.init) {
            guard let known = ChangeRequest.State(rawValue: raw) else {
                throw RampartError.validation(
                    "unknown state; states are: \(ChangeRequest.State.allCases.map(\.rawValue).joined(separator: ", "))", field: "state")
            }
            state = known
        }
        let items = try await changes.list(in: principal.tenantID, state: state, limit: 500)
        return try JSONBody.response(["items": items.map { ChangeRequestResponse($0, documents: false) }])
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(ChangeRequestResponse(try await changes.get(context.parameters.get("id") ?? "", in: principal.tenantID)))
    }

    @Sendable func apply(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decodeIfPresent(DecisionBody.self, from: request, limit: bodyLimit)
        let applied = try await changes.apply(
            context.parameters.get("id") ?? "", comment: body?.comment, emergency: body?.emergency ?? false, by: principal, audit: context.audit)
        return try JSONBody.response(ChangeRequestResponse(applied))
    }

    @Sendable func reject(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decodeIfPresent(DecisionBody.self, from: request, limit: bodyLimit)
        let rejected = try await changes.reject(context.parameters.get("id") ?? "", comment: body?.comment, by: principal, audit: context.audit)
        return try JSONBody.response(ChangeRequestResponse(rejected))
    }

    @Sendable func cancel(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            ChangeRequestResponse(try await changes.cancel(context.parameters.get("id") ?? "", by: principal, audit: context.audit)))
    }

    @Sendable func review(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decodeIfPresent(DecisionBody.self, from: request, limit: bodyLimit)
        let reviewed = try await changes.review(context.parameters.get("id") ?? "", comment: body?.comment, by: principal, audit: context.audit)
        return try JSONBody.response(ChangeRequestResponse(reviewed))
    }
}
