// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

extension ConsolePages {
    static func accessRequests(
        _ viewer: Viewer, _ requests: [TemporaryAccessRequest], answerable: Set<String>, cancellable: Set<String>, notice: String?,
        error: String?
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)/access-requests"
        func button(_ request: TemporaryAccessRequest, _ action: String, _ label: String) -> HTML {
            """
            <form method="post" action="\(base)/\(request.id)/\(action)">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <button type="submit" class="quiet" aria-label="\(label) the request of \(request.requester) for \(request.service)">\(label)</button>
            </form>
            """
        }
        let rows = requests.map { request -> HTML in
            var actions: [HTML] = []
            if answerable.contains(request.id) { actions += [button(request, "approve", "Approve"), button(request, "deny", "Deny")] }
            if cancellable.contains(request.id) { actions.append(button(request, "cancel", "Cancel")) }
            let resource = request.resource.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            let when: String =
                switch request.state {
                case .approved, .active: request.expiresAt.map { "until \(shortTime(milliseconds: $0))" } ?? ""
                case .pending: "\(request.approvals) of \(request.requiredApprovals) approvals"
                default: request.decidedAt.map { shortTime(milliseconds: $0) } ?? ""
                }
            let flags = [request.breakGlass ? "break-glass" : nil, request.unmask ? "unmask" : nil].compactMap { $0 }.joined(separator: ", ")
            return """
                <tr><td>\(request.requester)</td><td>\(request.service)</td><td>\(resource)</td>
                <td>\(request.accessTypes.joined(separator: ", "))\(flags.isEmpty ? "" : " (\(flags))")</td>
                <td>\(request.durationSeconds / 60) min</td><td>\(String(request.justification.prefix(200)))</td>
                <td>\(request.state.rawValue)</td><td>\(when)</td><td>\(actions)</td></tr>
                """
        }
        let status: HTML = statusLine(notice)
        let alert: HTML = error.map { "<p class=\"denied\" role=\"alert\">\($0)</p>" } ?? ""
        let table: HTML =
            requests.isEmpty
            ? "<p class=\"muted\">No access requests you may see.</p>"
            : """
            <section><table><caption class="visually-hidden">Access requests</caption>
            <thead><tr><th scope="col">Requester</th><th scope="col">Service</th><th scope="col">Resource</th><th scope="col">Access</th>
            <th scope="col">For</th><th scope="col">Justification</th><th scope="col">State</th><th scope="col">When</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
        return layout(
            title: "Access requests", viewer: viewer, current: .accessRequests,
            """
            <h1>Access requests</h1>
            \(status)\(alert)
            <p class="muted">Requests you made and those your groups approve. Approving the last needed approval grants the access at once,
            for its duration; nobody answers their own request.</p>
            \(table)
            """)
    }
}
