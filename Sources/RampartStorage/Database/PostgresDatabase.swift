// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PostgresKit
import PostgresNIO
import RampartCore
import SQLKit
import ServiceLifecycle
import Synchronization

/// The shared store for several Rampart servers: a pooled `PostgresClient`.
///
/// The client must be running (``run()``, as a `Service` in the server's group) before queries
/// are issued; queries made earlier wait for it.
package final class PostgresDatabase: Database, Service {
    package let engine = DatabaseEngine.postgres
    package let client: PostgresClient
    private let logger: Logger
    /// How long a transaction may wait for a pooled connection. The pool waits for ever by
    /// itself: when PostgreSQL refused connections (down, or out of slots), requests hung instead
    /// of failing.
    package let leaseDeadline: Duration

    package init(configuration: PostgresClient.Configuration, logger: Logger, leaseDeadline: Duration = .seconds(30)) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.leaseDeadline = leaseDeadline
    }

    /// Parses `postgres://user:password@host:port/database?sslmode=...`.
    package convenience init(url: String, logger: Logger, leaseDeadline: Duration = .seconds(30)) throws {
        try self.init(configuration: Self.configuration(url: url), logger: logger, leaseDeadline: leaseDeadline)
    }

    package static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else {
            throw RampartError(.configuration, "database URL must look like postgres://user:password@host:5432/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw RampartError(.configuration, "unsupported sslmode `\(sslMode)` in database URL")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.maximumConnections = 16
        return configuration
    }

    package func run() async throws {
        await client.run()
    }

    package func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let client = self.client
        let logger = self.logger
        do {
            return try await withLeaseDeadline { leased in
                try await client.withTransaction(logger: logger) { connection in
                    try leased()
                    return try await body(connection.sql(queryLogLevel: nil))
                }
            }
        } catch let error as PostgresTransactionError {
            // Surface what actually failed, so callers see the same errors on both engines.
            if let closureError = error.closureError { throw closureError }
            if let commitError = error.commitError { throw commitError }
            if let beginError = error.beginError { throw beginError }
            throw error
        }
    }

    package func transaction<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        guard durability == .process else { return try await transaction(body) }
        return try await transaction { sql in
            // This transaction's commit returns before its WAL is flushed; the WAL writer
            // flushes it within three of its delays.
            try await sql.raw("SET LOCAL synchronous_commit TO off").run()
            return try await body(sql)
        }
    }

    package func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] { return state == "23505" }
        return false
    }

    package func ping() async throws {
        let client = self.client
        let logger = self.logger
        try await withLeaseDeadline { leased in
            try await client.withConnection { connection in
                try leased()
                try await connection.query("SELECT 1", logger: logger)
            }
        }
    }

    /// Runs `operation`, failing with `unavailable` if it has not called `leased` (it holds a
    /// connection) within ``leaseDeadline``. Only the wait is bounded, not the work after it.
    ///
    /// The caller gets its answer at the deadline, not when the pool gets round to withdrawing
    /// the lease: under load (or while the pool backs off from a refused server) that took over a
    /// minute, and a task group would have waited for it. An operation that gets its connection
    /// after the deadline is refused by `leased` (it throws), so nothing runs that the caller was
    /// told did not.
    private func withLeaseDeadline<R: Sendable>(
        _ operation: @escaping @Sendable (_ leased: @escaping @Sendable () throws -> Void) async throws -> R
    ) async throws -> R {
        let race = LeaseRace()
        let deadline = leaseDeadline
        let handles = TaskHandles()
        let answer = Answer<R>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<R, any Error>) in
                answer.set(continuation)
                let work = Task {
                    do {
                        let result = try await operation {
                            guard race.claim(.leased) else {
                                throw RampartError(.unavailable, "no database connection became available within \(deadline)")
                            }
                        }
                        answer.resume(.success(result))
                    } catch {
                        answer.resume(.failure(error))
                    }
                    handles.timer?.cancel()
                }
                let timer = Task {
                    try? await Task.sleep(for: deadline)
                    guard !Task.isCancelled, race.claim(.expired) else { return }
                    answer.resume(.failure(RampartError(.unavailable, "no database connection became available within \(deadline)")))
                    work.cancel()
                }
                handles.set(work: work, timer: timer)
            }
        } onCancel: {
            // A caller cancelled before its lease is answered at once: the pool may never answer
            // a lease it was asked for while it shut down, and the deadline is cancelled with
            // everything else. Once leased, the work runs to its end (it is told to stop).
            if race.claim(.expired) {
                answer.resume(.failure(CancellationError()))
            }
            handles.cancelAll()
        }
    }

    package func shutdown() async throws {}
}

/// Who won between an operation's lease and its deadline: the first to claim decides.
private final class LeaseRace: Sendable {
    enum Outcome: Int {
        case leased = 1
        case expired = 2
    }
    private let state = Atomic<Int>(0)

    /// `true` when `outcome` is the first claim (or repeats the winning one).
    func claim(_ outcome: Outcome) -> Bool {
        let (exchanged, original) = state.compareExchange(expected: 0, desired: outcome.rawValue, ordering: .acquiringAndReleasing)
        return exchanged || original == outcome.rawValue
    }
}

/// Resumes a continuation once, whoever comes first; an answer given before the continuation
/// exists (a cancellation that came first) is kept for it.
private final class Answer<R: Sendable>: Sendable {
    private enum State {
        case waiting
        case pending(CheckedContinuation<R, any Error>)
        case early(Result<R, any Error>)
        case done
    }

    private let state = Mutex<State>(.waiting)

    func set(_ continuation: CheckedContinuation<R, any Error>) {
        let early: Result<R, any Error>? = state.withLock { state in
            switch state {
            case .early(let result):
                state = .done
                return result
            default:
                state = .pending(continuation)
                return nil
            }
        }
        if let early { continuation.resume(with: early) }
    }

    func resume(_ result: Result<R, any Error>) {
        let continuation: CheckedContinuation<R, any Error>? = state.withLock { state in
            switch state {
            case .waiting:
                state = .early(result)
                return nil
            case .pending(let continuation):
                state = .done
                return continuation
            case .early, .done:
                return nil
            }
        }
        continuation?.resume(with: result)
    }
}

/// The operation's and the deadline's tasks, for the caller's cancellation to reach them.
private final class TaskHandles: Sendable {
    private let tasks = Mutex<(work: Task<Void, Never>?, timer: Task<Void, Never>?, cancelled: Bool)>((nil, nil, false))

    var timer: Task<Void, Never>? { tasks.withLock { $0.timer } }

    func set(work: Task<Void, Never>, timer: Task<Void, Never>) {
        let cancelled = tasks.withLock { state in
            state.work = work
            state.timer = timer
            return state.cancelled
        }
        if cancelled { cancelAll() }
    }

    func cancelAll() {
        let (work, timer) = tasks.withLock { state in
            state.cancelled = true
            return (state.work, state.timer)
        }
        work?.cancel()
        timer?.cancel()
    }
}
