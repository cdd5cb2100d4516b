// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// The operator's pages (``ConsoleController`` `+Operator`): sign-in, the tenants, one tenant.
extension ConsolePages {
    /// What a "new tenant" form was filled with, to show it again beside an error.
    struct NewTenantForm {
        var slug = ""
        var displayName = ""
        var adminUsername = ""
        var adminEmail = ""
    }

    static func operatorSignIn(formToken: String, username: String = "", error: String? = nil) -> HTML {
        layout(
            title: "Operator sign-in", viewer: nil, head: "<script src=\"/console/assets/signals.js\" defer></script>",
            """
            <form class="panel" method="post" action="/console/sign-in">
            <h1>Sign in as the operator</h1>
            \(errorLine(error))
            <p class="muted">The operator runs this server's tenants. People of a tenant sign in at <code>/console/t/&lt;tenant&gt;</code>.</p>
            \(credentialFields(formToken: formToken, username: username))
            </form>
            """)
    }

    /// The operator's bar: who is signed in, and Sign out.
    private static func operatorBar(_ formToken: String) -> HTML {
        """
        <nav aria-label="Operator" class="filters"><a href="/console">Tenants</a>
        <form method="post" action="/console/sign-out"><input type="hidden" name="csrf" value="\(formToken)">
        <button type="submit" class="quiet">Sign out</button></form></nav>
        """
    }

    static func operatorTenants(formToken: String, _ page: Page<Tenant>, notice: String?, error: String?, typed: NewTenantForm) -> HTML {
        let rows = page.items.map { tenant -> HTML in
            """
            <tr><td><a href="/console/tenants/\(tenant.id.rawValue)">\(tenant.slug)</a></td><td>\(tenant.displayName)</td>
            <td>\(tenant.status.rawValue)</td><td>\(shortTime(milliseconds: tenant.createdAt))</td></tr>
            """
        }
        let next: HTML = page.nextCursor.map { "<p><a href=\"/console?after=\($0)\">Next page</a></p>" } ?? ""
        return layout(
            title: "Tenants", viewer: nil,
            """
            \(operatorBar(formToken))
            <h1>Tenants</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <section><table><caption class="visually-hidden">Tenants</caption><thead><tr><th scope="col">Slug</th><th scope="col">Name</th>
            <th scope="col">State</th><th scope="col">Created</th></tr></thead><tbody>\(rows)</tbody></table>
            \(rows.isEmpty ? "<p class=\"muted\">No tenants yet.</p>" as HTML : "")\(next)</section>
            <section class="panel" aria-labelledby="new-tenant"><h2 id="new-tenant">New tenant</h2>
            <form method="post" action="/console/tenants">
            <input type="hidden" name="csrf" value="\(formToken)">
            <label for="slug">Slug (lower-case letters, digits and dashes; in its console's address)</label>
            <input id="slug" name="slug" type="text" autocomplete="off" required value="\(typed.slug)">
            <label for="displayName">Name</label>
            <input id="displayName" name="displayName" type="text" autocomplete="off" required value="\(typed.displayName)">
            <label for="adminUsername">First administrator's username (optional)</label>
            <input id="adminUsername" name="adminUsername" type="text" autocomplete="off" value="\(typed.adminUsername)">
            <label for="adminEmail">Their e-mail (optional)</label>
            <input id="adminEmail" name="adminEmail" type="email" autocomplete="off" value="\(typed.adminEmail)">
            <p class="muted">The administrator gets a generated password, shown once on the next page.</p>
            <button type="submit">Create tenant</button>
            </form></section>
            """)
    }

    /// A tenant just created, with its administrator's generated password on this answer only.
    static func operatorTenantCreated(formToken: String, _ created: TenantAdministration.Created) -> HTML {
        let admin: HTML =
            created.admin.map { admin in
                let password: HTML =
                    created.generatedPassword.map { secret in
                        """
                        <p>Give this password to \(admin.username) by a safe way: it is not shown again, and they should change it.</p>
                        <p><label for="admin-password">Password of \(admin.username)</label>
                        <input id="admin-password" type="text" readonly value="\(secret.withValue { $0 })"></p>
                        """
                    } ?? ""
                return """
                    <p>Its administrator <strong>\(admin.username)</strong> signs in at
                    <a href="/console/t/\(created.tenant.slug)">/console/t/\(created.tenant.slug)</a>.</p>\(password)
                    """
            } ?? "<p class=\"muted\">It has no administrator yet: add one with the API.</p>"
        return layout(
            title: "Tenant created", viewer: nil,
            """
            \(operatorBar(formToken))
            <section class="panel"><h1>Tenant \(created.tenant.slug)</h1>
            <p role="status">The tenant was created, with its first data key.</p>
            \(admin)
            <p><a href="/console">Back to the tenants</a></p></section>
            """)
    }

    static func operatorTenant(formToken: String, _ tenant: Tenant, notice: String? = nil, error: String? = nil, typedName: String? = nil) -> HTML {
        let options = Tenant.Status.allCases.map { status -> HTML in
            let selected: HTML = status == tenant.status ? " selected" : ""
            return "<option value=\"\(status.rawValue)\"\(selected)>\(status.rawValue)</option>"
        }
        return layout(
            title: tenant.slug, viewer: nil,
            """
            \(operatorBar(formToken))
            <h1>Tenant \(tenant.slug)</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <dl><dt>Id</dt><dd><code>\(tenant.id.rawValue)</code></dd><dt>State</dt><dd>\(tenant.status.rawValue)</dd>
            <dt>Created</dt><dd>\(shortTime(milliseconds: tenant.createdAt))</dd><dt>Console</dt>
            <dd><a href="/console/t/\(tenant.slug)">/console/t/\(tenant.slug)</a></dd></dl>
            <section class="panel" aria-labelledby="edit"><h2 id="edit">Name and state</h2>
            <form method="post" action="/console/tenants/\(tenant.id.rawValue)">
            <input type="hidden" name="csrf" value="\(formToken)">
            <label for="displayName">Name</label>
            <input id="displayName" name="displayName" type="text" required value="\(typedName ?? tenant.displayName)">
            <label for="status">State (a suspended tenant's people and keys are refused until it is reactivated)</label>
            <select id="status" name="status">\(options)</select>
            <button type="submit">Save</button>
            </form></section>
            <p><a href="/console">Back to the tenants</a></p>
            """)
    }
}
