// SPDX-License-Identifier: Apache-2.0

import Logging
import NIOCore
import NIOPosix
import RampartCore
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The embedded default: one SQLite file in WAL mode, written by one connection and read by a
/// few read-only ones.
///
/// SQLite has one writer at a time, so every write transaction holds the writer's gate. Read
/// transactions run on their own connections: in WAL mode a reader sees the last commit and
/// neither waits for nor delays the writer, so a request's reads no longer queue behind other
/// requests' commits.
package final class SQLiteDatabase: Database {
    package let engine = DatabaseEngine.sqlite
    package let path: String
    private let connection: SQLiteConnection
    private let gate = AsyncSerialGate()
    private let readers: [Reader]
    private let nextReader = Atomic<Int>(0)
    private let checkpointer: SQLiteCheckpointer
    /// The writer connection's `synchronous` setting (changed only under the writer's gate).
    private let synchronousIsFull = Atomic<Bool>(true)

    /// A read-only connection and the gate that keeps its transactions from interleaving.
    private struct Reader: Sendable {
        let connection: SQLiteConnection
        let gate = AsyncSerialGate()
    }

    /// Read connections: one per core is enough, as a read holds its connection only while
    /// SQLite works.
    private static let readerCount = max(2, min(4, System.coreCount))

    private init(path: String, connection: SQLiteConnection, readers: [SQLiteConnection], checkpointer: SQLiteCheckpointer) {
        self.path = path
        self.connection = connection
        self.readers = readers.map { Reader(connection: $0) }
        self.checkpointer = checkpointer
    }

    /// Opens (creating if needed) the database file at `path`.
    package static func open(path: String, logger: Logger) async throws -> SQLiteDatabase {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
        } catch {
            throw RampartError(.storage, "cannot open SQLite database at \(path): \(error)")
        }
        var readers: [SQLiteConnection] = []
        var checkpointConnection: SQLiteConnection?
        do {
            // WAL lets readers proceed during a write; FULL sync makes a commit durable before the
            // response that reports it is sent ("nothing is lost on restart"). Checkpoints run
            // beside the writer (see `SQLiteCheckpointer`), not inside its commits.
            try await configure(
                connection, "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
                "PRAGMA wal_autocheckpoint=0")
            let checkpoints = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
            checkpointConnection = checkpoints
            try await configure(checkpoints, "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=5000")
            // The file is in WAL mode now (a persistent setting), so the readers open into it.
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
                readers.append(reader)
                try await configure(reader, "PRAGMA query_only=ON", "PRAGMA busy_timeout=5000")
            }
        } catch {
            for reader in readers { try? await reader.close().get() }
            try? await checkpointConnection?.close().get()
            try? await connection.close().get()
            throw RampartError(.storage, "cannot open SQLite database at \(path): \(error)")
        }
        guard let checkpointConnection else { throw RampartError(.internalError, "no checkpoint connection") }
        return SQLiteDatabase(
            path: path, connection: connection, readers: readers,
            checkpointer: SQLiteCheckpointer(connection: checkpointConnection, walPath: path + "-wal", logger: logger))
    }

    private static func configure(_ connection: SQLiteConnection, _ pragmas: String...) async throws {
        let sql = connection.sql(queryLogLevel: nil)
        for pragma in pragmas { try await sql.raw(SQLQueryString(pragma)).run() }
    }

    private var sql: any SQLDatabase { connection.sql(queryLogLevel: nil) }

    package func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction { sql, _ in try await body(sql) }
    }

    package func transaction<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await transaction(durability: durability) { sql, _ in try await body(sql) }
    }

    /// A transaction whose body may also use the connection itself: the audit append binds its
    /// rows natively, because SQLKit's per-value encoding cost more than SQLite's own work.
    ///
    /// With ``CommitDurability/process`` the commit does not sync the WAL (`synchronous=NORMAL`
    /// for this transaction only); the checkpointer syncs it within its interval.
    package func transaction<R: Sendable>(
        durability: CommitDurability = .disk, _ body: @escaping @Sendable (any SQLDatabase, SQLiteConnection) async throws -> R
    ) async throws -> R {
        let sql = self.sql
        let connection = self.connection
        let result = try await gate.withExclusiveAccess {
            // The setting belongs to the connection and cannot change inside a transaction: it
            // is set before one, under the writer's gate, whenever it differs from what this
            // transaction needs; a state change never commits while it is NORMAL.
            try await self.setSynchronous(full: durability == .disk)
            return try await Self.inTransaction(sql, begin: "BEGIN IMMEDIATE") { try await body(sql, connection) }
        }
        checkpointer.committed(synced: durability == .disk)
        return result
    }

    /// Runs `body` with the writer's connection outside any transaction, so each statement it
    /// runs commits on its own, with `durability` as a transaction's commit would. For a write that is one statement: it then costs one round trip to SQLite's
    /// thread instead of three (`BEGIN`, the statement, `COMMIT`).
    package func autocommit<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (SQLiteConnection) async throws -> R
    ) async throws -> R {
        let connection = self.connection
        let result = try await gate.withExclusiveAccess {
            try await self.setSynchronous(full: durability == .disk)
            return try await body(connection)
        }
        checkpointer.committed(synced: durability == .disk)
        return result
    }

    /// Runs `body` in a deferred transaction on a read-only connection: it sees the last commit
    /// and runs beside the writer. A write inside fails (`query_only`).
    package func readTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let reader = readers[Int(UInt(bitPattern: nextReader.add(1, ordering: .relaxed).oldValue) % UInt(readers.count))]
        let sql = reader.connection.sql(queryLogLevel: nil)
        return try await reader.gate.withExclusiveAccess {
            try await Self.inTransaction(sql, begin: "BEGIN") { try await body(sql) }
        }
    }

    /// `begin`, `body`, then COMMIT, or ROLLBACK if anything threw. Both end statements run to
    /// completion even for a cancelled caller (see `runToCompletion`): a transaction left open
    /// on a connection would make every later one on it fail.
    private static func inTransaction<R: Sendable>(
        _ sql: any SQLDatabase, begin: String, _ body: () async throws -> R
    ) async throws -> R {
        try await sql.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body()
            try await runToCompletion { try await sql.raw("COMMIT").run() }
            return result
        } catch {
            try? await runToCompletion { try await sql.raw("ROLLBACK").run() }
            throw error
        }
    }

    /// Runs `body` with the raw connection, holding the gate so no transaction interleaves; the
    /// restore manages its own transaction and speaks the native driver for speed.
    package func withExclusiveConnection<R: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) async throws -> R) async throws -> R {
        let connection = self.connection
        return try await gate.withExclusiveAccess {
            try await self.setSynchronous(full: true)
            return try await body(connection)
        }
    }

    /// Sets the writer connection's `synchronous` to FULL or NORMAL when it is not already;
    /// called under the writer's gate, outside a transaction (where SQLite ignores the change).
    private func setSynchronous(full: Bool) async throws {
        guard synchronousIsFull.load(ordering: .relaxed) != full else { return }
        try await sql.raw(SQLQueryString(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL")).run()
        synchronousIsFull.store(full, ordering: .relaxed)
    }

    package func isUniqueViolation(_ error: any Error) -> Bool {
        String(describing: error).contains("UNIQUE constraint failed")
    }

    package func ping() async throws {
        let sql = self.sql
        try await gate.withExclusiveAccess { try await sql.raw("SELECT 1").run() }
    }

    package func shutdown() async throws {
        for reader in readers {
            try await reader.gate.withExclusiveAccess { [connection = reader.connection] in try await connection.close().get() }
        }
        try await checkpointer.close()
        try await gate.withExclusiveAccess { [connection] in try await connection.close().get() }
    }
}
