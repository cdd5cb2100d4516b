// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// `/v1/access-reviews`: campaigns re-certifying who has access.
struct AccessReviewsController {
    let reviews: AccessReviews
    let bodyLimit: Int

    struct DecisionBody: Decodable {
        var comment: String?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/access-reviews", .tenant(.policiesWrite), start)
        api.add(.get, "/v1/access-reviews", .tenant(.accessRequest), list)
        api.add(.get, "/v1/access-reviews/{id}", .tenant(.accessRequest), get)
        api.add(.post, "/v1/access-reviews/{id}/grants/{grant}/confirm", .tenant(.accessRequest), confirm)
        api.add(.post, "/v1/access-reviews/{id}/grants/{grant}/revoke", .tenant(.accessRequest), revoke)
    }

    @Sendable func start(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let draft = try await JSONBody.decode(AccessReviews.Draft.self, from: request, limit: bodyLimit)
        let started = try await reviews.start(draft, by: principal, audit: context.audit)
        return try JSONBody.response(AccessReviewResponse(started.review, grants: started.grants), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await reviews.list(for: principal, limit: 200).map { AccessReviewResponse($0) }])
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let detailed = try await reviews.get(context.parameters.get("id") ?? "", for: principal)
        return try JSONBody.response(AccessReviewResponse(detailed.review, grants: detailed.grants))
    }

    @Sendable func confirm(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await decide(request, context, confirm: true)
    }

    @Sendable func revoke(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await decide(request, context, confirm: false)
    }

    private func decide(_ request: Request, _ context: RampartRequestContext, confirm: Bool) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decodeIfPresent(DecisionBody.self, from: request, limit: bodyLimit)
        let id = context.parameters.get("id") ?? ""
        // Someone who may not see the campaign gets the same 404 as for an unknown one.
        _ = try await reviews.get(id, for: principal)
        guard let raw = context.parameters.get("grant"), raw.count <= 9, let grant = Int(raw), grant > 0 else {
            throw RampartError.notFound("grant")
        }
        let decided = try await reviews.decide(
            review: id, grant: grant, confirm: confirm, comment: body?.comment, by: principal, audit: context.audit)
        return try JSONBody.response(AccessReviewResponse.Grant(decided))
    }
}
