// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Delivers queued security alerts to tenants' webhooks and e-mail recipients, retrying failures
/// with exponential back-off.
///
/// The queue is the `security_alert_deliveries` table, so nothing is lost in a restart and any
/// server sharing the database may send. A server *claims* a due delivery by moving its next
/// attempt past a lease before sending, so two servers never send the same attempt. It wakes when
/// an event queues a delivery and otherwise checks every ``WebhookConfiguration/pollInterval``.
/// Both channels share the outbox, the retry schedule and ``WebhookConfiguration/maximumAttempts``;
/// an SMTP 5xx reply is final (the delivery fails at once), anything else is retried.
package struct AlertDeliveryService: Service {
    package let store: any Store
    package let keyring: Keyring
    package let monitor: SecurityMonitor
    package let clock: any RampartClock
    package let configuration: WebhookConfiguration
    /// Webhook hosts are resolved and checked here at every attempt.
    package let destinations: OutboundDestinations
    package let smtp: SMTPConfiguration?
    package let logger: Logger

    package static let batchSize = 20

    package init(
        store: any Store, keyring: Keyring, monitor: SecurityMonitor, clock: any RampartClock, configuration: WebhookConfiguration,
        destinations: OutboundDestinations, smtp: SMTPConfiguration? = nil, logger: Logger
    ) {
        self.destinations = destinations
        self.store = store
        self.keyring = keyring
        self.monitor = monitor
        self.clock = clock
        self.configuration = configuration
        self.smtp = smtp
        self.logger = logger
    }

    package func run() async throws {
        let monitor = self.monitor
        let interval = configuration.pollInterval
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        monitor.wakeAlertSender()
                    }
                }
                for await _ in monitor.alertWakeups { await deliverDue() }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            monitor.stopAlertWakeups()
        }
    }

    /// Sends everything due now, a batch at a time, concurrently within a batch.
    package func deliverDue() async {
        while true {
            let now = clock.now()
            let due: [AlertDelivery]
            do {
                due = try await store.read { try await $0.dueAlertDeliveries(now: now, limit: Self.batchSize) }
            } catch {
                logger.error("alert outbox unreadable", metadata: ["error": "\(error)"])
                return
            }
            if due.isEmpty { return }
            await withDiscardingTaskGroup { group in
                for delivery in due { group.addTask { await attempt(delivery) } }
            }
            if due.count < Self.batchSize { return }
        }
    }

    private func attempt(_ delivery: AlertDelivery) async {
        let now = clock.now()
        // The lease outlasts one attempt; if this server dies mid-send, another retries after it.
        let longest = max(configuration.timeout, smtp?.timeout ?? .zero)
        let lease = now + Int64(longest.components.seconds) * 1000 * 3 + 1000
        do {
            guard try await store.write({ try await $0.claimAlertDelivery(id: delivery.id, dueAt: delivery.nextAttemptAt, leaseUntil: lease) })
            else { return }
            switch delivery.channel {
            case .webhook: try await attemptWebhook(delivery)
            case .email: try await attemptEmail(delivery)
            }
        } catch {
            logger.error("alert delivery bookkeeping failed", metadata: ["delivery": .string(delivery.id), "error": "\(error)"])
        }
    }

    private func attemptWebhook(_ delivery: AlertDelivery) async throws {
        let keyring = self.keyring
        let loaded: (AlertRule, SecurityEvent, Secret<[UInt8]>, String)? = try await store.read { tx in
            guard let rule = try await tx.alertRule(id: delivery.ruleID, in: delivery.tenantID),
                let event = try await tx.securityEvent(id: delivery.eventID, in: delivery.tenantID),
                let url = rule.url, let sealed = rule.sealedSecret
            else { return nil }
            let secret = try await keyring.decrypt(
                sealed, tenant: delivery.tenantID, purpose: WebhookSignature.purpose(ruleID: rule.id), in: tx)
            return (rule, event, secret, url)
        }
        guard let (rule, event, secret, url) = loaded else {
            try await finish(delivery, status: .failed, error: "rule, webhook or event no longer exists")
            return
        }
        let body = try Self.payload(delivery: delivery, rule: rule, event: event)
        let headers = [
            (WebhookSignature.headerName, WebhookSignature.header(body: body, secret: secret)),
            ("X-Rampart-Delivery", delivery.id), ("X-Rampart-Event", event.kind.rawValue),
        ]
        let status: Int
        do {
            status = try await WebhookClient(timeout: configuration.timeout, destinations: destinations).post(url: url, body: body, headers: headers)
        } catch let failure as WebhookClient.Failure {
            // The tenant sees only that the delivery failed (or that the destination is not
            // allowed): whether a port is closed, open or filtered would map the operator's network.
            logger.warning(
                "alert webhook delivery failed",
                metadata: ["delivery": .string(delivery.id), "tenant": .string(delivery.tenantID.rawValue), "cause": .string(failure.cause)])
            try await retry(delivery, error: failure.tenantMessage)
            return
        } catch {
            logger.warning("alert webhook delivery failed", metadata: ["delivery": .string(delivery.id), "cause": .string("\(error)")])
            try await retry(delivery, error: WebhookClient.Failure.undelivered)
            return
        }
        if (200..<300).contains(status) {
            try await finish(delivery, status: .delivered, error: nil)
        } else {
            try await retry(delivery, error: "HTTP \(status)")
        }
    }

    private func attemptEmail(_ delivery: AlertDelivery) async throws {
        guard let smtp else {
            // The operator removed --smtp-url after the rule was made; it may come back.
            try await retry(delivery, error: "no SMTP server configured")
            return
        }
        let loaded: (AlertRule, SecurityEvent, Tenant, [String])? = try await store.read { tx in
            guard let rule = try await tx.alertRule(id: delivery.ruleID, in: delivery.tenantID),
                let event = try await tx.securityEvent(id: delivery.eventID, in: delivery.tenantID),
                let tenant = try await tx.tenant(id: delivery.tenantID)
            else { return nil }
            let participants = rule.notifyParticipants ? try await WorkflowParticipants.addresses(for: event, in: tx) : []
            return (rule, event, tenant, participants)
        }
        guard let (rule, event, tenant, participants) = loaded else {
            try await finish(delivery, status: .failed, error: "rule or event no longer exists")
            return
        }
        var seen = Set<String>()
        let recipients = (rule.emails + participants).filter { seen.insert($0.lowercased()).inserted }
        guard !recipients.isEmpty else {
            try await finish(
                delivery, status: .failed, error: "no recipients: the rule names none and the event's participants have no e-mail address")
            return
        }
        let outcome: SMTPClient.Outcome
        do {
            let message = try AlertEmail.message(
                delivery: delivery, rule: rule, event: event, tenantSlug: tenant.slug, from: smtp.from, now: clock.now(),
                disclosesRecipients: participants.isEmpty)
            outcome = try await SMTPClient(configuration: smtp).send(message, to: recipients)
        } catch let error as RampartError where error.code == .rejected || error.code == .badRequest {
            try await finish(delivery, status: .failed, error: error.message)
            logger.warning("alert e-mail refused", metadata: ["delivery": .string(delivery.id), "error": .string(error.message)])
            return
        } catch let error as RampartError {
            try await retry(delivery, error: error.message)
            return
        } catch {
            try await retry(delivery, error: "send failed")
            return
        }
        // The rule's own recipients are the administrators' to see; a participant's address is
        // that person's own, so it is only counted.
        let own = Set(rule.emails.map { $0.lowercased() })
        let refusedOwn = outcome.rejectedRecipients.filter { own.contains($0.lowercased()) }
        let refusedParticipants = outcome.rejectedRecipients.count - refusedOwn.count
        let parts = refusedOwn + (refusedParticipants > 0 ? ["\(refusedParticipants) participant(s)"] : [])
        let note = parts.isEmpty ? nil : "refused recipients: " + parts.joined(separator: ", ")
        try await finish(delivery, status: .delivered, error: note)
    }

    private func retry(_ delivery: AlertDelivery, error: String) async throws {
        var next = delivery
        next.attempts = next.attempts.addingSaturating(1)
        let now = clock.now()
        next.updatedAt = now
        next.lastError = String(error.prefix(200))
        if next.attempts >= configuration.maximumAttempts {
            next.status = .failed
            logger.warning("alert delivery gave up", metadata: ["delivery": .string(delivery.id), "error": .string(next.lastError ?? "")])
        } else {
            let backoff = ExponentialBackoff(base: configuration.baseRetryDelay, maximum: configuration.maximumRetryDelay)
            next.nextAttemptAt = now.addingSaturating(backoff.delay(step: next.attempts - 1))
        }
        let update = next
        try await store.write { try await $0.updateAlertDelivery(update) }
    }

    private func finish(_ delivery: AlertDelivery, status: AlertDelivery.Status, error: String?) async throws {
        var done = delivery
        done.attempts = done.attempts.addingSaturating(1)
        done.status = status
        done.lastError = error.map { String($0.prefix(200)) }
        done.updatedAt = clock.now()
        let update = done
        try await store.write { try await $0.updateAlertDelivery(update) }
    }

    /// The JSON body: the delivery id (for receivers' de-duplication), the rule and the event.
    package static func payload(delivery: AlertDelivery, rule: AlertRule, event: SecurityEvent) throws -> [UInt8] {
        struct Payload: Encodable {
            package struct Rule: Encodable {
                package var id: String
                package var name: String
            }
            package var deliveryId: String
            package var tenantId: String
            package var rule: Rule
            package var event: SecurityEventResponse
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(
            try encoder.encode(
                Payload(
                    deliveryId: delivery.id, tenantId: delivery.tenantID.rawValue, rule: .init(id: rule.id, name: rule.name),
                    event: SecurityEventResponse(event))))
    }
}
