// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartCore

extension ConsolePages {
    /// One user: the facts, their groups, and for `users:write` an edit form and a reset of
    /// their second factor; a SCIM-managed user is read-only, with its source named.
    static func user(
        _ viewer: Viewer, _ user: User, groups: [Group]?, provisioning: SCIMManaged?, notice: String? = nil, error: String? = nil
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let roles = user.roles.map(\.rawValue).sorted().joined(separator: ", ")
        let source = scimNotice(provisioning, change: "this user")
        let groupList: HTML =
            if let groups {
                groups.isEmpty
                    ? "<p class=\"muted\">In no group.</p>"
                    : "<ul>\(groups.map { group -> HTML in "<li><a href=\"\(base)/groups/\(group.id.rawValue)\">\(group.name)</a></li>" })</ul>"
            } else {
                "<p class=\"muted\">Your roles do not show groups.</p>"
            }
        let canWrite = viewer.permissions.contains(.usersWrite)
        let edit: HTML =
            if canWrite && provisioning == nil {
                """
                <section class="panel" aria-labelledby="edit"><h2 id="edit">Edit</h2>
                <form method="post" action="\(base)/users/\(user.id.rawValue)">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <label for="displayName">Name</label>
                <input id="displayName" name="displayName" type="text" autocomplete="off" value="\(user.displayName ?? "")">
                <label for="email">Email</label>
                <input id="email" name="email" type="text" inputmode="email" autocomplete="off" value="\(user.email ?? "")">
                <fieldset><legend>Roles</legend>\(roleChoices(checked: Set(user.roles.map(\.rawValue))))</fieldset>
                <label for="status">Status</label>
                <select id="status" name="status">\(User.Status.allCases.map { status -> HTML in
                    let selected: HTML = status == user.status ? " selected" : ""
                    return "<option value=\"\(status.rawValue)\"\(selected)>\(status.rawValue)</option>"
                })</select>
                <button type="submit">Save changes</button>
                </form></section>
                """
            } else {
                ""
            }
        let reset: HTML =
            if canWrite {
                """
                <section class="panel" aria-labelledby="reset"><h2 id="reset">Second factor</h2>
                <p class="muted">Removes the user's authenticator and recovery codes and ends every session of theirs. They set up a new
                authenticator at their next sign-in if the tenant requires one.</p>
                <form method="post" action="\(base)/users/\(user.id.rawValue)/reset-mfa">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <button type="submit" class="quiet">Reset second factor</button>
                </form></section>
                """
            } else {
                ""
            }
        return layout(
            title: user.username, viewer: viewer, current: .users,
            """
            <p><a href="\(base)/users">All users</a></p>
            <h1>\(user.username)</h1>
            \(statusLine(notice))
            \(errorLine(error))
            \(source)
            <dl>
            <dt>Name</dt><dd>\(user.displayName ?? "-")</dd>
            <dt>Email</dt><dd>\(user.email ?? "-")</dd>
            <dt>Roles</dt><dd>\(roles.isEmpty ? "none" : roles)</dd>
            <dt>Status</dt><dd>\(user.status.rawValue)</dd>
            <dt>Signs in with</dt><dd>\(user.passwordHash == nil ? "single sign-on" : "password")</dd>
            <dt>Created</dt><dd>\(shortTime(milliseconds: user.createdAt))</dd>
            </dl>
            <section aria-labelledby="groups"><h2 id="groups">Groups</h2>\(groupList)</section>
            \(edit)
            \(reset)
            """)
    }

    /// That an identity provider manages the object through SCIM (empty when it does not).
    static func scimNotice(_ provisioning: SCIMManaged?, change what: String) -> HTML {
        guard let provisioning else { return "" }
        return """
            <p class="notice">Managed by your identity provider through SCIM\(provisioning.externalID.map { " (external id \($0))" } ?? "").
            Change \(what) there: the provider would overwrite a change made here.</p>
            """
    }

    /// A checkbox per built-in role, `checked` ones ticked.
    static func roleChoices(_ roles: [BuiltinRole] = BuiltinRole.allCases, checked: Set<String>) -> HTML {
        HTML(
            joining: roles.map { role -> HTML in
                let tick: HTML = checked.contains(role.rawValue) ? " checked" : ""
                return "<label class=\"choice\"><input type=\"checkbox\" name=\"roles[]\" value=\"\(role.rawValue)\"\(tick)> \(role.rawValue)</label>"
            })
    }
}
