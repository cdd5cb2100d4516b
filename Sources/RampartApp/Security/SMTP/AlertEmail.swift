// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The e-mail for one security event delivered to one alert rule's recipients.
///
/// The subject holds only values Rampart controls (the event kind and the tenant's validated
/// slug); everything a tenant or a request chose (rule name, actor, user agent, details) is in
/// the body, with control characters shown escaped so that no value can fake a line of the
/// alert. Events carry no secrets, and nothing else is added here.
package enum AlertEmail {
    package static func message(
        delivery: AlertDelivery, rule: AlertRule, event: SecurityEvent, tenantSlug: String, from: String, now: Int64,
        disclosesRecipients: Bool = true
    ) throws -> EmailMessage {
        var lines = [
            "Rampart security alert",
            "",
            "Event:       \(event.kind.rawValue)",
            "Time:        \(Timestamp.rfc3339(milliseconds: event.occurredAt))",
            "Tenant:      \(visible(tenantSlug))",
            "Rule:        \(visible(rule.name))",
            "Actor:       \(visible(event.actorType))\(event.actorID.map { " " + visible($0) } ?? "")",
            "Source IP:   \(event.sourceIP.map(visible) ?? "-")",
            "User agent:  \(event.userAgent.map(visible) ?? "-")",
            "Request ID:  \(event.requestID.map(visible) ?? "-")",
            "Event ID:    \(event.id)",
            "Delivery ID: \(delivery.id)",
        ]
        if !event.details.isEmpty {
            lines += ["", "Details:"]
            for (key, value) in event.details.sorted(by: { $0.key < $1.key }) { lines.append("  \(visible(key)): \(visible(value))") }
        }
        lines += ["", "Sent by Rampart for alert rule \(rule.id). Manage rules at /v1/security/alert-rules."]
        var message = EmailMessage(body: lines.joined(separator: "\n"))
        try message.add("From", from)
        // A message that also goes to participants (approvers, a requester) shows no address: they
        // see neither one another's nor the security team's.
        if rule.emails.isEmpty || !disclosesRecipients {
            try message.add("To", "undisclosed-recipients:;")
        } else {
            try message.add("To", addresses: rule.emails)
        }
        try message.add("Subject", "[Rampart] \(event.kind.rawValue) in \(tenantSlug)")
        try message.add("Date", EmailMessage.date(milliseconds: now))
        try message.add("Message-ID", "<\(delivery.id)@\(from.split(separator: "@").last.map(String.init) ?? "rampart.invalid")>")
        try message.add("Auto-Submitted", "auto-generated")
        try message.add("X-Rampart-Event", event.kind.rawValue)
        try message.add("X-Rampart-Delivery", delivery.id)
        return message
    }

    /// `value` with control characters (CR, LF, TAB, DEL, C1) written as `\u{…}` escapes.
    package static func visible(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.prefix(2000) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
