// SPDX-License-Identifier: Apache-2.0

/// One recorded security signal of a tenant (see ``SecurityEventKind``).
///
/// ``details`` holds non-secret facts only (a device fingerprint prefix, a network, a count):
/// events are shown to admins, copied into the audit log and sent to webhooks.
package struct SecurityEvent: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    package var kind: SecurityEventKind
    /// Unix milliseconds.
    package var occurredAt: Int64
    /// `user`, `operator`, `apiKey` or `anonymous`, as in audit records.
    package var actorType: String
    package var actorID: String?
    package var sourceIP: String?
    package var userAgent: String?
    package var requestID: String?
    package var details: [String: String]

    package init(
        id: String = UUIDv7.generate(), tenantID: TenantID, kind: SecurityEventKind, occurredAt: Int64, actorType: String,
        actorID: String?, sourceIP: String?, userAgent: String?, requestID: String?, details: [String: String] = [:]
    ) {
        self.id = id
        self.tenantID = tenantID
        self.kind = kind
        self.occurredAt = occurredAt
        self.actorType = actorType
        self.actorID = actorID
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.requestID = requestID
        self.details = details
    }
}

/// A filter over a tenant's security events, newest first.
package struct SecurityEventQuery: Sendable, Equatable {
    package var kind: SecurityEventKind?
    /// Unix milliseconds, inclusive.
    package var since: Int64?
    /// Event id to continue after (the previous page's last id).
    package var before: String?
    package var limit: Int

    package init(kind: SecurityEventKind? = nil, since: Int64? = nil, before: String? = nil, limit: Int = 100) {
        self.kind = kind
        self.since = since
        self.before = before
        self.limit = limit
    }
}
