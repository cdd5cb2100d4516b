// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartCore

extension ConsolePages {
    /// What a "new alert rule" form was filled with, to show it again beside an error.
    struct AlertRuleForm {
        var name = ""
        var url = ""
        var emails = ""
        var kinds: Set<String> = []
        var notifyParticipants = false
    }

    /// Security events (newest first, filtered by kind, older pages by cursor) and, for
    /// `security:manage`, the alert rules with a form for a new one.
    static func security(
        _ viewer: Viewer, events: Page<SecurityEvent>, kind: SecurityEventKind?, rules: [AlertRule]?, mailConfigured: Bool,
        notice: String? = nil, error: String? = nil, typed: AlertRuleForm = AlertRuleForm()
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let options = SecurityEventKind.allCases.map { option -> HTML in
            let selected: HTML = option == kind ? " selected" : ""
            return "<option value=\"\(option.rawValue)\"\(selected)>\(option.rawValue)</option>"
        }
        let rows = events.items.map { event -> HTML in
            let details = event.details.keys.sorted().prefix(6).map { "\($0)=\(String((event.details[$0] ?? "").prefix(80)))" }.joined(
                separator: ", ")
            return """
                <tr><td>\(shortTime(milliseconds: event.occurredAt))</td><td>\(event.kind.rawValue)</td>
                <td>\(event.actorType)\(event.actorID.map { " …\(String($0.suffix(8)))" } ?? "")</td><td>\(event.sourceIP ?? "-")</td><td>\(details)</td></tr>
                """
        }
        // Escaped like any text: `&` becomes `&amp;` in the attribute, as it should.
        let kindQuery = kind.map { "&kind=\($0.rawValue)" } ?? ""
        let older: HTML = events.nextCursor.map { "<p><a href=\"\(base)/security?before=\($0)\(kindQuery)\">Older events</a></p>" } ?? ""
        let eventTable: HTML =
            rows.isEmpty
            ? "<p class=\"muted\">No events.</p>"
            : """
            <table><caption class="visually-hidden">Security events</caption><thead><tr><th scope="col">When</th><th scope="col">Event</th>
            <th scope="col">Actor</th><th scope="col">Address</th><th scope="col">Details</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        var ruleSection: HTML = ""
        if let rules {
            let ruleRows = rules.map { rule -> HTML in
                let targets = ([rule.url].compactMap { $0 } + rule.emails + (rule.notifyParticipants ? ["the participants"] : [])).joined(
                    separator: ", ")
                let kinds = rule.kinds.isEmpty ? "every event" : rule.kinds.map(\.rawValue).sorted().joined(separator: ", ")
                return """
                    <tr><td>\(rule.name)</td><td>\(kinds)</td><td>\(targets)</td>
                    <td><form method="post" action="\(base)/security/alert-rules/\(rule.id)/delete">
                    <input type="hidden" name="csrf" value="\(viewer.formToken)">
                    <button type="submit" class="quiet" aria-label="Delete the alert rule \(rule.name)">Delete</button>
                    </form></td></tr>
                    """
            }
            let kindChoices = SecurityEventKind.allCases.map { option -> HTML in
                let ticked: HTML = typed.kinds.contains(option.rawValue) ? " checked" : ""
                return
                    "<label class=\"choice\"><input type=\"checkbox\" name=\"kinds[]\" value=\"\(option.rawValue)\"\(ticked)> \(option.rawValue)</label>"
            }
            let mail: HTML =
                mailConfigured
                ? "" : "<p class=\"muted\">This server has no mail server (rampart serve --smtp-url): rules can only call webhooks.</p>"
            ruleSection = """
                <section aria-labelledby="rules"><h2 id="rules">Alert rules</h2>
                \(ruleRows.isEmpty ? "<p class=\"muted\">No alert rules.</p>" as HTML : "")
                <table><caption class="visually-hidden">Alert rules</caption><thead><tr><th scope="col">Name</th><th scope="col">Events</th>
                <th scope="col">Sent to</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody>\(ruleRows)</tbody></table>
                </section>
                <section class="panel" aria-labelledby="new-rule"><h2 id="new-rule">New alert rule</h2>\(mail)
                <form method="post" action="\(base)/security/alert-rules">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <label for="rule-name">Name</label>
                <input id="rule-name" name="name" type="text" autocomplete="off" required value="\(typed.name)">
                <label for="url">Webhook URL (https)</label>
                <input id="url" name="url" type="text" inputmode="url" autocomplete="off" value="\(typed.url)">
                <label for="emails">E-mail recipients (comma-separated)</label>
                <input id="emails" name="emails" type="text" autocomplete="off" value="\(typed.emails)">
                <label class="choice"><input type="checkbox" name="notifyParticipants"\(typed.notifyParticipants ? " checked" : "" as HTML)> Also e-mail the people a workflow event concerns</label>
                <fieldset><legend>Events (none ticked: every event)</legend>\(kindChoices)</fieldset>
                <button type="submit">Create rule</button>
                </form></section>
                """
        }
        return layout(
            title: "Security", viewer: viewer, current: .security,
            """
            <h1>Security</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <section class="wide" aria-labelledby="events"><h2 id="events">Events</h2>
            <form class="filters" method="get" action="\(base)/security">
            <div><label for="kind">Kind</label><select id="kind" name="kind"><option value="">every kind</option>\(options)</select></div>
            <button type="submit">Show</button>
            </form>
            \(eventTable)\(older)</section>
            \(ruleSection)
            """)
    }

    /// A new alert rule, with its webhook signing secret on this page only.
    static func newAlertRule(_ viewer: Viewer, _ rule: AlertRule, secret: Secret<String>?) -> HTML {
        let secretPart: HTML =
            secret.map { secret in
                """
                <p>Copy the signing secret now: it is not shown again. The webhook's requests carry an HMAC-SHA-256 signature made with it.</p>
                <p><label for="secret">Signing secret</label>
                <input id="secret" type="text" readonly value="\(secret.withValue { $0 })"></p>
                """
            } ?? ""
        return layout(
            title: "New alert rule", viewer: viewer, current: .security,
            """
            <section class="panel"><h1>Alert rule \(rule.name)</h1>
            <p role="status">The alert rule was created.</p>
            \(secretPart)
            <p><a href="/console/t/\(viewer.tenantSlug)/security">Back to security</a></p></section>
            """)
    }

    /// The tenant's security settings as they apply, with a form for the ones people change here.
    static func settings(
        _ viewer: Viewer, _ current: TenantSecuritySettingsAdministration.Effective, notice: String? = nil, error: String? = nil,
        throttleTyped: [String: String]? = nil, throttleInvalid: ThrottleSetting? = nil
    ) -> HTML {
        let throttle = current.loginThrottle
        // Each group's heading is its settings' (``ThrottleSetting/groupTitle``), as refusals name it.
        let groups: [(key: String, explanation: String)] = [
            ("account", "Wrong passwords for one account: each attempt past the count waits, the wait doubling up to the longest."),
            ("sourceIP", "Failures from one address (or IPv6 prefix) across accounts: past the count it is blocked, longer for each repeat."),
            ("tenant", "Failures across the tenant (a spread-out attack): past the count, unknown browsers wait."),
        ]
        let fieldsets = groups.map { group -> HTML in
            let settings = ThrottleSetting.allCases.filter { $0.group == group.key }
            let inputs = settings.map { setting -> HTML in
                let value = throttleTyped?[setting.name] ?? setting.formatted(setting.value(in: throttle))
                // The refused field says so to assistive technology and points at the message.
                let invalid: HTML = setting == throttleInvalid ? " aria-invalid=\"true\" aria-describedby=\"throttle-error\"" : ""
                return """
                    <div><label for="\(setting.inputID)">\(setting.label)</label>
                    <input id="\(setting.inputID)" name="\(setting.name)" type="text" inputmode="decimal" required value="\(value)"\(invalid)></div>
                    """
            }
            return """
                <fieldset><legend>\(settings.first?.groupTitle ?? "")</legend><p class="muted">\(group.explanation)</p>
                <div class="filters">\(inputs)</div></fieldset>
                """
        }
        let reset: HTML =
            current.loginThrottleCustomized
            ? "<button type=\"submit\" class=\"quiet\" name=\"reset\" value=\"1\" formnovalidate>Use the server's default</button>" : ""
        let checked: (Bool) -> HTML = { $0 ? " checked" : "" }
        let minutes = current.accessRequestMaximumSeconds.map { String($0 / 60) } ?? ""
        return layout(
            title: "Settings", viewer: viewer, current: .settings,
            """
            <h1>Settings</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <section class="panel" aria-labelledby="security-settings"><h2 id="security-settings">Sign-in and changes</h2>
            <form method="post" action="/console/t/\(viewer.tenantSlug)/settings">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label class="choice"><input type="checkbox" name="mfaRequired"\(checked(current.mfaRequired))> Everyone signs in with a second factor
            (people without one set it up at their next sign-in)</label>
            <label class="choice"><input type="checkbox" name="changeApproval"\(checked(current.changeApproval))> Four eyes: policy and tagging-rule
            changes wait for a change approver</label>
            <label for="accessRequestMaximumMinutes">Longest access a request may ask for (minutes; empty: the approval rules decide)</label>
            <input id="accessRequestMaximumMinutes" name="accessRequestMaximumMinutes" type="number" min="0" max="129600" value="\(minutes)">
            <input type="hidden" name="accessRequestMaximumShown" value="\(minutes)">
            <button type="submit">Save settings</button>
            </form></section>
            <section class="panel" aria-labelledby="throttle"><h2 id="throttle">Login throttle\(current.loginThrottleCustomized ? " (this tenant's own)" : " (the server's default)")</h2>
            <form method="post" action="/console/t/\(viewer.tenantSlug)/settings/throttle">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            \(throttleInvalid.map { _ in "<p id=\"throttle-error\" class=\"error\">\(error ?? "")</p>" as HTML } ?? "")
            \(fieldsets)
            <p class="muted">Seconds may have up to three decimals. A browser someone signed in from before skips the account's wait.</p>
            <button type="submit">Save the throttle</button> \(reset)
            </form></section>
            """)
    }
}
