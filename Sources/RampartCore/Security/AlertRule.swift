// SPDX-License-Identifier: Apache-2.0

/// A tenant's instruction to deliver some security events to a webhook, to e-mail recipients, or
/// to both (at least one channel).
package struct AlertRule: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    package var name: String
    /// The kinds delivered; empty means every kind.
    package var kinds: Set<SecurityEventKind>
    /// The webhook, or `nil` for an e-mail-only rule.
    package var url: String?
    /// The webhook's HMAC signing secret, encrypted under the tenant key (`nil` without a webhook).
    /// Shown in clear once, at creation.
    package var sealedSecret: String?
    /// Validated recipient addresses (see ``MailboxAddress``); empty for a webhook-only rule.
    package var emails: [String]
    package var createdAt: Int64
    /// Also e-mail a workflow event's participants at their own addresses: the approver group's
    /// members for a new or escalated access request, the requester for a decision.
    package var notifyParticipants: Bool

    package init(
        id: String, tenantID: TenantID, name: String, kinds: Set<SecurityEventKind>, url: String?, sealedSecret: String?,
        emails: [String] = [], createdAt: Int64, notifyParticipants: Bool = false
    ) {
        self.notifyParticipants = notifyParticipants
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.kinds = kinds
        self.url = url
        self.sealedSecret = sealedSecret
        self.emails = emails
        self.createdAt = createdAt
    }

    /// The channels a matching event is queued for: one delivery per channel.
    package var channels: [AlertDelivery.Channel] {
        (url == nil ? [] : [.webhook]) + (emails.isEmpty && !notifyParticipants ? [] : [.email])
    }

    /// The channels an event of `kind` is queued for: participants alone are mailed only for the
    /// workflow events that have participants, so such a rule queues nothing for other kinds.
    package func channels(for kind: SecurityEventKind) -> [AlertDelivery.Channel] {
        guard emails.isEmpty, notifyParticipants, !Self.participantKinds.contains(kind) else { return channels }
        return url == nil ? [] : [.webhook]
    }

    /// The events whose participants a rule can mail (see `WorkflowParticipants`).
    package static let participantKinds: Set<SecurityEventKind> = [.accessRequested, .accessEscalated, .accessDecided]

    package func matches(_ kind: SecurityEventKind) -> Bool { kinds.isEmpty || kinds.contains(kind) }
}

/// One pending or finished delivery of an event to one of a rule's channels (a persistent outbox,
/// so retries survive restarts and any server sharing the database can send them).
package struct AlertDelivery: Sendable, Equatable {
    /// Where a delivery goes. An e-mail delivery is one message to all of the rule's recipients.
    package enum Channel: String, Sendable, Codable {
        case webhook
        case email
    }

    package enum Status: String, Sendable, Codable {
        case pending
        case delivered
        /// Gave up after the last retry.
        case failed
    }

    package var id: String
    package var tenantID: TenantID
    package var ruleID: String
    package var eventID: String
    package var channel: Channel
    package var status: Status
    package var attempts: Int
    package var nextAttemptAt: Int64
    /// A short, secret-free description of the last failure (`HTTP 500`, `timeout`, `SMTP 550`).
    package var lastError: String?
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        id: String, tenantID: TenantID, ruleID: String, eventID: String, channel: Channel = .webhook, status: Status, attempts: Int,
        nextAttemptAt: Int64, lastError: String?, createdAt: Int64, updatedAt: Int64
    ) {
        self.channel = channel
        self.id = id
        self.tenantID = tenantID
        self.ruleID = ruleID
        self.eventID = eventID
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
