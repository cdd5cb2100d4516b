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
                    leased()
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

    package func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] { return state == "23505" }
        return false
    }

    package func ping() async throws {
        let client = self.client
        let logger = self.logger
        try await withLeaseDeadline { leased in
            try await client.withConnection { connection in
                leased()
                try await connection.query("SELECT 1", logger: logger)
            }
        }
    }

    /// Runs `operation`, failing with `unavailable` if it has not called `leased` (it holds a
    /// connection) within ``leaseDeadline``. Only the wait is bounded, not the work after it.
    private func withLeaseDeadline<R: Sendable>(
        _ operation: @escaping @Sendable (_ leased: @escaping @Sendable () -> Void) async throws -> R
    ) async throws -> R {
        let hasLease = LeaseFlag()
        let deadline = leaseDeadline
        return try await withThrowingTaskGroup(of: R?.self) { group in
            group.addTask { try await operation { hasLease.value.store(true, ordering: .releasing) } }
            group.addTask {
                try await Task.sleep(for: deadline)
                guard hasLease.value.load(ordering: .acquiring) else {
                    throw RampartError(.unavailable, "no database connection became available within \(deadline)")
                }
                return nil
            }
            // The first child to throw cancels the other: a lease still waiting is withdrawn.
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw RampartError(.internalError, "the database operation ended without a result")
        }
    }

    package func shutdown() async throws {}
}

/// Whether an operation holds its connection yet; shared by the operation and its deadline.
private final class LeaseFlag: Sendable {
    let value = Atomic<Bool>(false)
}
