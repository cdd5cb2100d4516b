// SPDX-License-Identifier: Apache-2.0

import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// Copies committed WAL frames into the database file from a connection of its own.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, on the
/// writer's connection, so every few commits one of them also copied and synced megabytes while
/// all other writes waited. The writer's automatic checkpoint is off; after a commit this runs a
/// `PASSIVE` checkpoint beside the writer (it neither blocks nor waits for writers or readers),
/// at most one at a time and not more often than ``minimumInterval``.
final class SQLiteCheckpointer: Sendable {
    private struct State {
        var running = false
        var lastStart: ContinuousClock.Instant?
        var closed = false
    }

    /// Short enough that the WAL stays a few commits long under load.
    static let minimumInterval = Duration.milliseconds(50)

    private let connection: SQLiteConnection
    private let logger: Logger
    private let gate = AsyncSerialGate()
    private let state = Mutex(State())

    init(connection: SQLiteConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Called after each commit of the writer.
    func committed() {
        let now = ContinuousClock.now
        let start = state.withLock { state -> Bool in
            guard !state.running, !state.closed else { return false }
            if let last = state.lastStart, now - last < Self.minimumInterval { return false }
            state.running = true
            state.lastStart = now
            return true
        }
        guard start else { return }
        // Unstructured on purpose: the commit that triggered it must not wait for it. `close`
        // waits for a running checkpoint through the gate.
        Task { await self.checkpoint() }
    }

    private func checkpoint() async {
        let sql = connection.sql(queryLogLevel: nil)
        do {
            try await gate.withExclusiveAccess {
                guard !self.state.withLock({ $0.closed }) else { return }
                _ = try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").all()
            }
        } catch {
            // A busy or failed checkpoint loses nothing: the frames stay in the WAL for the next.
            logger.warning("SQLite checkpoint failed", metadata: ["error": "\(error)"])
        }
        state.withLock { $0.running = false }
    }

    func close() async throws {
        try await gate.withExclusiveAccess {
            self.state.withLock { $0.closed = true }
            try await self.connection.close().get()
        }
    }
}
