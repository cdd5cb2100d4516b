// SPDX-License-Identifier: Apache-2.0

import Logging
import Prometheus
import RampartCore
import RampartStorage
import ServiceLifecycle
import Synchronization

/// Makes each single-runner job run on one server at a time when several share a database.
///
/// A job asks ``holds(_:)`` before each run. The first server to ask takes the job's lease (a
/// row in `job_leases` with an expiry) and keeps renewing it every ``renewal``; the others see
/// it held and skip their run. When the holder dies it stops renewing, and the first server to
/// ask after the lease's ``timeToLive`` takes the job over, within `timeToLive + renewal` (25 s).
/// At graceful shutdown the holder gives its leases up, so another server takes over at once.
///
/// Each server also keeps a presence lease of its own (`server:<holder>`), from which every
/// server learns how many are live (``onMembership``): the API rate limits are shared among them.
///
/// A server counts a lease as its own only until `timeToLive - margin` after it last renewed, so
/// clocks that disagree by less than ``margin`` never let two servers run a job at once.
package final class JobLeases: Service, Sendable {
    package static let timeToLive: Duration = .seconds(20)
    package static let renewal: Duration = .seconds(5)
    package static let margin: Duration = .seconds(5)

    /// The jobs that take a lease.
    package enum Job {
        package static let auditCheckpoints = "audit-checkpoints"
        package static let backups = "backups"
        package static let workflowSweep = "workflow-sweep"
        package static let policySync = "policy-sync"
        package static func auditExport(sink: String) -> String { "audit-export:\(sink)" }
    }

    package let instance: String
    /// Who holds this process's leases: the instance name and a suffix drawn at start, so a
    /// restarted server waits for its former self's leases to lapse like any other server, and
    /// two servers given the same name by mistake never both hold a job.
    package let holder: String
    private let store: any Store
    private let clock: any RampartClock
    private let logger: Logger
    /// What this server knows of a job it has asked for.
    private struct Standing {
        /// The local time until which it holds the lease (0 when it does not).
        var until: Int64 = 0
        /// When it last asked the database.
        var checkedAt: Int64 = 0
    }

    private let state = Mutex<[String: Standing]>([:])
    /// Set once the leases are given up at shutdown: a job still finishing must not take one again.
    private let stopped = Atomic<Bool>(false)
    private let metrics: PrometheusCollectorRegistry?
    /// Told the number of live servers (this one included) whenever it changes.
    private let onMembership: (@Sendable (Int) -> Void)?
    private let members = Atomic<Int>(0)

    package init(
        store: any Store, clock: any RampartClock, instance: String, metrics: PrometheusCollectorRegistry? = nil,
        onMembership: (@Sendable (Int) -> Void)? = nil, logger: Logger
    ) {
        self.onMembership = onMembership
        self.store = store
        self.clock = clock
        self.instance = instance
        self.holder = "\(instance)#\(RandomToken.generate().prefix(6))"
        self.logger = logger
        self.metrics = metrics
    }

    /// `rampart_job_lease_held{job, instance}` on `/metrics`: 1 while this server runs the job.
    private func report(_ job: String, held: Bool) {
        let gauge = metrics?.makeGauge(
            descriptor: MetricNameDescriptor(
                metricName: "rampart_job_lease_held", unitName: "", helpText: "1 while this server runs the job (holds its lease)"),
            labels: [("job", job), ("instance", instance)])
        gauge?.set(held ? 1.0 : 0.0)
    }

    /// Whether this server may run `job` now: it holds the lease, or has just taken it.
    package func holds(_ job: String) async -> Bool {
        guard !stopped.load(ordering: .acquiring) else { return false }
        let now = clock.now()
        let standing = state.withLock { $0[job, default: Standing()] }
        if standing.until > now.addingSaturating(Self.renewal.wholeMilliseconds) { return true }
        // Another server's, as of a moment ago: the renewal loop asks again, not every job tick.
        if standing.until == 0, now.subtractingSaturating(standing.checkedAt) < Self.renewal.wholeMilliseconds { return false }
        return await take(job)
    }

    /// Every lease in the database, for `/v1/backups` and the operator.
    package func all() async throws -> [JobLease] {
        try await store.read { try await $0.jobLeases() }.filter { !$0.job.hasPrefix(Self.presencePrefix) }
    }

    private static let presencePrefix = "server:"

    /// Renews this server's presence and learns how many servers are live.
    package func heartbeat() async {
        let now = clock.now()
        let holder = self.holder
        do {
            let live = try await store.write { tx in
                _ = try await tx.takeJobLease(
                    Self.presencePrefix + holder, holder: holder, now: now, expiresAt: now.addingSaturating(Self.timeToLive.wholeMilliseconds))
                return try await tx.liveServers(now: now)
            }
            let count = max(1, live.count)
            if members.exchange(count, ordering: .acquiringAndReleasing) != count {
                logger.info("servers sharing the database", metadata: ["live": "\(count)", "instances": .string(live.joined(separator: ","))])
                onMembership?(count)
            }
        } catch {
            logger.warning("presence lease not renewed", metadata: ["error": "\(error)"])
        }
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            await self.heartbeat()
            while !Task.isCancelled {
                try await Task.sleep(for: Self.renewal)
                await self.heartbeat()
                for job in self.state.withLock({ Array($0.keys) }) { _ = await self.take(job) }
            }
        }
        await releaseAll()
    }

    /// Takes or renews the lease; records locally until when it is ours.
    private func take(_ job: String) async -> Bool {
        let now = clock.now()
        let expires = now.addingSaturating(Self.timeToLive.wholeMilliseconds)
        let holder = self.holder
        let lease: JobLease?
        do {
            lease = try await store.write { try await $0.takeJobLease(job, holder: holder, now: now, expiresAt: expires) }
        } catch {
            // Unable to renew is not holding: another server may take the job once it expires.
            logger.warning("job lease unavailable", metadata: ["job": .string(job), "error": "\(error)"])
            lease = nil
        }
        let ours = lease?.holder == holder
        let before = state.withLock { known -> Int64 in
            defer {
                known[job] = Standing(until: ours ? expires.subtractingSaturating(Self.margin.wholeMilliseconds) : 0, checkedAt: now)
            }
            return known[job]?.until ?? 0
        }
        if ours != (before > now) {
            logger.info(ours ? "job lease taken" : "job lease lost", metadata: ["job": .string(job), "holder": .string(holder)])
        }
        report(job, held: ours)
        return ours
    }

    private func releaseAll() async {
        stopped.store(true, ordering: .releasing)
        let held =
            state.withLock { state -> [String] in
                defer { state = [:] }
                return state.filter { $0.value.until > 0 }.map(\.key)
            } + [Self.presencePrefix + holder]
        let holder = self.holder
        for job in held {
            do {
                try await store.write { try await $0.releaseJobLease(job, holder: holder) }
                if !job.hasPrefix(Self.presencePrefix) { report(job, held: false) }
            } catch {
                logger.warning("job lease not released; it expires on its own", metadata: ["job": .string(job), "error": "\(error)"])
            }
        }
    }
}
