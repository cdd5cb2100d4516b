// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartAuditLog
import RampartCore

/// The console's pages, as ``HTML``: one layout and one function per page. They take values,
/// not requests; the controller gathers what a page shows through the same use cases the API
/// calls.
enum ConsolePages {
    /// Who is signed in, for the page header.
    struct Viewer {
        var tenantSlug: String
        var tenantName: String
        var username: String
        /// The anti-forgery token of the viewer's session, for the sign-out form.
        var formToken: String
        /// What the viewer's roles allow: the navigation offers only those pages.
        var permissions: Set<Permission> = []
    }

    /// The navigation's groups of pages, in the order it shows them.
    enum ScreenGroup: String, CaseIterable {
        case directory, governance, oversight, account

        var title: String {
            switch self {
            case .directory: "Directory"
            case .governance: "Governance"
            case .oversight: "Oversight"
            case .account: "Your account"
            }
        }
    }

    /// The console's pages in the navigation, with the permission each needs.
    enum Screen: CaseIterable {
        case dashboard, users, groups, policies, discovery, decisions, accessRequests, audit, reports, security, settings, sessions, apiKeys

        /// The group the navigation shows it in; the dashboard stands alone.
        var group: ScreenGroup? {
            switch self {
            case .dashboard: nil
            case .users, .groups: .directory
            case .policies, .discovery, .decisions, .accessRequests: .governance
            case .audit, .reports, .security, .settings: .oversight
            case .sessions, .apiKeys: .account
            }
        }

        var label: String {
            switch self {
            case .dashboard: "Dashboard"
            case .users: "Users"
            case .groups: "Groups"
            case .policies: "Policies"
            case .discovery: "Discovery"
            case .decisions: "Test a decision"
            case .accessRequests: "Access requests"
            case .audit: "Audit log"
            case .reports: "Reports"
            case .security: "Security"
            case .settings: "Settings"
            case .sessions: "My sessions"
            case .apiKeys: "API keys"
            }
        }

        var path: String {
            switch self {
            case .dashboard: ""
            case .users: "/users"
            case .groups: "/groups"
            case .policies: "/policies"
            case .discovery: "/discovery"
            case .decisions: "/decisions"
            case .accessRequests: "/access-requests"
            case .audit: "/audit"
            case .reports: "/reports"
            case .security: "/security"
            case .settings: "/settings"
            case .sessions: "/sessions"
            case .apiKeys: "/api-keys"
            }
        }

        var permission: Permission? {
            switch self {
            case .users: .usersRead
            case .groups: .groupsRead
            case .policies: .policiesRead
            case .security: .securityRead
            case .settings: .settingsManage
            case .discovery: .discoveryRead
            case .apiKeys: .apiKeysManageOwn
            case .decisions: .decisionsRequest
            case .accessRequests: .accessRequest
            case .audit: .auditRead
            case .reports: .reportsRead
            case .dashboard, .sessions: nil
            }
        }
    }

    /// The pages the viewer may open, the dashboard first and the rest in their groups (a
    /// group with none of them left out), so thirteen links read as four short lists.
    private static func navigationList(_ viewer: Viewer, current: Screen?) -> HTML {
        let visible = Screen.allCases.filter { $0.permission.map(viewer.permissions.contains) ?? true }
        func link(_ screen: Screen) -> HTML {
            let marker: HTML = screen == current ? " aria-current=\"page\"" : ""
            return "<li><a href=\"/console/t/\(viewer.tenantSlug)\(screen.path)\"\(marker)>\(screen.label)</a></li>"
        }
        let alone = visible.filter { $0.group == nil }.map(link)
        let groups = ScreenGroup.allCases.compactMap { group -> HTML? in
            let screens = visible.filter { $0.group == group }
            guard !screens.isEmpty else { return nil }
            return """
                <li><span class="group" id="nav-\(group.rawValue)">\(group.title)</span>\
                <ul role="list" aria-labelledby="nav-\(group.rawValue)">\(screens.map(link))</ul></li>
                """
        }
        // `role="list"`: WebKit drops list semantics from lists styled without markers.
        return "<nav aria-label=\"Console\"><ul class=\"groups\" role=\"list\">\(alone)\(groups)</ul></nav>"
    }

