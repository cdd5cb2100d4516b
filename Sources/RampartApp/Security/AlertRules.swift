// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's alert rules: which security events go to a webhook (signed with a secret shown
/// once) and/or to e-mail recipients.
package struct AlertRules: Sendable {
    package let services: RampartServices
    /// Where the server may connect: webhook URLs are checked against its policy.
    package let destinations: OutboundDestinations

    package init(services: RampartServices, destinations: OutboundDestinations) {
        self.services = services
        self.destinations = destinations
    }

    /// Recipients per rule: enough for a security team, too few for a mailing list.
    package static let maximumRecipients = 20

    /// A rule to create: a webhook `url`, e-mail recipients, or both; no `kinds` means every kind.
    package struct NewRule: Sendable {
        package var name: String
        package var url: String?
        package var emails: [String]?
        package var kinds: [String]?
        /// Also e-mail workflow events' participants (see ``AlertRule/notifyParticipants``).
        package var notifyParticipants: Bool?

        package init(name: String, url: String?, emails: [String]?, kinds: [String]?, notifyParticipants: Bool? = nil) {
            self.notifyParticipants = notifyParticipants
            self.name = name
            self.url = url
            self.emails = emails
            self.kinds = kinds
        }
    }

    /// Creates the rule; the webhook's signing secret is returned this once and stored sealed.
    package func create(_ new: NewRule, in tenant: TenantID, audit: AuditContext?) async throws -> (rule: AlertRule, secret: Secret<String>?) {
        let name = try Validation.optionalText(new.name, field: "name", maximum: 200) ?? ""
        guard !name.isEmpty else { throw RampartError.validation("must not be empty", field: "name") }
        let url = try new.url.map {
            try WebhookURL.validate($0, configuration: services.security.configuration.webhooks, policy: destinations.policy)
        }
        let emails = try recipients(new.emails)
        let participants = new.notifyParticipants ?? false
        if participants { try requireMailServer(field: "notifyParticipants") }
        guard url != nil || !emails.isEmpty || participants else {
            throw RampartError.validation("give a webhook `url`, e-mail recipients in `emails`, `notifyParticipants`, or more than one", field: "url")
        }
        var kinds = Set<SecurityEventKind>()
        for text in new.kinds ?? [] {
            guard let kind = SecurityEventKind(rawValue: text) else {
                throw RampartError.validation("unknown event kind `\(text.prefix(64))`", field: "kinds")
            }
            kinds.insert(kind)
        }
        let chosenKinds = kinds
        // Only a webhook has a signing secret; e-mail is authenticated by the operator's mail server.
        let secret = url == nil ? nil : Secret(RandomToken.generate())
        let now = services.clock.now()
        let keyring = services.keyring
        let id = UUIDv7.generate()
        let rule = try await services.store.recording(audit).write { tx -> AlertRule in
            var sealed: String?
            if let secret {
                sealed = try await keyring.encrypt(
                    Secret(Array(secret.exposedValue.utf8)), tenant: tenant, purpose: WebhookSignature.purpose(ruleID: id), in: tx)
            }
            let rule = AlertRule(
                id: id, tenantID: tenant, name: name, kinds: chosenKinds, url: url, sealedSecret: sealed, emails: emails, createdAt: now,
                notifyParticipants: participants)
            try await tx.insertAlertRule(rule)
            return rule
        }
        audit?.setEntity("alert-rule", rule.id)
        return (rule, secret)
    }

    package func list(in tenant: TenantID) async throws -> [AlertRule] {
        try await services.store.read { try await $0.alertRules(in: tenant) }
    }

    /// The rule and its recent deliveries.
    package func get(_ id: String, in tenant: TenantID) async throws -> (rule: AlertRule, deliveries: [AlertDelivery]) {
        let found: (AlertRule, [AlertDelivery])? = try await services.store.read { tx in
            guard let rule = try await tx.alertRule(id: id, in: tenant) else { return nil }
            return (rule, try await tx.alertDeliveries(ruleID: id, in: tenant))
        }
        guard let (rule, deliveries) = found else { throw RampartError.notFound("alert rule") }
        return (rule, deliveries)
    }

    package func delete(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        guard try await services.store.recording(audit).write({ try await $0.deleteAlertRule(id: id, in: tenant) }) else {
            throw RampartError.notFound("alert rule")
        }
    }

    /// Validated, de-duplicated recipients; refused when this server has no mail server, so a rule
    /// is never accepted that could not deliver.
    private func recipients(_ given: [String]?) throws -> [String] {
        guard let given, !given.isEmpty else { return [] }
        guard given.count <= Self.maximumRecipients else {
            throw RampartError.validation("at most \(Self.maximumRecipients) recipients", field: "emails")
        }
        var seen = Set<String>()
        var addresses: [String] = []
        for text in given {
            let address = try MailboxAddress.validate(text, field: "emails")
            if seen.insert(address.lowercased()).inserted { addresses.append(address) }
        }
        try requireMailServer(field: "emails")
        return addresses
    }

    /// Refuses an e-mail rule on a server without a mail server: the operator's configuration
    /// refuses it (403), not the request's shape.
    private func requireMailServer(field: String) throws {
        guard services.security.configuration.smtp == nil else { return }
        throw RampartError(
            .forbidden, "e-mail alerts are not available: this server has no SMTP server configured (rampart serve --smtp-url)", field: field)
    }
}
