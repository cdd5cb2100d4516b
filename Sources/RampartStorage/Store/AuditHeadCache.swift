// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import Synchronization

/// The audit-log heads a SQLite store last wrote, so the next append of a tenant need not read
/// its head first (``SQLStore/appendAudit(_:at:durability:)``).
///
/// Never trusted on its own: the append through `audit_appends` checks the head it assumes
/// against the stored one and writes nothing when they differ (``M0017AuditAppends``), and a
/// failed append forgets the tenant's entry.
final class AuditHeadCache: Sendable {
    /// Tenants remembered at most; past it the cache starts again (a miss costs one read).
    static let capacity = 10_000

    private let heads = Mutex<[TenantID: MerkleFrontier]>([:])

    func head(of tenant: TenantID) -> MerkleFrontier? {
        heads.withLock { $0[tenant] }
    }

    func remember(_ head: MerkleFrontier, of tenant: TenantID) {
        heads.withLock { heads in
            if heads.count >= Self.capacity, heads[tenant] == nil { heads.removeAll(keepingCapacity: true) }
            heads[tenant] = head
        }
    }

    func forget(_ tenant: TenantID) {
        _ = heads.withLock { $0.removeValue(forKey: tenant) }
    }
}
