// SPDX-License-Identifier: Apache-2.0

import Logging
import Prometheus
import RampartCore
import RampartStorage

/// What the controllers share: the store, crypto and policies. One per running server.
package struct RampartServices: Sendable {
    /// The store (a ``DirectoryWatchingStore``). A write on behalf of a request goes through
    /// `store.recording(audit)`, with the request's ``AuditContext``, so that it carries the
    /// request's audit record.
    package let store: any Store
    /// Memberships and API keys for decisions and authentication, invalidated by every directory
    /// change (kept current by the store's writes and ``DirectoryCacheService``).
    package let directory: DirectoryCache
    package let keyring: Keyring
    package let passwordHasher: PasswordHasher
    package let passwordPolicy: PasswordPolicy
    package let sessionLifetime: SessionLifetime
    package let clock: any RampartClock
    package let metrics: PrometheusCollectorRegistry
    package let maximumBodySize: Int
    /// A hash of a random password, verified when the username is unknown so that unknown users
    /// cost the same time as wrong passwords.
    package let decoyPasswordHash: String
    /// Appends audit records that are not part of a state change (group commit; runs as a service).
    package let auditWriter: AuditWriter
    /// Checkpoints, signing keys and proofs of the audit log.
    package let auditLog: AuditLog
    /// Login throttles, rate limits and security events.
    package let security: SecurityMonitor

    package init(
        store: any Store, keyring: Keyring, passwordHasher: PasswordHasher, passwordPolicy: PasswordPolicy,
        sessionLifetime: SessionLifetime, clock: any RampartClock, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        maximumBodySize: Int,
        logger: Logger = Logger(label: "rampart.audit"), security: SecurityConfiguration = SecurityConfiguration(),
        auditDurability: CommitDurability = .disk
    ) throws {
        let directory = DirectoryCache(metrics: metrics)
        self.directory = directory
        self.store = DirectoryWatchingStore(base: store, cache: directory)
        // Audit appends never change the directory: they skip the clock read after each commit.
        self.auditWriter = AuditWriter(store: store, durability: auditDurability, clock: clock, logger: logger)
        self.auditLog = AuditLog(store: store, keyring: keyring, clock: clock)
        self.security = SecurityMonitor(store: store, clock: clock, configuration: security, logger: logger)
        self.keyring = keyring
        self.passwordHasher = passwordHasher
        self.passwordPolicy = passwordPolicy
        self.sessionLifetime = sessionLifetime
        self.clock = clock
        self.metrics = metrics
        self.maximumBodySize = maximumBodySize
        self.decoyPasswordHash = try passwordHasher.hash(Secret(RandomToken.generate()))
    }
}
