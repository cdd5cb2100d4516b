// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage
import ServiceLifecycle

/// Forgets expired login challenges and stale detector state every few minutes.
struct SecurityJanitorService: Service {
    let store: any Store
    let monitor: SecurityMonitor
    let clock: any RampartClock
    let interval: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                monitor.prune()
                let now = clock.now()
                _ = try? await store.write { try await $0.deleteExpiredMFAChallenges(now: now) }
            }
        }
    }
}
