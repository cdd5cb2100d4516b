// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Prometheus
import RampartAuditLog
import RampartCore
import RampartStorage
import ServiceLifecycle
import Synchronization

/// Forwards every tenant's audit records to a syslog collector, in order, from a durable cursor.
///
/// The audit table is the outbound queue: the exporter reads records after the sink's stored
/// cursor, delivers them (see ``SyslogDelivery`` for how delivery is confirmed), and only then
/// moves the cursor, so a collector that is down for an hour receives everything when it returns
/// and a restart of Rampart resumes where it stopped. Requests never wait for the exporter.
package final class SyslogExporter: Service, Sendable {
    private let sink: SyslogSink
    private let delivery: SyslogDelivery
    private let store: any Store
    private let clock: any RampartClock
    private let logger: Logger
    private let hostname: String
    private let status = Mutex(Status())
    private let lagRecords: Gauge
    private let lagSeconds: Gauge
    private let delivered: Counter
    private let failures: Counter
    /// With several servers on one database, only the holder of the sink's lease exports (one
    /// cursor per sink, moved by one server).
    private let leases: JobLeases?

    /// What `/readyz` and `/metrics` report.
    package struct Status: Sendable {
        package var pendingRecords: Int64 = 0
        package var oldestPendingMicroseconds: Int64?
        package var lastError: String?
    }

    package init(
        sink: SyslogSink, store: any Store, clock: any RampartClock, metrics: PrometheusCollectorRegistry, leases: JobLeases? = nil, logger: Logger
    ) throws {
        self.sink = sink
        self.leases = leases
        self.delivery = try SyslogDelivery(sink: sink)
        self.store = store
        self.clock = clock
        self.logger = logger
        self.hostname = ProcessInfo.processInfo.hostName
        let labels = [("sink", sink.name)]
        func metric(_ name: String, _ unit: String) -> MetricNameDescriptor {
            // No help text: these were registered without one, and a metric's help must not change.
            MetricNameDescriptor(metricName: name, unitName: unit, helpText: "")
        }
        lagRecords = metrics.makeGauge(descriptor: metric("rampart_audit_export_pending", "records"), labels: labels)
        lagSeconds = metrics.makeGauge(descriptor: metric("rampart_audit_export_lag", "seconds"), labels: labels)
        delivered = metrics.makeCounter(descriptor: metric("rampart_audit_export_delivered", "total"), labels: labels)
        failures = metrics.makeCounter(descriptor: metric("rampart_audit_export_failures", "total"), labels: labels)
    }

    package var current: Status { status.withLock { $0 } }

    /// Whether the oldest record not yet delivered is older than the sink's threshold.
    package var isLagging: Bool {
        guard let oldest = current.oldestPendingMicroseconds else { return false }
        let lag = clock.nowMicroseconds() - oldest
        return lag > Int64(sink.lagThreshold.components.seconds) * 1_000_000
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var backoff: Duration = .milliseconds(250)
            while !Task.isCancelled {
                guard await self.leases?.holds(JobLeases.Job.auditExport(sink: self.sink.name)) ?? true else {
                    // Another server exports and reports the lag; this one's last view would go stale.
                    self.status.withLock { $0 = Status() }
                    self.lagRecords.record(Int64(0))
                    self.lagSeconds.record(0.0)
                    try await Task.sleep(for: self.sink.pollInterval)
                    continue
                }
                do {
                    let sent = try await self.exportOnce()
                    backoff = .milliseconds(250)
                    if sent == 0 { try await Task.sleep(for: self.sink.pollInterval) }
                } catch is CancellationError {
                    return
                } catch {
                    self.failures.increment()
                    let first = self.status.withLock { status in
                        defer { status.lastError = "\(error)" }
                        return status.lastError == nil
                    }
                    // One warning and one security event per outage, not one per retry.
                    if first { await self.recordOutage(error) }
                    self.logger.log(
                        level: first ? .warning : .debug, "audit export to syslog failed; retrying with back-off",
                        metadata: ["sink": "\(self.sink.name)", "error": "\(error)"])
                    try await Task.sleep(for: backoff)
                    backoff = min(backoff * 2, self.sink.maximumBackoff)
                }
            }
        }
    }

    /// The start of an outage is a security event in the platform's own log: an attacker who
    /// silences the collector must not do so unnoticed.
    private func recordOutage(_ error: any Error) async {
        let record = AuditRecord(
            seq: 0, time: clock.nowMicroseconds(), tenantID: TenantID.platform.rawValue, actorType: "system", actorID: nil, sourceIP: nil,
            userAgent: nil, method: nil, path: nil, entityType: "audit-export", entityID: sink.name, operation: "audit.export_failed",
            outcome: "error", status: nil, requestID: nil, batchID: nil, service: nil, resource: nil, accessType: nil, policyID: nil,
            policyVersion: nil, details: AuditDetails.json(["event": "audit.export_failed", "error": String("\(error)".prefix(200))]))
        let now = clock.now()
        do {
            _ = try await store.write { try await $0.appendAudit([record], in: .platform, at: now) }
        } catch {
            logger.error("could not record the audit export outage", metadata: ["error": "\(error)"])
        }
    }

    /// Delivers at most one batch per tenant log; returns how many records were delivered.
    package func exportOnce() async throws -> Int {
        let sink = self.sink
        let logs = try await store.read { try await $0.auditTenants() }
        var sent = 0
        var pending: Int64 = 0
        var oldest: Int64?
        for log in logs {
            let cursor = try await store.read { try await $0.auditExportCursor(sink: sink.name, tenant: log.tenant) }
            guard log.size > cursor else { continue }
            let batch = try await store.read { try await $0.auditRecords(log.tenant, fromSeq: cursor + 1, limit: sink.batchSize) }
            guard let first = batch.first, let last = batch.last else { continue }
            guard first.record.seq == cursor + 1 else {
                throw RampartError(.storage, "audit log of \(log.tenant) has a gap after seq \(cursor); export stopped for it")
            }
            try await delivery.deliver(batch.map { SyslogMessage.frame($0.record, hostname: hostname, processID: getpid()) })
            let now = clock.now()
            try await store.write { tx in
                try await tx.setAuditExportCursor(sink: sink.name, tenant: log.tenant, seq: last.record.seq, at: now)
            }
            sent += batch.count
            pending += log.size - last.record.seq
            if log.size > last.record.seq {
                let next = try await store.read { try await $0.auditRecords(log.tenant, fromSeq: last.record.seq + 1, limit: 1).first }
                if let time = next?.record.time { oldest = min(oldest ?? time, time) }
            }
        }
        delivered.increment(by: Int64(sent))
        let now = clock.nowMicroseconds()
        lagRecords.record(pending)
        lagSeconds.record(Double(oldest.map { now - $0 } ?? 0) / 1_000_000)
        status.withLock {
            $0.pendingRecords = pending
            $0.oldestPendingMicroseconds = oldest
            if sent > 0 { $0.lastError = nil }
        }
        return sent
    }
}
