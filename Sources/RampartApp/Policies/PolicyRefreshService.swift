// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Polls the tenants' policy versions and rebuilds, in the background, the policy sets this
/// server has loaded whose version moved: how changes written through another server sharing
/// the PostgreSQL database (or by `rampart policy import`) reach this one.
package struct PolicyRefreshService: Service {

    package init(
        cache: PolicySnapshotCache, store: any Store, interval: Duration, logger: Logger
    ) {
        self.cache = cache
        self.store = store
        self.interval = interval
        self.logger = logger
    }
    package let cache: PolicySnapshotCache
    package let store: any Store
    package let interval: Duration
    package let logger: Logger

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await poll()
            }
        }
    }

    package func poll() async {
        let loaded = cache.loadedVersions()
        guard !loaded.isEmpty else { return }
        do {
            let stored = try await store.read { try await $0.policyVersions() }
            for (tenant, version) in stored where (loaded[tenant] ?? version) < version {
                try await cache.refresh(tenant, atLeast: version)
            }
        } catch {
            logger.warning("policy version poll failed", metadata: ["error": "\(error)"])
        }
    }
}
