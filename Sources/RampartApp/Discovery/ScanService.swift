// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle
import Synchronization
import Tracing

/// Runs queued discovery scans in the background, a bounded number at a time.
///
/// The queue is the `discovery_scans` table, so several servers sharing a PostgreSQL database
/// share it: each claims a queued job atomically (`queued` → `running` with its instance name)
/// within the per-server and per-tenant limits. At start, jobs this instance left `running`
/// (it crashed or was killed) and jobs of any server whose heartbeat went stale are failed
/// ("interrupted by a server restart"), so no job stays `running` forever; the poll keeps
/// failing stale ones afterwards. On graceful shutdown running scans stop and are failed too.
package struct ScanService: Service {

    package init(
        store: any Store, runner: ScanRunner, configuration: DiscoveryConfiguration, instance: String, clock: any RampartClock, bell: ScanQueueBell,
        logger: Logger
    ) {
        self.store = store
        self.runner = runner
        self.configuration = configuration
        self.instance = instance
        self.clock = clock
        self.bell = bell
        self.logger = logger
    }
    package let store: any Store
    package let runner: ScanRunner
    package let configuration: DiscoveryConfiguration
    package let instance: String
    package let clock: any RampartClock
    /// Rung when a scan is queued through this server.
    package let bell: ScanQueueBell
    package let logger: Logger

    package static let restartMessage = "interrupted by a server restart"
    package static let staleMessage = "abandoned: the server running it stopped sending heartbeats"

    private final class Active: Sendable {
        package let count = Mutex(0)
    }

    package func run() async throws {
        await failAbandoned(message: Self.restartMessage, includingOwn: true)
        let active = Active()
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                var polls = 0
                while !Task.isCancelled {
                    for job in await claim(free: configuration.maximumConcurrentScans - active.count.withLock { $0 }) {
                        active.count.withLock { $0 += 1 }
                        group.addTask {
                            // One trace per scan, with no ids or names that could be sensitive.
                            await withSpan("rampart.discovery.scan", ofKind: .internal) { _ in await runner.run(job) }
                            active.count.withLock { $0 -= 1 }
                        }
                    }
                    polls += 1
                    if polls % 10 == 0 { await failAbandoned(message: Self.staleMessage, includingOwn: false) }
                    await bell.wait(timeout: configuration.pollInterval)
                }
            }
        }
    }

    /// Queued scans looked at per claim: enough for each of this many tenants' next scan.
    package static let claimWindow = 500

    /// Claims up to `free` queued jobs, each tenant's oldest in turn, respecting the per-tenant limit.
    package func claim(free: Int) async -> [ScanJob] {
        guard free > 0 else { return [] }
        do {
            let perTenant = configuration.maximumConcurrentScansPerTenant
            let now = clock.now()
            let instance = self.instance
            return try await store.write { tx in
                try await tx.lockScanQueue()
                let queued = try await tx.queuedScans(perTenant: perTenant, limit: Self.claimWindow)
                guard !queued.isEmpty else { return [] }
                var running: [TenantID: Int] = [:]
                for entry in try await tx.runningScanCounts() { running[entry.tenant, default: 0] += entry.count }
                // Tenants running fewer scans go first: a job's turn is its place in its tenant's
                // queue plus what the tenant already runs; ties keep the queue's (oldest) order.
                var place: [TenantID: Int] = [:]
                let turns = queued.map { job -> Int in
                    place[job.tenantID, default: 0] += 1
                    return (place[job.tenantID] ?? 0) + running[job.tenantID, default: 0]
                }
                let ordered = queued.indices.sorted { (turns[$0], $0) < (turns[$1], $1) }.map { queued[$0] }
                var claimed: [ScanJob] = []
                for var job in ordered where claimed.count < free && running[job.tenantID, default: 0] < perTenant {
                    guard try await tx.claimScan(id: job.id, instance: instance, at: now) else { continue }
                    running[job.tenantID, default: 0] += 1
                    job.status = .running
                    job.instance = instance
                    job.startedAt = now
                    job.heartbeatAt = now
                    claimed.append(job)
                }
                return claimed
            }
        } catch {
            logger.warning("scan queue poll failed", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Fails running jobs whose heartbeat is stale, and (at start) those this instance left running.
    package func failAbandoned(message: String, includingOwn: Bool) async {
        let now = clock.now()
        let staleBefore = now - Int64(configuration.staleAfter.components.seconds) * 1000
        let instance = includingOwn ? self.instance : nil
        do {
            let failed = try await store.write { tx in
                try await tx.failAbandonedScans(instance: instance, staleBefore: staleBefore, at: now, message: message)
            }
            for job in failed {
                logger.warning("scan failed as abandoned", metadata: ["scan": "\(job.id)", "tenant": "\(job.tenantID.rawValue)"])
            }
        } catch {
            logger.warning("abandoned scan check failed", metadata: ["error": "\(error)"])
        }
    }
}
