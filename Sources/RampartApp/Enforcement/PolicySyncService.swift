// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Keeps every PostgreSQL datasource with `sync.enabled` in line with its tenant's policies: on
/// every policy or tag change (the tenant's policy version moves), on every user or group change
/// seen at the next interval, and every `intervalSeconds` to catch drift.
///
/// Datasources are synced one at a time, so one tenant's slow database delays the others by at
/// most its connection and lock timeouts, never by more.
package struct PolicySyncService: Service {
    package let sync: PolicySync
    /// How often due datasources are looked for.
    package let tick: Duration
    package let logger: Logger
    /// With several servers on one database, only the holder of the job's lease syncs.
    package let leases: JobLeases?

    package init(sync: PolicySync, tick: Duration, leases: JobLeases? = nil, logger: Logger) {
        self.sync = sync
        self.tick = tick
        self.leases = leases
        self.logger = logger
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: tick)
                guard await leases?.holds(JobLeases.Job.policySync) ?? true else { continue }
                do {
                    try await runDue()
                } catch {
                    logger.warning("policy sync pass failed", metadata: ["cause": "\(PolicySync.message(error))"])
                }
            }
        }
    }

    /// Syncs every enabled datasource that is due: never synced, its tenant's policies changed
    /// since, or its interval has passed.
    package func runDue() async throws {
        let store = sync.services.store
        let tenants = try await TenantAdministration(services: sync.services).all()
        for tenant in tenants where tenant.status == .active {
            var after: String?
            repeat {
                let request = PageRequest(limit: PageRequest.maximumLimit, after: after)
                let page = try await store.read { tx in try await tx.datasources(in: tenant.id, page: request) }
                for datasource in page.items where datasource.kind == .postgres {
                    guard let settings = datasource.config.sync, settings.enabled else { continue }
                    if Task.isCancelled { return }
                    if try await isDue(datasource, settings: settings) { await sync.background(datasource) }
                }
                after = page.nextCursor
            } while after != nil
        }
    }

    private func isDue(_ datasource: Datasource, settings: DatasourceSyncSettings) async throws -> Bool {
        let (_, state) = try await sync.status(datasource.id, in: datasource.tenantID)
        guard let state else { return true }
        let interval = Int64(settings.intervalSeconds) * 1000
        if sync.services.clock.now() - state.lastRunAt >= interval { return true }
        let version = try await sync.policies.current(datasource.tenantID).version
        // A pending (report mode) or failed run waits for its interval, not for the next tick.
        return (state.outcome == .applied || state.outcome == .inSync) && state.policyVersion != version
    }
}
