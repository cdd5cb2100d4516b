// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit
import SQLiteNIO

/// The store over SQL, written once for both engines.
package struct SQLStore: Store {
    package let database: any Database

    package init(database: any Database) { self.database = database }

    package var engine: DatabaseEngine { database.engine }

    package func write<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (any StoreTransaction) async throws -> R
    ) async throws -> R {
        let engine = database.engine
        do {
            if let sqlite = database as? SQLiteDatabase {
                return try await sqlite.transaction(durability: durability) { sql, connection in
                    try await body(SQLStoreTransaction(sql: sql, engine: engine, sqlite: connection))
                }
            }
            return try await database.transaction(durability: durability) { sql in try await body(SQLStoreTransaction(sql: sql, engine: engine)) }
        } catch let error as RampartError {
            throw error
        } catch  where database.isUniqueViolation(error) {
            throw RampartError(.conflict, "a record with the same unique name already exists")
        }
    }

    package func read<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R {
        let engine = database.engine
        return try await database.readTransaction { sql in try await body(SQLStoreTransaction(sql: sql, engine: engine)) }
    }

    package func ping() async throws { try await database.ping() }

}

/// One transaction's view of the store.
struct SQLStoreTransaction: StoreTransaction {
    let sql: any SQLDatabase
    let engine: DatabaseEngine
    /// The SQLite connection this transaction holds (nil on PostgreSQL), for native binds.
    var sqlite: SQLiteConnection? = nil

    /// Rows `page.limit + 1` are fetched so the presence of a next page is known without a count.
    func paged<T>(_ rows: [any SQLRow], page: PageRequest, id: (T) -> String, decode: (any SQLRow) throws -> T) throws -> Page<T> {
        Page(limit: page.limit, of: try rows.map(decode), cursor: id)
    }
}

extension Set where Element == BuiltinRole {
    /// Sorted, comma-separated: stable in the database and easy to read by hand.
    var storageText: String { map(\.rawValue).sorted().joined(separator: ",") }

    init(storageText: String) {
        self = Set(storageText.split(separator: ",").compactMap { BuiltinRole(rawValue: String($0)) })
    }
}
