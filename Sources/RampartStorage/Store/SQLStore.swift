// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import SQLKit
import SQLiteNIO

/// The store over SQL, written once for both engines.
package struct SQLStore: Store {
    package let database: any Database
    /// SQLite only: the audit heads this store last wrote.
    private let auditHeads = AuditHeadCache()

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

    /// On SQLite, one tenant's append whose head is in memory is one statement through
    /// `audit_appends`, which checks that head against the stored one (``M0017AuditAppends``);
    /// everything else, and any append the check refuses, is a transaction that reads the head.
    package func appendAudit(_ appends: [AuditAppend], at now: Int64, durability: CommitDurability) async throws {
        guard let sqlite = database as? SQLiteDatabase else {
            return try await appendAuditInOneTransaction(appends, at: now, durability: durability)
        }
        if appends.count == 1, let append = appends.first, try await appendWithRememberedHead(append, at: now, durability: durability, on: sqlite) {
            return
        }
        let engine = database.engine
        let heads = try await sqlite.transaction(durability: durability) { sql, connection in
            let tx = SQLStoreTransaction(sql: sql, engine: engine, sqlite: connection)
            var heads: [(TenantID, MerkleFrontier)] = []
            for append in appends {
                if let head = try await tx.appendAuditMovingHead(append.records, in: append.tenant, at: now).head {
                    heads.append((append.tenant, head))
                }
            }
            return heads
        }
        for (tenant, head) in heads { auditHeads.remember(head, of: tenant) }
    }

    /// Appends `append` in one statement assuming the remembered head; `false` when there is none
    /// or the stored head is not it (nothing was written then).
    private func appendWithRememberedHead(
        _ append: AuditAppend, at now: Int64, durability: CommitDurability, on sqlite: SQLiteDatabase
    ) async throws -> Bool {
        guard (1...SQLiteAuditInsert.maximumRows).contains(append.records.count), let head = auditHeads.head(of: append.tenant),
            head.size <= Int64.max - Int64(append.records.count)
        else { return false }
        var frontier = head
        let stored = SQLStoreTransaction.numbered(append.records, in: append.tenant, after: &frontier)
        let insert = SQLiteAuditInsert(
            stored[...],
            head: .init(expected: SQLStoreTransaction.text(head), new: SQLStoreTransaction.text(frontier), updatedAt: now))
        do {
            try await sqlite.autocommit(durability: durability) { connection in
                try await connection.query(insert.sql, insert.binds) { _ in }
            }
        } catch {
            auditHeads.forget(append.tenant)
            if String(describing: error).contains(M0017AuditAppends.headMoved) { return false }
            throw error
        }
        auditHeads.remember(frontier, of: append.tenant)
        return true
    }
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
