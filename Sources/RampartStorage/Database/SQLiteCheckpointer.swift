// SPDX-License-Identifier: Apache-2.0

import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Copies committed WAL frames into the database file from a connection of its own, and syncs
/// the WAL after commits that did not.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, on the
/// writer's connection, so every few commits one of them also copied and synced megabytes while
/// all other writes waited. The writer's automatic checkpoint is off; after a commit this runs a
/// `PASSIVE` checkpoint beside the writer (it neither blocks nor waits for writers or readers),
/// at most one at a time and not more often than ``minimumInterval``.
///
/// A commit made without syncing (``CommitDurability/process``) is synced by the next run, which
/// is then never skipped: it starts at most ``minimumInterval`` after the commit and ends with an
/// `fdatasync` of the WAL file itself (a checkpoint that a reader keeps from copying anything
/// would not sync).
final class SQLiteCheckpointer: Sendable {
    private struct State {
        var running = false
        var lastStart: ContinuousClock.Instant?
        var closed = false
        /// A commit since the last sync did not sync the WAL.
        var unsynced = false
    }

    /// Short enough that the WAL stays a few commits long under load, and the window in which an
    /// unsynced commit could be lost to a power failure stays short.
    static let minimumInterval = Duration.milliseconds(50)

    private let connection: SQLiteConnection
    private let walPath: String
    private let logger: Logger
    private let gate = AsyncSerialGate()
    private let state = Mutex(State())

    init(connection: SQLiteConnection, walPath: String, logger: Logger) {
        self.connection = connection
        self.walPath = walPath
        self.logger = logger
    }

    /// Called after each commit of the writer; `synced` is false for a commit that did not sync.
    func committed(synced: Bool = true) {
        let now = ContinuousClock.now
        let delay = state.withLock { state -> Duration? in
            if !synced { state.unsynced = true }
            guard !state.running, !state.closed else { return nil }
            let wait = state.lastStart.map { Self.minimumInterval - (now - $0) } ?? .zero
            // A synced commit skips a run too soon after the last; an unsynced one waits for it.
            if wait > .zero && !state.unsynced { return nil }
            state.running = true
            state.lastStart = now + max(wait, .zero)
            return max(wait, .zero)
        }
        guard let delay else { return }
        // Unstructured on purpose: the commit that triggered it must not wait for it. `close`
        // waits for a running checkpoint through the gate.
        Task {
            if delay > .zero { try? await Task.sleep(for: delay) }
            await self.checkpoint()
        }
    }

    private func checkpoint() async {
        let sql = connection.sql(queryLogLevel: nil)
        let sync = state.withLock { state -> Bool in
            defer { state.unsynced = false }
            return state.unsynced
        }
        do {
            try await gate.withExclusiveAccess {
                guard !self.state.withLock({ $0.closed }) else { return }
                _ = try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").all()
            }
        } catch {
            // A busy or failed checkpoint loses nothing: the frames stay in the WAL for the next.
            logger.warning("SQLite checkpoint failed", metadata: ["error": "\(error)"])
        }
        if sync { syncWAL() }
        // Commits that did not sync while this ran get a run of their own.
        let again = state.withLock { state -> Bool in
            state.running = false
            return state.unsynced && !state.closed
        }
        if again { committed(synced: false) }
    }

    /// `fdatasync` of the WAL file: what SQLite's own FULL commit does, for the commits that
    /// skipped it. (fsync acts on the file, whichever descriptor asks.)
    private func syncWAL() {
        let fd = Glibc.open(walPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { Glibc.close(fd) }
        if fdatasync(fd) != 0 {
            logger.error("could not sync the SQLite WAL; audit records of the last moments are not yet on disk", metadata: ["errno": "\(errno)"])
        }
    }

    func close() async throws {
        try await gate.withExclusiveAccess {
            let sync = self.state.withLock { state -> Bool in
                state.closed = true
                return state.unsynced
            }
            if sync { self.syncWAL() }
            try await self.connection.close().get()
        }
    }
}