    static func layout(title: String, viewer: Viewer?, current: Screen? = nil, head: HTML = "", _ body: HTML) -> HTML {
        let navigation: HTML =
            if let viewer {
                navigationList(viewer, current: current)
            } else {
                ""
            }
        let signOut: HTML =
            if let viewer {
                """
                <span>\(viewer.username) · \(viewer.tenantName)</span>
                <form method="post" action="/console/t/\(viewer.tenantSlug)/sign-out">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <button type="submit">Sign out</button>
                </form>
                """
            } else {
                ""
            }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Rampart</title>
            <link rel="stylesheet" href="/console/assets/console.css">
            \(head)
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><span class="brand">Rampart</span>\(navigation)\(signOut)</header>
            <main id="main">
            \(body)
            </main>
            </body>
            </html>
            """
    }

    /// The sign-in form, with a button for each of the tenant's identity providers (`providers`).
    static func signIn(
        tenantSlug: String, formToken: String, providers: [SSOSignIn.Choice] = [], username: String = "", error: String? = nil
    ) -> HTML {
        let buttons: HTML =
            providers.isEmpty
            ? ""
            : """
            <div class="sso"><p class="muted">Or sign in through your organisation:</p>
            \(providers.map { provider -> HTML in
                "<p><a class=\"button\" href=\"/console/t/\(tenantSlug)/sso/\(provider.name)\">Sign in with \(provider.label)</a></p>"
            })</div>
            """
        return layout(
            title: "Sign in", viewer: nil, head: "<script src=\"/console/assets/signals.js\" defer></script>",
            """
            <form class="panel" method="post" action="/console/t/\(tenantSlug)/sign-in">
            <h1>Sign in to \(tenantSlug)</h1>
            \(errorLine(error))
            \(credentialFields(formToken: formToken, username: username))
            \(buttons)
            </form>
            """)
    }

    /// A sign-in form's token, username, password and button, the same for a tenant's people and the operator.
    static func credentialFields(formToken: String, username: String) -> HTML {
        """
        <input type="hidden" name="csrf" value="\(formToken)">
        <label for="username">Username</label>
        <input id="username" name="username" type="text" autocomplete="username" required value="\(username)">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        """
    }

    /// After single sign-on: a page of this server's that moves on to the console at once.
    ///
    /// The session cookie is `SameSite=Strict`, and the browser arrives here from the identity
    /// provider (a cross-site navigation), so a redirect would reach the console without the
    /// cookie; a refresh from this page is a same-site navigation that carries it.
    static func signedIn(continueTo path: String) -> HTML {
        layout(
            title: "Signed in", viewer: nil, head: "<meta http-equiv=\"refresh\" content=\"0; url=\(path)\">",
            """
            <section class="panel"><h1>Signed in</h1>
            <p><a href="\(path)">Continue to the console</a></p></section>
            """)
    }

    /// The second sign-in step, of a tenant's user (`tenantSlug`) or of the operator (`nil`).
    static func secondFactor(tenantSlug: String?, formToken: String, challenge: String, error: String? = nil) -> HTML {
        layout(
            title: "Second factor", viewer: nil,
            """
            <form class="panel" method="post" action="\(tenantSlug.map { "/console/t/\($0)/mfa" } ?? "/console/mfa")">
            <h1>Enter your code</h1>
            \(errorLine(error))
            <p class="muted">The six digits your authenticator app shows for Rampart, or one of your recovery codes.</p>
            <input type="hidden" name="csrf" value="\(formToken)">
            <input type="hidden" name="challenge" value="\(challenge)">
            <label for="code">Code</label>
            <input id="code" name="code" type="text" inputmode="text" autocomplete="one-time-code" required>
            <button type="submit">Verify</button>
            </form>
            """)
    }

    /// Enrolment of an authenticator when the tenant requires one and the person has none.
    /// `enrollment` is the key to show, `nil` when the form comes back for another code.
    static func enrolment(tenantSlug: String, formToken: String, challenge: String, enrollment: TOTPEnrollment?, error: String? = nil) -> HTML {
        let key: HTML =
            if let enrollment {
                """
                <p>Your organisation requires a second factor. Scan this code with an authenticator app, or type the key.</p>
                <figure role="img" aria-label="QR code of the authenticator key">\(enrollment.qrCodeSVG.withValue { HTML(generatedMarkup: $0) })</figure>
                <p>Key: <code>\(enrollment.manualEntryKey.withValue { $0 })</code></p>
                """
            } else {
                "<p>Use the authenticator you just set up. <a href=\"/console/t/\(tenantSlug)/sign-in\">Start again</a></p>"
            }
        return layout(
            title: "Set up your authenticator", viewer: nil,
            """
            <form class="panel" method="post" action="/console/t/\(tenantSlug)/mfa/enrol">
            <h1>Set up your authenticator</h1>
            \(errorLine(error))
            \(key)
            <input type="hidden" name="csrf" value="\(formToken)">
            <input type="hidden" name="challenge" value="\(challenge)">
            <label for="code">The six digits the app shows</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
            <button type="submit">Turn on</button>
            </form>
            """)
    }

    /// The recovery codes, shown once, after an enrolment at sign-in.
    static func recoveryCodes(tenantSlug: String, _ codes: [Secret<String>]) -> HTML {
        let items = codes.map { code -> HTML in "<li><code>\(code.withValue { $0 })</code></li>" }
        return layout(
            title: "Your recovery codes", viewer: nil,
            """
            <section class="panel"><h1>Your recovery codes</h1>
            <p>Each code signs you in once if you lose your authenticator. Keep them somewhere safe: they are not shown again.</p>
            <ul>\(items)</ul>
            <p><a href="/console/t/\(tenantSlug)">Continue to the console</a></p></section>
            """)
    }

    /// A page with a heading and a sentence: refusals, not-found, what to do next.
    static func message(title: String, _ text: String, viewer: Viewer? = nil, link: (href: String, label: String)? = nil) -> HTML {
        let next: HTML = link.map { "<p><a href=\"\($0.href)\">\($0.label)</a></p>" } ?? ""
        return layout(title: title, viewer: viewer, "<h1>\(title)</h1><p>\(text)</p>\(next)")
    }

    /// What the dashboard shows; a section is `nil` when the viewer's roles do not allow it.
    struct Dashboard {
        var policyVersion: Int64?
        var services: Int?
        var datasources: [Datasource]?
        var moreDatasources = false
        var securityEvents: [SecurityEvent]?
        var checkpoint: SignedCheckpoint??
    }

    static func dashboard(_ viewer: Viewer, _ dashboard: Dashboard) -> HTML {
        var sections: [HTML] = []
        if let version = dashboard.policyVersion {
            sections.append(
                """
                <section aria-labelledby="policies"><h2 id="policies">Policies</h2>
                <p class="figure">v\(version)</p><p class="muted">\(dashboard.services ?? 0) services in the published policy set</p></section>
                """)
        }
        if let datasources = dashboard.datasources {
            let rows = datasources.map { source -> HTML in
                "<tr><td>\(source.name)</td><td>\(source.kind.rawValue)</td><td>\(shortTime(milliseconds: source.updatedAt))</td></tr>"
            }
            let table: HTML =
                rows.isEmpty
                ? "<p class=\"muted\">No datasources yet.</p>"
                : "<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Changed</th></tr></thead><tbody>\(rows)</tbody></table>"
            let more: HTML = dashboard.moreDatasources ? "<p class=\"muted\">Showing the first \(datasources.count).</p>" : ""
            sections.append("<section aria-labelledby=\"datasources\"><h2 id=\"datasources\">Datasources</h2>\(table)\(more)</section>")
        }
        if let checkpoint = dashboard.checkpoint {
            let body: HTML =
                if let signed = checkpoint {
                    """
                    <p class="figure">\(signed.checkpoint.treeSize) records</p>
                    <p class="muted">signed \(Timestamp.rfc3339(microseconds: signed.checkpoint.timestamp)) with key <code>\(signed.keyID)</code>;
                    root <code>\(String(signed.checkpoint.rootHash.hex.prefix(16)))…</code></p>
                    """
                } else {
                    "<p class=\"muted\">No signed checkpoint yet.</p>"
                }
            sections.append("<section aria-labelledby=\"audit\"><h2 id=\"audit\">Audit log</h2>\(body)</section>")
        }
        if let events = dashboard.securityEvents {
            let rows = events.prefix(10).map { event -> HTML in
                let actor: HTML = event.actorID.map { "<code title=\"\($0)\">…\(String($0.suffix(8)))</code>" } ?? "-"
                return
                    "<tr><td>\(shortTime(milliseconds: event.occurredAt))</td><td>\(event.kind.rawValue)</td><td>\(actor)</td><td>\(event.sourceIP ?? "-")</td></tr>"
            }
            let table: HTML =
                rows.isEmpty
                ? ""
                : "<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Event</th><th scope=\"col\">Actor</th><th scope=\"col\">Address</th></tr></thead><tbody>\(Array(rows))</tbody></table>"
            let count = events.count >= Self.eventsCounted ? "\(Self.eventsCounted)+" : String(events.count)
            sections.append(
                """
                <section class="wide" aria-labelledby="security"><h2 id="security">Security events, last 24 hours</h2>
                <p class="figure">\(count)</p>\(table)</section>
                """)
        }
        if sections.isEmpty { sections.append("<p>Your roles show nothing on this page.</p>") }
        return layout(
            title: "Dashboard", viewer: viewer, current: .dashboard,
            "<h1>\(viewer.tenantName)</h1><div class=\"grid\">\(sections)</div>")
    }

    /// `2026-12-07 07:42:43 UTC`: to the second, for tables.
    static func shortTime(milliseconds: Int64) -> String {
        String(Timestamp.rfc3339(milliseconds: milliseconds).prefix(19)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    /// Security events counted on the dashboard at most (one page).
    static let eventsCounted = 100

    /// A form's refusal, read out by screen readers at once; nothing without one.
    static func errorLine(_ error: String?) -> HTML {
        guard let error else { return "" }
        return "<p class=\"error\" role=\"alert\">\(error)</p>"
    }

    /// What an action did (``ConsoleController/notice(_:_:)``); nothing without one.
    static func statusLine(_ notice: String?) -> HTML {
        guard let notice else { return "" }
        return "<p role=\"status\">\(notice)</p>"
    }
}
