// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
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
        let status: HTML = statusLine(notice)
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

    /// What a "new user" form was filled with, to show it again beside an error.
    struct NewUserForm {
        var username = ""
        var displayName = ""
        var email = ""
        var roles: Set<String> = ["user"]
    }

    static func newUser(_ viewer: Viewer, _ form: NewUserForm = NewUserForm(), error: String? = nil) -> HTML {
        let roles = roleChoices(checked: form.roles)
        let problem: HTML = errorLine(error)
        return layout(
            title: "New user", viewer: viewer, current: .users,
            """
            <form class="panel" method="post" action="/console/t/\(viewer.tenantSlug)/users">
            <h1>New user</h1>
            \(problem)
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label for="username">Username</label>
            <input id="username" name="username" type="text" autocomplete="off" required value="\(form.username)">
            <label for="displayName">Name</label>
            <input id="displayName" name="displayName" type="text" autocomplete="off" value="\(form.displayName)">
            <label for="email">Email</label>
            <input id="email" name="email" type="text" inputmode="email" autocomplete="off" value="\(form.email)">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-help">
            <p id="password-help" class="muted">Empty: the user signs in through single sign-on only.</p>
            <fieldset><legend>Roles</legend>\(roles)</fieldset>
            <button type="submit">Create user</button>
            </form>
            """)
    }

    /// One page of the tenant's users, in id order, with a link to the next; `search` narrows
    /// them to usernames that start with it.
    static func users(_ viewer: Viewer, _ page: Page<User>, search: String? = nil, notice: String? = nil, error: String? = nil) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let rows = page.items.map { user -> HTML in
            """
            <tr><td><a href="\(base)/users/\(user.id.rawValue)">\(user.username)</a></td><td>\(user.displayName ?? "")</td><td>\(user.email ?? "")</td>
            <td>\(user.roles.map(\.rawValue).sorted().joined(separator: ", "))</td><td>\(user.status.rawValue)</td>
            <td>\(user.passwordHash == nil ? "single sign-on or SCIM" : "password")</td></tr>
            """
        }
        let empty: HTML = rows.isEmpty ? "<p class=\"muted\">No user matches.</p>" : ""
        return layout(
            title: "Users", viewer: viewer, current: .users,
            """
            <h1>Users</h1>
            \(statusLine(notice))
            \(errorLine(error))
            \(viewer.permissions.contains(.usersWrite) ? "<p><a href=\"\(base)/users/new\">New user</a></p>" as HTML : "")
            \(searchForm(action: "\(base)/users", label: "Username starts with", search: search))
            <section><table><caption class="visually-hidden">Users of this tenant</caption>
            <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Roles</th>
            <th scope="col">Status</th><th scope="col">Signs in with</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(empty)\(nextPageLink(base + "/users", page, search: search))</section>
            """)
    }

    /// A GET form that narrows a list to names starting with what is typed.
    static func searchForm(action: String, label: String, search: String?) -> HTML {
        """
        <form class="filters" method="get" action="\(action)" role="search">
        <label for="search">\(label)</label>
        <input id="search" name="search" type="search" autocomplete="off" maxlength="\(NameSearch.maximumLength)" value="\(search ?? "")">
        <button type="submit">Search</button>
        </form>
        """
    }

    /// The link to the page after `page` (keyset paging), keeping the search.
    static func nextPageLink<Item>(_ path: String, _ page: Page<Item>, search: String?) -> HTML {
        guard let cursor = page.nextCursor else { return "" }
        var query = "after=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        if let search, !search.isEmpty { query += "&search=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        return "<p><a href=\"\(path)?\(query)\">Next page</a></p>"
    }
}
