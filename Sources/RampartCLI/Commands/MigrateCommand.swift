// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Logging
import RampartStorage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Bring the database schema up to date.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let applied = try await withDatabase(storage.database, logger: Logger(label: "rampart")) { database in
            try await Migrator(database: database).migrate()
        }
        if applied.isEmpty {
            print("schema is up to date (\(storage.database.redactedDescription))")
        } else {
            print("applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
        }
    }
}
