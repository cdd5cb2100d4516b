// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import RampartStorage

/// The store as route handlers see it: a write made while serving a request carries that
/// request's audit record in the same transaction, so no state change can commit without its
/// record and no record exists for a change that rolled back.
///
/// The record is written before the response exists, so it carries no status code; its outcome is
/// `allowed` because the change is being committed. Requests that change nothing are recorded by
/// ``AuditMiddleware`` after the response, with the status.
package struct AuditedStore: Store {
    package let base: any Store
    package let clock: any RampartClock

    package init(base: any Store, clock: any RampartClock) {
        self.base = base
        self.clock = clock
    }

    package var engine: DatabaseEngine { base.engine }

    package func write<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R {
        guard let scope = AuditScope.current, scope.current.armed else { return try await base.write(body) }
        let clock = self.clock
        let result = try await base.write { tx in
            let result = try await body(tx)
            let record = scope.record(outcome: .allowed, status: nil, now: clock.nowMicroseconds())
            _ = try await tx.appendAudit([record], in: TenantID(rawValue: record.tenantID), at: clock.now())
            return result
        }
        scope.markRecorded()
        return result
    }

    package func read<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R {
        try await base.read(body)
    }

    package func ping() async throws { try await base.ping() }
}
