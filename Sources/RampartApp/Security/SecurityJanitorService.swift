// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage
import ServiceLifecycle

/// Forgets expired login challenges and stale detector state every few minutes.
package struct SecurityJanitorService: Service {

    package init(
        store: any Store, monitor: SecurityMonitor, clock: any RampartClock, interval: Duration
    ) {
        self.store = store
        self.monitor = monitor
        self.clock = clock
        self.interval = interval
    }
    package let store: any Store
    package let monitor: SecurityMonitor
    package let clock: any RampartClock
    package let interval: Duration

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                try? await monitor.prune()
                let now = clock.now()
                _ = try? await store.write { try await $0.deleteExpiredMFAChallenges(now: now) }
            }
        }
    }
}
