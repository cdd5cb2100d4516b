// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

extension ConsolePages {
    /// What a "new API key" form was filled with, to show it again beside an error.
    struct NewApiKeyForm {
        var name = ""
        var roles: Set<String> = []
        var expiresInDays = ""
    }

    /// The keys the viewer may see, each with Revoke while it is usable, and a form that mints
    /// one; its roles are offered from `grantable` (a key never holds more than its owner).
    static func apiKeys(
        _ viewer: Viewer, _ page: Page<ApiKey>, grantable: Set<BuiltinRole>, now: Int64, notice: String? = nil, error: String? = nil,
        typed: NewApiKeyForm = NewApiKeyForm()
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let rows = page.items.map { key -> HTML in
            let state: String =
                if let revoked = key.revokedAt {
                    "revoked \(shortTime(milliseconds: revoked))"
                } else if let expires = key.expiresAt, expires <= now {
                    "expired"
                } else {
                    "usable"
                }
            let revoke: HTML =
                key.isUsable(at: now)
                ? """
                <form method="post" action="\(base)/api-keys/\(key.id)/revoke">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <button type="submit" class="quiet" aria-label="Revoke the key \(key.name)">Revoke</button>
                </form>
                """ : ""
            return """
                <tr><td>\(key.name)</td><td><code>\(key.id)</code></td><td>\(key.roles.map(\.rawValue).sorted().joined(separator: ", "))</td>
                <td>\(shortTime(milliseconds: key.createdAt))</td><td>\(key.expiresAt.map { shortTime(milliseconds: $0) } ?? "never")</td>
                <td>\(key.lastUsedAt.map { shortTime(milliseconds: $0) } ?? "never")</td><td>\(state)</td><td>\(revoke)</td></tr>
                """
        }
        let empty: HTML = rows.isEmpty ? "<p class=\"muted\">No API keys yet.</p>" : ""
        let offered = BuiltinRole.allCases.filter(grantable.contains)
        return layout(
            title: "API keys", viewer: viewer, current: .apiKeys,
            """
            <h1>API keys</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <p class="muted">A key signs in a program as you, with the roles you give it (never more than yours). Its secret is shown once.</p>
            <section><table><caption class="visually-hidden">API keys</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Roles</th><th scope="col">Created</th>
            <th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">State</th>
            <th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>\(rows)</tbody></table>\(empty)\(nextPageLink(base + "/api-keys", page, search: nil))</section>
            <section class="panel" aria-labelledby="new-key"><h2 id="new-key">New API key</h2>
            <form method="post" action="\(base)/api-keys">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label for="name">Name</label>
            <input id="name" name="name" type="text" autocomplete="off" required value="\(typed.name)">
            <fieldset><legend>Roles (none ticked: the same as yours)</legend>\(roleChoices(offered, checked: typed.roles))</fieldset>
            <label for="expiresInDays">Expires after (days, empty for never)</label>
            <input id="expiresInDays" name="expiresInDays" type="number" min="1" max="3650" inputmode="numeric" value="\(typed.expiresInDays)">
            <button type="submit">Create key</button>
            </form></section>
            """)
    }

    /// The new key's secret, on this page only.
    static func newApiKey(_ viewer: Viewer, _ key: ApiKey, secret: Secret<String>) -> HTML {
        layout(
            title: "New API key", viewer: viewer, current: .apiKeys,
            """
            <section class="panel"><h1>API key \(key.name)</h1>
            <p>Copy the token now: its secret is not shown again, and Rampart keeps only its digest.</p>
            <p><label for="secret">Bearer token</label>
            <input id="secret" type="text" readonly value="\(key.id).\(secret.withValue { $0 })"></p>
            <p class="muted">A program sends it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
            <p><a href="/console/t/\(viewer.tenantSlug)/api-keys">Back to API keys</a></p></section>
            """)
    }
}
