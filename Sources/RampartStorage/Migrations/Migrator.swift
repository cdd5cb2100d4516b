// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// Brings a database to the latest schema. Called by `rampart migrate` and by server start.
package struct Migrator: Sendable {
    package let database: any Database
    package let migrations: [any Migration]

    package init(database: any Database, migrations: [any Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Applies every pending migration, each in its own transaction, and returns their ids.
    ///
    /// On PostgreSQL an advisory lock serialises servers that start at the same time, so each
    /// migration runs exactly once however many replicas boot together.
    @discardableResult
    package func migrate() async throws -> [String] {
        let engine = database.engine
        try await database.transaction { sql in
            try await sql.raw(
                "CREATE TABLE IF NOT EXISTS rampart_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
            ).run()
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try await database.transaction { sql in
                if engine == .postgres {
                    try await sql.raw("SELECT pg_advisory_xact_lock(7268696)").run()
                }
                let existing = try await sql.raw(
                    "SELECT id FROM rampart_migrations WHERE id = \(bind: migration.id)"
                ).first()
                if existing != nil { return false }
                for statement in migration.statements(for: engine) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.migrateData(sql, engine: engine)
                try await sql.raw(
                    "INSERT INTO rampart_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: Int64(UnixTime.nowMilliseconds())))"
                ).run()
                return true
            }
            if didApply { applied.append(migration.id) }
        }
        return applied
    }

    /// Ids of migrations not yet applied, reading only (a readiness probe asks every second).
    package func missing() async throws -> [String] {
        let ids = migrations.map(\.id)
        // A read transaction: no writer lock on SQLite, whoever asks how often.
        let done = try await database.readTransaction { sql in
            Set(try await sql.raw("SELECT id FROM rampart_migrations").all().map { try $0.decode(column: "id", as: String.self) })
        }
        return ids.filter { !done.contains($0) }
    }

    /// Ids of migrations not yet applied; empty when the schema is current.
    package func pending() async throws -> [String] {
        let ids = migrations.map(\.id)
        return try await database.transaction { sql in
            try await sql.raw(
                "CREATE TABLE IF NOT EXISTS rampart_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
            ).run()
            let rows = try await sql.raw("SELECT id FROM rampart_migrations").all()
            let done = Set(try rows.map { try $0.decode(column: "id", as: String.self) })
            return ids.filter { !done.contains($0) }
        }
    }
}
