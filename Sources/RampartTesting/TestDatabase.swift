// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOPosix
import PostgresNIO
import RampartCore
import RampartStorage

/// The engines a contract suite runs against: SQLite always, PostgreSQL when
/// `RAMPART_TEST_DATABASE_URL` is set (CI always sets it).
package enum TestEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    package var description: String { rawValue }

    package static let postgresURLVariable = "RAMPART_TEST_DATABASE_URL"

    package static var postgresURL: String? {
        ProcessInfo.processInfo.environment[postgresURLVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The engines available here. Prints, once, why PostgreSQL is skipped when it is.
    package static let available: [TestEngine] = {
        if postgresURL != nil { return [.sqlite, .postgres] }
        print("note: PostgreSQL tests skipped: \(postgresURLVariable) is not set (CI sets it; see .ci/run)")
        return [.sqlite]
    }()
}

/// A fresh, empty database for one test: a temporary directory with a SQLite file, or a newly
/// created PostgreSQL database on the test server, dropped afterwards.
package struct TestDatabase: Sendable {
    package let engine: TestEngine
    /// Temporary directory: holds the SQLite file and the master key file.
    package let directory: String
    /// Set for PostgreSQL.
    package let postgresURL: String?
    /// The PostgreSQL database's name.
    package let postgresName: String?

    package var configuration: DatabaseConfiguration {
        DatabaseConfiguration.resolve(dataDirectory: directory, databaseURL: postgresURL)
    }

    package static func withFresh<R>(_ engine: TestEngine, _ body: (TestDatabase) async throws -> R) async throws -> R {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rampart-test-\(UUIDv7.generate())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        switch engine {
        case .sqlite:
            return try await body(TestDatabase(engine: engine, directory: directory, postgresURL: nil, postgresName: nil))
        case .postgres:
            guard let base = TestEngine.postgresURL, var components = URLComponents(string: base) else {
                throw RampartError(.configuration, "\(TestEngine.postgresURLVariable) is not set")
            }
            let name = "rampart_t_" + UUIDv7.generate().replacingOccurrences(of: "-", with: "").suffix(20)
            try await administer(base, "CREATE DATABASE \(name)")
            components.path = "/" + name
            let database = TestDatabase(engine: engine, directory: directory, postgresURL: components.string, postgresName: name)
            do {
                let result = try await body(database)
                try? await administer(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                return result
            } catch {
                try? await administer(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
        }
    }

    /// Runs one statement on the administrative database named by the base URL.
    package static func administer(_ url: String, _ statement: String) async throws {
        let configuration = try PostgresDatabase.configuration(url: url)
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: .init(
                host: configuration.host ?? "127.0.0.1", port: configuration.port ?? 5432, username: configuration.username,
                password: configuration.password, database: configuration.database, tls: .disable),
            id: 1, logger: Logger(label: "rampart-test-admin"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "rampart-test-admin"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Opens the database, runs migrations, and hands a ready store to `body`.
    package func withStore<R: Sendable>(_ body: @escaping @Sendable (any Database, SQLStore) async throws -> R) async throws -> R {
        try await withDatabase(configuration, logger: Logger(label: "rampart-test")) { database in
            try await Migrator(database: database).migrate()
            return try await body(database, SQLStore(database: database))
        }
    }
}
