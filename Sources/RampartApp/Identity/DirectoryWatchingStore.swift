// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// The store the server's use cases write through: after each committed write it brings the
/// ``DirectoryCache`` up to date (one read of the directory clock), so a change to a user, a
/// membership or an API key is seen by the very next request, whichever write path made it.
package struct DirectoryWatchingStore: ForwardingStore {
    package let base: any Store
    package let cache: DirectoryCache

    package init(base: any Store, cache: DirectoryCache) {
        self.base = base
        self.cache = cache
    }

    package func write<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (any StoreTransaction) async throws -> R
    ) async throws -> R {
        let result = try await base.write(durability: durability, body)
        // PostgreSQL keeps no directory clock yet (migration 0016), and its cache never serves.
        guard base.engine == .sqlite else { return result }
        // The write is committed: if the clock cannot be read now, nothing may be served from
        // memory that the write could have changed.
        do {
            try await cache.catchUp(base)
        } catch {
            cache.invalidateAll()
        }
        return result
    }
}
