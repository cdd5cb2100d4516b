// SPDX-License-Identifier: Apache-2.0

import SQLKit

/// The engines Rampart can store its state in.
package enum DatabaseEngine: String, Sendable {
    case sqlite
    case postgres
}

/// The one seam between Rampart's SQL and a database engine.
///
/// Everything above it is written once against `any SQLDatabase`; what differs per engine
/// (connection ownership, transactions, constraint errors) lives in the two conformers.
package protocol Database: Sendable {
    var engine: DatabaseEngine { get }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in one transaction committed with `durability`.
    func transaction<R: Sendable>(durability: CommitDurability, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in one transaction that only reads. An engine may run it beside writes.
    func readTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Whether `error` is a unique-constraint violation, which the store reports as a conflict.
    func isUniqueViolation(_ error: any Error) -> Bool

    /// A cheap round trip, for readiness checks.
    func ping() async throws

    /// Closes connections. Further use fails.
    func shutdown() async throws
}

extension Database {
    package func transaction<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await transaction(body)
    }

    package func readTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(body)
    }
}
