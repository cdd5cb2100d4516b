// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// Access requests in the console (`access:request`): the requests the viewer may see, as
/// `GET /v1/access-requests` lists them, with approve and deny for those the viewer answers and
/// cancel for the viewer's own pending ones; each action is the API's use case.
extension ConsoleController {
    struct AnswerFields: ConsoleForm {
        var csrf: String?
        var comment: String?
    }

    @Sendable func accessRequestList(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .accessRequest)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let notice = Self.notice(
            request, ["approve": "Your approval was recorded.", "deny": "Your denial was recorded.", "cancel": "The request was cancelled."])
        return try await listPage(signedIn, notice: notice, error: nil, status: .ok)
    }

    @Sendable func answerAccessRequest(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(AnswerFields.self, request, context: context, needs: .accessRequest)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context), let action = context.parameters.get("action") else {
            return notFound()
        }
        let comment = fields.comment.flatMap { $0.isEmpty ? nil : $0 }
        let principal = signedIn.principal
        do {
            switch action {
            case "approve": _ = try await accessRequests.approve(id, comment: comment, by: principal, audit: context.audit)
            case "deny": _ = try await accessRequests.deny(id, comment: comment, by: principal, audit: context.audit)
            case "cancel": _ = try await accessRequests.cancel(id, by: principal, audit: context.audit)
            default: return notFound()
            }
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where error.code == .forbidden || error.code == .conflict || error.code.httpStatus == 422 {
            return try await listPage(
                signedIn, notice: nil, error: error.message,
                status: error.code == .forbidden ? .forbidden : error.code == .conflict ? .conflict : .unprocessableContent)
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/access-requests?done=\(action)")
    }

    private func listPage(_ signedIn: SignedIn, notice: String?, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let requests = try await accessRequests.list(for: signedIn.principal, limit: 200)
        let answerable = try await accessRequests.answerable(requests, by: signedIn.principal)
        let own = Set(requests.filter { signedIn.principal.isUser(named: $0.requester, id: $0.requesterID) && $0.state == .pending }.map(\.id))
        return Self.page(
            ConsolePages.accessRequests(signedIn.viewer, requests, answerable: answerable, cancellable: own, notice: notice, error: error),
            status: status)
    }
}
