// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Rampart's persistent state.
///
/// All access goes through a transaction, so every write is atomic and a handler that makes
/// several changes either makes all of them or none. Tenant scoping is part of every method's
/// signature: there is no way to ask a ``StoreTransaction`` for a tenant-owned record without
/// naming the tenant, except the two authentication entry points (a session by token hash, an API
/// key by id), whose results carry their tenant for the caller to bind.
package protocol Store: Sendable {
    var engine: DatabaseEngine { get }

    /// Runs `body` in a read-write transaction committed with `durability`. The one write a store
    /// implements, so that a store wrapping another cannot drop the durability on the way.
    func write<R: Sendable>(durability: CommitDurability, _ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R

    /// Runs `body` in a transaction that is not expected to write.
    func read<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R

    /// A cheap round trip to the database, for readiness.
    func ping() async throws

    /// Appends each tenant's records to its audit log, all committed with `durability` before it
    /// returns: the audit writer's group commit. A store may do it faster than a transaction
    /// (``SQLStore`` on SQLite: one statement against a head kept in memory).
    func appendAudit(_ appends: [AuditAppend], at now: Int64, durability: CommitDurability) async throws
}

/// Records to append to one tenant's audit log.
package struct AuditAppend: Sendable {
    package var tenant: TenantID
    package var records: [AuditRecord]

    package init(tenant: TenantID, records: [AuditRecord]) {
        self.tenant = tenant
        self.records = records
    }
}

extension Store {
    package func appendAudit(_ appends: [AuditAppend], at now: Int64, durability: CommitDurability) async throws {
        try await appendAuditInOneTransaction(appends, at: now, durability: durability)
    }

    /// The plain way to append: every tenant's records in one transaction that reads each head.
    package func appendAuditInOneTransaction(_ appends: [AuditAppend], at now: Int64, durability: CommitDurability) async throws {
        try await write(durability: durability) { tx in
            for append in appends { _ = try await tx.appendAudit(append.records, in: append.tenant, at: now) }
        }
    }

    /// Runs `body` in a read-write transaction, on disk before it returns.
    package func write<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R {
        try await write(durability: .disk, body)
    }
}

/// The operations available inside one transaction: every feature's. A use case that needs one
/// feature's tables takes that feature's protocol (``PolicyStoreTransaction``, …).
package protocol StoreTransaction:
    TenantStoreTransaction, IdentityStoreTransaction, SecurityStoreTransaction, KeyringStoreTransaction, PolicyStoreTransaction,
    AuditStoreTransaction, SCIMStoreTransaction, SSOStoreTransaction, DiscoveryStoreTransaction, EnforcementStoreTransaction,
    EncryptionStoreTransaction, WorkflowStoreTransaction,
    DirectoryEpochStoreTransaction, ClusterStoreTransaction
{}
