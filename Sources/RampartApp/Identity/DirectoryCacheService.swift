// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Keeps the ``DirectoryCache`` true to changes this server did not make: another server's on
/// the same PostgreSQL (pushed by `LISTEN`, serving from memory only while listening), or
/// another process's on the same SQLite file (`rampart` CLI commands), with a poll of the
/// directory clock every `pollInterval` under both.
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
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await listen() }
                group.addTask { await poll() }
                await group.waitForAll()
            }
        }
        cache.setServing(false)
    }

    /// On PostgreSQL: serve while listening, drop a tenant on each notification; on a lost
    /// connection stop serving and listen again. On SQLite: serve from the first clock read on.
    private func listen() async {
        while !Task.isCancelled {
            do {
                let cache = self.cache
                let store = self.store
                let supported = try await store.watchDirectoryChanges { event in
                    switch event {
                    case .listening:
                        // Changes made before the LISTEN took effect are covered by the clock.
                        Task { try? await cache.catchUp(store) }
                        cache.setServing(true)
                    case .changed(let tenant):
                        cache.invalidate(tenant)
                    }
                }
                if !supported {
                    try await cache.catchUp(store)
                    cache.setServing(true)
                    return
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning(
                    "directory change notifications lost; reading memberships and API keys from the database", metadata: ["error": "\(error)"])
            }
            cache.setServing(false)
            try? await Task.sleep(for: .seconds(1))
        }
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
