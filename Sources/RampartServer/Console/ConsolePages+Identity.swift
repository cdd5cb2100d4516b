// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

extension ConsolePages {
    /// The viewer's own live sessions, each with a button that ends it.
    static func sessions(_ viewer: Viewer, _ sessions: [Session], current: SessionID?, notice: String? = nil) -> HTML {
        let rows = sessions.map { session -> HTML in
            let isCurrent = session.id == current
            let this: HTML = isCurrent ? " <strong>(this browser)</strong>" : ""
            let label = isCurrent ? "End this session and sign out" : "End session"
            return """
                <tr><td><code>\(String((session.device ?? "-").prefix(16)))</code>\(this)</td><td>\(session.sourceIP ?? "-")</td>
                <td>\(String((session.userAgent ?? "-").prefix(80)))</td><td>\(shortTime(milliseconds: session.createdAt))</td>
                <td>\(shortTime(milliseconds: session.lastSeenAt))</td>
                <td><form method="post" action="/console/t/\(viewer.tenantSlug)/sessions/\(session.id.rawValue)/end">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <button type="submit" class="quiet" aria-label="\(label) started \(shortTime(milliseconds: session.createdAt))">End</button>
                </form></td></tr>
                """
        }
        let status: HTML = notice.map { "<p role=\"status\">\($0)</p>" } ?? ""
        return layout(
            title: "My sessions", viewer: viewer, current: .sessions,
            """
            <h1>My sessions</h1>
            \(status)
            <p class="muted">Every browser and client signed in as you. End one you do not recognise, then change your password.</p>
            <section><table><caption class="visually-hidden">Live sessions</caption>
            <thead><tr><th scope="col">Device</th><th scope="col">Address</th><th scope="col">Browser</th><th scope="col">Started</th>
            <th scope="col">Last seen</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """)
    }

    /// One page of the tenant's users, in id order, with a link to the next.
    static func users(_ viewer: Viewer, _ page: Page<User>) -> HTML {
        let rows = page.items.map { user -> HTML in
            """
            <tr><td>\(user.username)</td><td>\(user.displayName ?? "")</td><td>\(user.email ?? "")</td>
            <td>\(user.roles.map(\.rawValue).sorted().joined(separator: ", "))</td><td>\(user.status.rawValue)</td>
            <td>\(user.passwordHash == nil ? "single sign-on or SCIM" : "password")</td></tr>
            """
        }
        let next: HTML =
            page.nextCursor.map {
                "<p><a href=\"/console/t/\(viewer.tenantSlug)/users?after=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")\">Next page</a></p>"
            } ?? ""
        return layout(
            title: "Users", viewer: viewer, current: .users,
            """
            <h1>Users</h1>
            <section><table><caption class="visually-hidden">Users of this tenant</caption>
            <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Roles</th>
            <th scope="col">Status</th><th scope="col">Signs in with</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(next)</section>
            """)
    }
}
