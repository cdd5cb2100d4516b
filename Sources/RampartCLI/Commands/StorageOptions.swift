// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartApp
import RampartCore
import RampartStorage

/// Where Rampart keeps its state; shared by every command that touches it.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Directory for the embedded database and the master key file.")
    var dataDirectory: String = "./rampart-data"

    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL (postgres://user:password@host:5432/db) instead of the embedded SQLite. Also RAMPART_DATABASE_URL.")
    var databaseURL: String?

    var resolvedDatabaseURL: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["RAMPART_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var database: DatabaseConfiguration {
        DatabaseConfiguration.resolve(dataDirectory: dataDirectory, databaseURL: resolvedDatabaseURL)
    }

    /// Opens the database, brings the schema up to date, checks the master key, and runs `body`
    /// with the services and the command's ``AuditContext``, which the use cases it calls take.
    func withServices<R: Sendable>(_ body: @escaping @Sendable (RampartServices, AuditContext) async throws -> R) async throws -> R {
        let logger = Logger(label: "rampart")
        let master = try MasterKeySource.load(dataDirectory: dataDirectory)
        return try await withDatabase(database, logger: logger) { database in
            try await Migrator(database: database).migrate()
            let store = SQLStore(database: database)
            let keyring = Keyring(master: master.key)
            try await store.write { try await keyring.checkMasterKey($0) }
            let services = try RampartServices(
                store: store, keyring: keyring, passwordHasher: PasswordHasher(), passwordPolicy: PasswordPolicy(),
                sessionLifetime: SessionLifetime(), clock: SystemClock(), maximumBodySize: 1 << 20)
            // Changes made from the CLI are audited like API requests (the commands pass this
            // context to the use cases they call), in the platform log, with the command line
            // (never option values, which may name key files) as the path.
            let audit = AuditContext(
                requestID: UUIDv7.generate(), method: "CLI", path: Self.commandLine(), sourceIP: nil, userAgent: "rampart-cli",
                clock: services.clock)
            audit.update {
                $0.actorType = "operator"
                $0.actorID = ProcessInfo.processInfo.environment["USER"].map { "cli:\($0)" } ?? "cli"
                $0.operation = "CLI \(Self.commandLine())"
                $0.armed = true
            }
            return try await body(services, audit)
        }
    }
}

extension StorageOptions {
    /// `rampart tenants create …` without option values: the subcommand words only.
    static func commandLine() -> String {
        let words = CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }
        return (["rampart"] + words).joined(separator: " ")
    }
}

enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
}
