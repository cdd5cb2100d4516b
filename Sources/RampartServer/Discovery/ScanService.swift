// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle
import Synchronization

/// Runs queued discovery scans in the background, a bounded number at a time.
///
/// The queue is the `discovery_scans` table, so several servers sharing a PostgreSQL database
/// share it: each claims a queued job atomically (`queued` → `running` with its instance name)
/// within the per-server and per-tenant limits. At start, jobs this instance left `running`
/// (it crashed or was killed) and jobs of any server whose heartbeat went stale are failed
/// ("interrupted by a server restart"), so no job stays `running` forever; the poll keeps
/// failing stale ones afterwards. On graceful shutdown running scans stop and are failed too.
struct ScanService: Service {
    let store: any Store
    let runner: ScanRunner
    let configuration: DiscoveryConfiguration
    let instance: String
    let clock: any RampartClock
    /// Rung when a scan is queued through this server.
    let bell: ScanQueueBell
    let logger: Logger

    static let restartMessage = "interrupted by a server restart"
    static let staleMessage = "abandoned: the server running it stopped sending heartbeats"

    private final class Active: Sendable {
        let count = Mutex(0)
    }

    func run() async throws {
        await failAbandoned(message: Self.restartMessage, includingOwn: true)
        let active = Active()
        try? await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                var polls = 0
                while !Task.isCancelled {
                    for job in await claim(free: configuration.maximumConcurrentScans - active.count.withLock { $0 }) {
                        active.count.withLock { $0 += 1 }
                        group.addTask {
                            await runner.run(job)
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

    /// Claims up to `free` queued jobs, oldest first, respecting the per-tenant limit.
    func claim(free: Int) async -> [ScanJob] {
        guard free > 0 else { return [] }
        do {
            let perTenant = configuration.maximumConcurrentScansPerTenant
            let now = clock.now()
            let instance = self.instance
            return try await store.write { tx in
                try await tx.lockScanQueue()
                let queued = try await tx.queuedScans(limit: 100)
                guard !queued.isEmpty else { return [] }
                var running: [TenantID: Int] = [:]
                for entry in try await tx.runningScanCounts() { running[entry.tenant, default: 0] += entry.count }
                var claimed: [ScanJob] = []
                for var job in queued where claimed.count < free && running[job.tenantID, default: 0] < perTenant {
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
    func failAbandoned(message: String, includingOwn: Bool) async {
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
