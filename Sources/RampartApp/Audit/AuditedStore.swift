// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import RampartStorage

/// A store bound to one request's ``AuditContext``: a write made while the context is armed (the
/// route's handler is running) carries that request's audit record in the same transaction, so no
/// state change can commit without its record and no record exists for a change that rolled back.
/// While the context is not armed (authentication bookkeeping before the route, or inside
/// ``AuditContext/unrecorded(_:)``) it is the base store. Use cases get one with
/// `store.recording(audit)`.
///
/// The record is written before the response exists, so it carries no status code; its outcome is
/// `allowed` because the change is being committed. Requests that change nothing are recorded by
/// ``AuditMiddleware`` after the response, with the status.
package struct AuditedStore: ForwardingStore {
    package let base: any Store
    package let audit: AuditContext

    package init(base: any Store, audit: AuditContext) {
        self.base = base
        self.audit = audit
    }

    package func write<R: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (any StoreTransaction) async throws -> R
    ) async throws -> R {
        let audit = self.audit
        guard audit.current.armed else { return try await base.write(durability: durability, body) }
        let result = try await base.write(durability: durability) { tx in
            let result = try await body(tx)
            let record = audit.record(outcome: .allowed, status: nil)
            _ = try await tx.appendAudit([record], in: TenantID(rawValue: record.tenantID), at: audit.clock.now())
            return result
        }
        audit.markRecorded()
        return result
    }
}

extension Store {
    /// This store with its writes carrying `audit`'s record (``AuditedStore``); with no context,
    /// this store itself.
    package func recording(_ audit: AuditContext?) -> any Store {
        guard let audit else { return self }
        return AuditedStore(base: (self as? AuditedStore)?.base ?? self, audit: audit)
    }
}
