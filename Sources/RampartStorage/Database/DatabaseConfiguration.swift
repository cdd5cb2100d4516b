// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartCore

/// Which database to use: the embedded SQLite file in the data directory, or a PostgreSQL URL.
package enum DatabaseConfiguration: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    package static let sqliteFileName = "rampart.sqlite"

    package static func resolve(dataDirectory: String, databaseURL: String?) -> DatabaseConfiguration {
        if let databaseURL, !databaseURL.isEmpty { return .postgres(url: databaseURL) }
        return .sqlite(path: (dataDirectory as NSString).appendingPathComponent(sqliteFileName))
    }

    /// A description safe to log: the PostgreSQL password is removed.
    package var redactedDescription: String {
        switch self {
        case .sqlite(let path): return "sqlite \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres (unparseable URL)" }
            if components.password != nil { components.password = "<redacted>" }
            return "postgres \(components.string ?? "")"
        }
    }

    /// Opens the database. For PostgreSQL the returned service must be run (it owns the pool).
    package func open(logger: Logger) async throws -> any Database {
        switch self {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            return try await SQLiteDatabase.open(path: path, logger: logger)
        case .postgres(let url):
            return try PostgresDatabase(url: url, logger: logger)
        }
    }
}

/// Runs `body` with an open database, running the PostgreSQL pool for the duration when needed.
/// For one-shot commands (migrate, tenants, keys) that are not part of a service group.
package func withDatabase<R: Sendable>(
    _ configuration: DatabaseConfiguration, logger: Logger, _ body: @escaping @Sendable (any Database) async throws -> R
) async throws -> R {
    let database = try await configuration.open(logger: logger)
    if let postgres = database as? PostgresDatabase {
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await postgres.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }
    do {
        let result = try await body(database)
        try? await database.shutdown()
        return result
    } catch {
        try? await database.shutdown()
        throw error
    }
}
