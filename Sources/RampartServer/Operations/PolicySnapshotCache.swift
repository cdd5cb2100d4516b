// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartPolicy
import RampartStorage
import Synchronization

/// Immutable policy snapshots per tenant and service, rebuilt when the stored version moves.
///
/// Decisions read a snapshot without locking it; the only shared state is this map of
/// references, swapped under a short lock.
package final class PolicySnapshotCache: Sendable {
    private struct Key: Hashable {
        let tenant: TenantID
        let service: String
    }

    private let entries = Mutex<[Key: (version: Int64, snapshot: PolicySnapshot)]>([:])

    package init() {}

    /// The snapshot of `service` at its current version, or `nil` when the tenant has no such service.
    package func snapshot(tenant: TenantID, service: String, store: any Store) async throws -> (PolicySnapshot, Int64)? {
        let key = Key(tenant: tenant, service: service)
        guard let version = try await store.read({ try await $0.policyServiceVersion(service, in: tenant) }) else { return nil }
        if let cached = entries.withLock({ $0[key] }), cached.version == version { return (cached.snapshot, version) }
        guard let stored = try await store.read({ try await $0.policyService(service, in: tenant) }) else { return nil }
        let snapshot = try Self.build(stored)
        entries.withLock { $0[key] = (stored.version, snapshot) }
        return (snapshot, stored.version)
    }

    package static func build(_ stored: StoredPolicyService) throws -> PolicySnapshot {
        do {
            return try PolicySnapshot(
                serviceDef: try PolicyLoader.serviceDef(from: Data(stored.serviceDefJSON.utf8)),
                service: try PolicyLoader.decode(Service.self, from: Data(stored.serviceJSON.utf8)),
                policies: try PolicyLoader.policies(from: Data(stored.policiesJSON.utf8)))
        } catch let error as PolicyError {
            throw RampartError(.validationFailed, "policies do not load: \(error.message)")
        }
    }
}
