// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Starts the ``DirectoryCache`` serving (SQLite) and keeps it true to changes this server did
/// not make, another process's on the same file (`rampart` CLI commands), with a poll of the
/// directory clock every `pollInterval`.
package struct DirectoryCacheService: Service {
    package let cache: DirectoryCache
    package let store: any Store
    package let pollInterval: Duration
    package let logger: Logger

    package init(cache: DirectoryCache, store: any Store, pollInterval: Duration = .seconds(1), logger: Logger) {
        self.cache = cache
        self.store = store
        self.pollInterval = pollInterval
        self.logger = logger
    }

    package func run() async throws {
        // PostgreSQL has no directory triggers yet (migration 0016): nothing is served from
        // memory there, and every read goes to the database as before.
        // A service that returns early would stop the server's whole service group: without a
        // cache to keep, this one waits for the shutdown.
        guard store.engine == .sqlite else {
            try? await gracefulShutdown()
            return
        }
        do {
            try await cache.catchUp(store)
            cache.setServing(true)
        } catch {
            logger.warning("directory cache not started; reading memberships and API keys from the database", metadata: ["error": "\(error)"])
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown { await poll() }
        cache.setServing(false)
    }

    private func poll() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            do {
                try await cache.catchUp(store)
            } catch {
                cache.invalidateAll()
            }
        }
    }
}
