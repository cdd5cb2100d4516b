// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartAuditLog
import RampartCore
import RampartStorage
import Synchronization

/// The server's intrusion detection: login throttles, API rate limits, the denied-decision spike
/// detector, and the recording of security events.
///
/// The detectors are pure values (see ``LoginThrottle``, ``APIRateLimiter``,
/// ``DenialSpikeDetector``). The login throttle's counts live where every server sharing the
/// database sees them (``SharedLoginThrottles`` on PostgreSQL; in memory on the embedded SQLite
/// store, whose server is the only one). The API rate limits and the spike detector are kept in
/// memory under one `Mutex` each, every call holding a lock for a few dictionary operations,
/// never across I/O; with several servers each enforces its share (``share(among:)``).
///
/// Events are written with the *unaudited* store: they are stored together with their own audit
/// record, independently of the request's record, so a refused request still records the event
/// and its own record keeps the refusal's status.
package final class SecurityMonitor: Sendable {
    /// The unaudited store (see the type's documentation), for bookkeeping of refused requests.
    package let store: any Store
    private let clock: any RampartClock
    package let configuration: SecurityConfiguration
    private let logger: Logger
    private let loginThrottles: any LoginThrottles
    private let rateLimiter: Mutex<APIRateLimiter>
    /// The decision requests' own buckets (``RequestClass/decisions``).
    private let decisionRateLimiter: Mutex<APIRateLimiter>
    private let denials: Mutex<DenialSpikeDetector<String>>
    /// When noisy events (rate limiting) were last raised per key, so a flood makes one event a minute.
    private let lastRaised = Mutex<[String: Int64]>([:])
    /// API key/address pairs already remembered, so only the first request from an address costs a write.
    private let seenKeyAddresses = Mutex<Set<String>>([])
    /// Wakes the alert sender when an event queued a delivery.
    package let alertWakeups: AsyncStream<Void>
    private let wakeAlerts: AsyncStream<Void>.Continuation

    package static let quietInterval: Int64 = 60_000
    package static let maximumRemembered = 100_000

    package init(store: any Store, clock: any RampartClock, configuration: SecurityConfiguration, logger: Logger) {
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        self.loginThrottles = store.engine == .postgres ? SharedLoginThrottles(store: store) : InProcessLoginThrottles()
        let limits = configuration.apiRateLimit ?? APIRateLimitConfiguration()
        self.rateLimiter = Mutex(APIRateLimiter(perAPIKey: limits.perAPIKey, perTenant: limits.perTenant))
        self.decisionRateLimiter = Mutex(APIRateLimiter(perAPIKey: limits.decisionsPerAPIKey, perTenant: limits.decisionsPerTenant))
        self.denials = Mutex(DenialSpikeDetector(configuration: configuration.denialSpike))
        (alertWakeups, wakeAlerts) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The monitor's clock reading (Unix milliseconds).
    package func now() -> Int64 { clock.now() }

    // MARK: Login throttle

    /// Whether a login attempt may be evaluated now; anything but `.allow` must be refused
    /// without checking the password.
    package func assessLogin(_ attempt: LoginAttempt, knownDevice: Bool, policy: ThrottlePolicy) async throws -> ThrottleDecision {
        try await loginThrottles.assess(attempt, knownDevice: knownDevice, policy: policy, now: clock.now())
    }

    /// Counts a wrong password or second factor; raises `ip.blocked` and `tenant.under_attack`
    /// when this failure crossed those thresholds, with the origin of the request `audit` describes.
    package func loginFailed(_ attempt: LoginAttempt, policy: ThrottlePolicy, audit: AuditContext?) async throws {
        let outcome = try await loginThrottles.recordFailure(attempt, policy: policy, now: clock.now())
        if let until = outcome.sourceBlockedUntil {
            try await raise(
                .ipBlocked, tenant: attempt.tenant,
                details: ["ip": attempt.ip, "blockedUntil": Timestamp.rfc3339(milliseconds: until)], audit: audit)
        }
        if outcome.tenantThresholdCrossed {
            try await raise(.tenantUnderAttack, tenant: attempt.tenant, details: ["threshold": String(policy.tenant.threshold)], audit: audit)
        }
    }

    /// Forgets the account's failures once its owner has signed in completely.
    package func loginSucceeded(_ attempt: LoginAttempt) async {
        do {
            try await loginThrottles.recordSuccess(attempt, now: clock.now())
        } catch {
            // The session is open already; the failures left behind only age out.
            logger.warning("login throttle not reset", metadata: ["tenant": .string(attempt.tenant.rawValue), "error": "\(error)"])
        }
    }

    // MARK: API rate limit

    /// The rate-limit class of a request: decisions have buckets of their own, so an
    /// application asking per query neither meets the administration API's limit nor uses it up.
    package enum RequestClass: Sendable {
        case api
        case decisions
    }

    /// Admits one authenticated request of `requestClass`, taking a token from its API key's
    /// bucket (if it came with a key) and from its tenant's; over the limit, raises a rate-limit
    /// event (at most one a minute per key) and returns `.limited`.
    ///
    /// - Parameter keyLimit: the key's own decision limit, which replaces the default for its
    ///   bucket (decisions only).
    package func admit(
        apiKey: String?, tenant: TenantID, requestClass: RequestClass = .api, keyLimit: RateLimit? = nil, audit: AuditContext?
    ) async throws -> RateLimitDecision {
        guard configuration.apiRateLimit != nil else { return .allowed(remaining: Int.max) }
        let now = clock.now()
        let (decision, tenantLimited) =
            switch requestClass {
            case .api: rateLimiter.withLock { $0.admit(apiKey: apiKey, tenant: tenant.rawValue, keyLimit: nil, now: now) }
            case .decisions: decisionRateLimiter.withLock { $0.admit(apiKey: apiKey, tenant: tenant.rawValue, keyLimit: keyLimit, now: now) }
            }
        if !decision.isAllowed {
            let kind: SecurityEventKind = tenantLimited || apiKey == nil ? .tenantRateLimited : .apiKeyRateLimited
            let classTag = requestClass == .decisions ? "|decisions" : ""
            let key = (kind == .tenantRateLimited ? "rate|\(tenant.rawValue)" : "rate|\(tenant.rawValue)|\(apiKey ?? "")") + classTag
            if shouldRaise(key, now: now) {
                var details: [String: String] = [:]
                if let apiKey, kind == .apiKeyRateLimited { details["apiKey"] = apiKey }
                if requestClass == .decisions { details["class"] = "decisions" }
                try await raise(kind, tenant: tenant, details: details, audit: audit)
            }
        }
        return decision
    }

    // MARK: API keys and decisions

    /// Remembers the address an API key was used from; raises `apikey.new_ip` the first time.
    package func noteAPIKeyUse(keyID: String, tenant: TenantID, ip: String?, audit: AuditContext?) async throws {
        guard let ip else { return }
        let cacheKey = "\(tenant.rawValue)|\(keyID)|\(ip)"
        let seen = seenKeyAddresses.withLock { set -> Bool in
            if set.contains(cacheKey) { return true }
            if set.count >= Self.maximumRemembered { set.removeAll(keepingCapacity: true) }
            set.insert(cacheKey)
            return false
        }
        guard !seen else { return }
        let now = clock.now()
        do {
            let isNew = try await store.write { try await $0.rememberSource(.apiKeyAddress, ip, subjectID: keyID, in: tenant, at: now) }
            if isNew { try await raise(.apiKeyNewIP, tenant: tenant, details: ["apiKey": keyID, "ip": ip], audit: audit) }
        } catch {
            _ = seenKeyAddresses.withLock { $0.remove(cacheKey) }
            throw error
        }
    }

    /// Feeds a denied decision about `user` to the spike detector.
    package func noteDecision(allowed: Bool, user: String, tenant: TenantID, audit: AuditContext?) async throws {
        guard !allowed else { return }
        try await noteDenials(1, user: user, tenant: tenant, audit: audit)
    }

    /// Notes `count` denied decisions for `user` made by one call (a batch).
    package func noteDenials(_ count: Int, user: String, tenant: TenantID, audit: AuditContext?) async throws {
        guard count > 0 else { return }
        let now = clock.now()
        let spike = denials.withLock { $0.recordDenials(count, for: "\(tenant.rawValue)|\(user)", now: now) }
        if let spike {
            try await raise(
                .decisionsDenialSpike, tenant: tenant,
                details: [
                    "user": user, "denials": String(spike.denialsInWindow),
                    "baselinePerWindow": String(Int(spike.baselinePerWindow.rounded())),
                    "windowSeconds": String(configuration.denialSpike.window / 1000),
                ], audit: audit)
        }
    }

    // MARK: Events

    /// Records a security event of `tenant` in the event table and the tenant's audit log, and
    /// queues it for the tenant's matching alert rules.
    ///
    /// - Parameter audit: the request the event arose in, whose origin (actor, address, path,
    ///   request id) the event carries; `nil` for an event of no request (a background job).
    @discardableResult
    package func raise(
        _ kind: SecurityEventKind, tenant: TenantID, actorType: String? = nil, actorID: String? = nil, details: [String: String] = [:],
        audit: AuditContext?
    ) async throws -> SecurityEvent {
        let facts = audit?.current
        let event = SecurityEvent(
            tenantID: tenant, kind: kind, occurredAt: clock.now(), actorType: actorType ?? facts?.actorType ?? "anonymous",
            actorID: actorID ?? facts?.actorID, sourceIP: audit?.sourceIP, userAgent: audit?.userAgent, requestID: audit?.requestID,
            details: details)
        let record = AuditRecord(
            seq: 0, time: clock.nowMicroseconds(), tenantID: tenant.rawValue, actorType: event.actorType, actorID: event.actorID,
            sourceIP: event.sourceIP, userAgent: event.userAgent, method: audit?.method, path: audit?.path, entityType: "security-event",
            entityID: event.id, operation: "security-event", outcome: Self.outcome(of: kind).rawValue, status: nil,
            requestID: event.requestID, batchID: nil, service: nil, resource: nil, accessType: nil, policyID: nil, policyVersion: nil,
            details: AuditDetails.json(details.merging(["event": kind.rawValue]) { $1 }))
        let now = event.occurredAt
        let queued = try await store.write { tx -> Bool in
            try await tx.insertSecurityEvent(event)
            _ = try await tx.appendAudit([record], in: tenant, at: now)
            guard tenant != .platform else { return false }
            var queued = false
            for rule in try await tx.alertRules(in: tenant) where rule.matches(kind) {
                // One delivery per channel, so a failing mail server never re-sends the webhook.
                for channel in rule.channels(for: kind) {
                    try await tx.insertAlertDelivery(
                        AlertDelivery(
                            id: UUIDv7.generate(), tenantID: tenant, ruleID: rule.id, eventID: event.id, channel: channel, status: .pending,
                            attempts: 0, nextAttemptAt: now, lastError: nil, createdAt: now, updatedAt: now))
                    queued = true
                }
            }
            return queued
        }
        logger.info("security event", metadata: ["event": .string(kind.rawValue), "tenant": .string(tenant.rawValue)])
        if queued { wakeAlerts.yield() }
        return event
    }

    /// Asks the alert sender to look at the outbox now.
    package func wakeAlertSender() { wakeAlerts.yield() }

    /// Ends the alert sender's wake-ups (graceful shutdown).
    package func stopAlertWakeups() { wakeAlerts.finish() }

    /// Refusals and attacks are `denied` in the audit log; informational signals `allowed`.
    package static func outcome(of kind: SecurityEventKind) -> AuditOutcome {
        switch kind {
        case .loginFailed, .loginThrottled, .ipBlocked, .tenantUnderAttack, .passwordRecheckFailed, .mfaFailed, .mfaReplayRejected,
            .apiKeyRateLimited,
            .tenantRateLimited, .decisionsDenialSpike:
            .denied
        case .backupFailed, .backupMissed, .syncFailed:
            .error
        default:
            .allowed
        }
    }

    private func shouldRaise(_ key: String, now: Int64) -> Bool {
        lastRaised.withLock { last in
            if let previous = last[key], now - previous < Self.quietInterval { return false }
            if last.count >= Self.maximumRemembered { last = last.filter { now - $0.value < Self.quietInterval } }
            last[key] = now
            return true
        }
    }

    // MARK: Several servers

    /// Makes this server enforce its share of the API rate limits and the spike detector's
    /// threshold when `servers` servers share the database behind a load balancer (one that
    /// spreads requests evenly); the login throttle needs no share, its counts are shared.
    package func share(among servers: Int) {
        let now = clock.now()
        rateLimiter.withLock { $0.share(among: servers, now: now) }
        decisionRateLimiter.withLock { $0.share(among: servers, now: now) }
        denials.withLock { $0.share(among: servers) }
    }

    // MARK: Housekeeping

    /// Drops detector state that no longer affects any decision.
    package func prune() async throws {
        let now = clock.now()
        try await loginThrottles.prune(now: now)
        rateLimiter.withLock { $0.prune(now: now) }
        decisionRateLimiter.withLock { $0.prune(now: now) }
        denials.withLock { $0.prune(now: now) }
    }
}
