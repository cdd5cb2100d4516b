// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage
import ServiceLifecycle

/// Keeps the database open for the server's lifetime and closes it on graceful shutdown, after
/// the HTTP server (registered later in the group) has drained.
package struct DatabaseLifecycleService: Service {

    package init(
        database: any Database
    ) {
        self.database = database
    }
    package let database: any Database

    package func run() async throws {
        if let postgres = database as? PostgresDatabase {
            try await postgres.run()
            return
        }
        try? await gracefulShutdown()
        try await database.shutdown()
    }
}

/// Deletes expired sessions every few minutes so the table does not grow without bound.
package struct SessionJanitorService: Service {

    package init(
        store: any Store, clock: any RampartClock, interval: Duration
    ) {
        self.store = store
        self.clock = clock
        self.interval = interval
    }
    package let store: any Store
    package let clock: any RampartClock
    package let interval: Duration

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                let now = clock.now()
                _ = try? await store.write { try await $0.deleteExpiredSessions(now: now) }
            }
        }
    }
}
