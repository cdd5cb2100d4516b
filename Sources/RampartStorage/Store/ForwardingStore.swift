// SPDX-License-Identifier: Apache-2.0

/// A store that adds something to another's writes (an audit record, a cache refresh) and hands
/// everything else to it unchanged.
package protocol ForwardingStore: Store {
    var base: any Store { get }
}

extension ForwardingStore {
    package var engine: DatabaseEngine { base.engine }

    package func read<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R {
        try await base.read(body)
    }

    package func ping() async throws { try await base.ping() }

    package func appendAudit(_ appends: [AuditAppend], at now: Int64, durability: CommitDurability) async throws {
        try await base.appendAudit(appends, at: now, durability: durability)
    }
}
