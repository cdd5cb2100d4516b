// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartPolicy
import RampartStorage
import Synchronization

/// Each tenant's current ``TenantPolicySet``, rebuilt off the decision path.
///
/// Decisions take the published set as it is: a dictionary look-up under a short lock, never a
/// database read and never a wait for a rebuild (except the very first use of a tenant on this
/// server). Rebuilds are triggered by policy writes, which wait for the rebuild that includes
/// their change before answering (read-your-writes on this server), and by
/// ``PolicyRefreshService``, which polls the store so that changes made through other servers
/// sharing the database arrive within its interval. At most one rebuild per tenant runs at a
/// time; callers needing a newer version join it and, if it started before their change
/// committed, start the next one.
package final class PolicySnapshotCache: Sendable {
    private struct Entry {
        package var published: TenantPolicySet?
        package var inFlight: Task<TenantPolicySet, any Error>?
        package var generation = 0
    }

    private let entries = Mutex<[TenantID: Entry]>([:])
    private let store: any Store
    private let logger: Logger

    package init(store: any Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// The tenant's published policy set; only the first call for a tenant waits for a build.
    package func current(_ tenant: TenantID) async throws -> TenantPolicySet {
        if let published = entries.withLock({ $0[tenant]?.published }) { return published }
        return try await refresh(tenant, atLeast: 0)
    }

    /// Returns a published set at `version` or newer, rebuilding (or joining the rebuild in
    /// flight) as needed. `version` must be one the caller saw committed.
    @discardableResult
    package func refresh(_ tenant: TenantID, atLeast version: Int64) async throws -> TenantPolicySet {
        var latest: TenantPolicySet?
        // A rebuild that started before the caller's commit may miss it; the one after cannot.
        // The bound only guards against a store that went backwards (a restored backup).
        for _ in 0..<4 {
            let (ready, task): (TenantPolicySet?, Task<TenantPolicySet, any Error>?) = entries.withLock { map in
                var entry = map[tenant] ?? Entry()
                if let published = entry.published, published.version >= version { return (published, nil) }
                if let running = entry.inFlight { return (nil, running) }
                entry.generation += 1
                let generation = entry.generation
                let previous = entry.published ?? .empty
                let task = Task { try await self.rebuild(tenant, previous: previous, generation: generation) }
                entry.inFlight = task
                map[tenant] = entry
                return (nil, task)
            }
            if let ready { return ready }
            guard let task else { break }
            let set = try await task.value
            latest = set
            if set.version >= version { return set }
        }
        guard let latest else { throw RampartError(.internalError, "policy rebuild did not run") }
        return latest
    }

    /// Published versions of the tenants this server has loaded.
    package func loadedVersions() -> [TenantID: Int64] {
        entries.withLock { $0.compactMapValues { $0.published?.version } }
    }

    private func rebuild(_ tenant: TenantID, previous: TenantPolicySet, generation: Int) async throws -> TenantPolicySet {
        let result: Result<TenantPolicySet, any Error>
        do {
            result = .success(try await TenantPolicySetBuilder.build(tenant: tenant, store: store, previous: previous, logger: logger))
        } catch {
            logger.error("policy rebuild failed", metadata: ["tenant": "\(tenant.rawValue)", "error": "\(error)"])
            result = .failure(error)
        }
        entries.withLock { map in
            guard var entry = map[tenant] else { return }
            if entry.generation == generation { entry.inFlight = nil }
            if case .success(let set) = result, set.version >= (entry.published?.version ?? -1) { entry.published = set }
            map[tenant] = entry
        }
        return try result.get()
    }
}
