// SPDX-License-Identifier: Apache-2.0

import Logging
import NIOCore
import NIOPosix
import RampartCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The embedded default: one SQLite file in WAL mode, owned by one connection.
package final class SQLiteDatabase: Database {
    package let engine = DatabaseEngine.sqlite
    package let path: String
    private let connection: SQLiteConnection
    private let gate = AsyncSerialGate()

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
    }

    /// Opens (creating if needed) the database file at `path`.
    package static func open(path: String, logger: Logger) async throws -> SQLiteDatabase {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
        } catch {
            throw RampartError(.storage, "cannot open SQLite database at \(path): \(error)")
        }
        let database = SQLiteDatabase(path: path, connection: connection)
        let sql = database.sql
        // WAL lets readers proceed during a write; FULL sync makes a commit durable before the
        // response that reports it is sent ("nothing is lost on restart").
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=FULL").run()
        try await sql.raw("PRAGMA foreign_keys=ON").run()
        try await sql.raw("PRAGMA busy_timeout=5000").run()
        return database
    }

    private var sql: any SQLDatabase { connection.sql(queryLogLevel: nil) }

    package func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let sql = self.sql
        return try await gate.withExclusiveAccess {
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(sql)
                // Once the body is done the commit goes through, whoever cancels the caller.
                try await runToCompletion { try await sql.raw("COMMIT").run() }
                return result
            } catch {
                // A cancelled caller must still end the transaction: see `runToCompletion`.
                try? await runToCompletion { try await sql.raw("ROLLBACK").run() }
                throw error
            }
        }
    }

    /// Runs `body` with the raw connection, holding the gate so no transaction interleaves; the
    /// restore manages its own transaction and speaks the native driver for speed.
    package func withExclusiveConnection<R: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) async throws -> R) async throws -> R {
        let connection = self.connection
        return try await gate.withExclusiveAccess { try await body(connection) }
    }

    package func isUniqueViolation(_ error: any Error) -> Bool {
        String(describing: error).contains("UNIQUE constraint failed")
    }

    package func ping() async throws {
        let sql = self.sql
        try await gate.withExclusiveAccess { try await sql.raw("SELECT 1").run() }
    }

    package func shutdown() async throws {
        try await gate.withExclusiveAccess { [connection] in try await connection.close().get() }
    }
}
