// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartCore

extension ConsolePages {
    /// One page of the tenant's groups with a search, and for `groups:write` a form that
    /// creates one (`typed` refills it beside an error).
    static func groups(
        _ viewer: Viewer, _ page: Page<Group>, search: String? = nil, error: String? = nil, typed: (name: String, description: String)? = nil
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let rows = page.items.map { group -> HTML in
            "<tr><td><a href=\"\(base)/groups/\(group.id.rawValue)\">\(group.name)</a></td><td>\(group.description ?? "")</td></tr>"
        }
        let empty: HTML = rows.isEmpty ? "<p class=\"muted\">No group matches.</p>" : ""
        let create: HTML =
            if viewer.permissions.contains(.groupsWrite) {
                """
                <section class="panel" aria-labelledby="new-group"><h2 id="new-group">New group</h2>
                <form method="post" action="\(base)/groups">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <label for="name">Name</label>
                <input id="name" name="name" type="text" autocomplete="off" required value="\(typed?.name ?? "")">
                <label for="description">Description</label>
                <input id="description" name="description" type="text" autocomplete="off" value="\(typed?.description ?? "")">
                <button type="submit">Create group</button>
                </form></section>
                """
            } else {
                ""
            }
        return layout(
            title: "Groups", viewer: viewer, current: .groups,
            """
            <h1>Groups</h1>
            \(errorLine(error))
            \(searchForm(action: "\(base)/groups", label: "Name starts with", search: search))
            <section><table><caption class="visually-hidden">Groups of this tenant</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Description</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(empty)\(nextPageLink(base + "/groups", page, search: search))</section>
            \(create)
            """)
    }

    /// One group and a page of its members; with `groups:write` (and not managed by SCIM) a
    /// form that adds a member by username and a button that removes each one.
    static func group(
        _ viewer: Viewer, _ group: Group, members: Page<User>, provisioning: SCIMManaged?, notice: String? = nil, error: String? = nil
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let path = "\(base)/groups/\(group.id.rawValue)"
        let editable = viewer.permissions.contains(.groupsWrite) && provisioning == nil
        let showUsers = viewer.permissions.contains(.usersRead)
        let rows = members.items.map { user -> HTML in
            let name: HTML = showUsers ? "<a href=\"\(base)/users/\(user.id.rawValue)\">\(user.username)</a>" : "\(user.username)"
            let remove: HTML =
                editable
                ? """
                <td><form method="post" action="\(path)/members/\(user.id.rawValue)/remove">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <button type="submit" class="quiet" aria-label="Remove \(user.username) from \(group.name)">Remove</button>
                </form></td>
                """ : ""
            return "<tr><td>\(name)</td><td>\(user.displayName ?? "")</td>\(remove)</tr>"
        }
        let actionHeader: HTML = editable ? "<th scope=\"col\"><span class=\"visually-hidden\">Action</span></th>" : ""
        let source = scimNotice(provisioning, change: "its members")
        let add: HTML =
            editable
            ? """
            <form class="filters" method="post" action="\(path)/members">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label for="username">Add the user named</label>
            <input id="username" name="username" type="text" autocomplete="off" required>
            <button type="submit">Add member</button>
            </form>
            """ : ""
        let empty: HTML = rows.isEmpty ? "<p class=\"muted\">No members.</p>" : ""
        return layout(
            title: group.name, viewer: viewer, current: .groups,
            """
            <p><a href="\(base)/groups">All groups</a></p>
            <h1>\(group.name)</h1>
            \(statusLine(notice))
            \(errorLine(error))
            \(source)
            <p>\(group.description ?? "")</p>
            <section aria-labelledby="members"><h2 id="members">Members</h2>
            \(add)
            <table><caption class="visually-hidden">Members of \(group.name)</caption>
            <thead><tr><th scope="col">Username</th><th scope="col">Name</th>\(actionHeader)</tr></thead>
            <tbody>\(rows)</tbody></table>\(empty)\(nextPageLink(path, members, search: nil))</section>
            """)
    }
}
