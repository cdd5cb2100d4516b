// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy

/// Everything one snapshot was built from, by version, so that a rebuild can keep the snapshots
/// whose inputs did not change.
struct SnapshotInputs: Hashable, Sendable {
    var service: Int64
    var serviceDef: Int64
    var tagService: Int64?
    var tagServiceDef: Int64?
    var tags: Int64?
    /// Id and version of every role, then of every zone: a change to any of them reaches every service.
    var roles: [Int64]
    var zones: [Int64]
}

/// The decision-ready state of one service.
struct ServicePolicies: Sendable {
    let snapshot: PolicySnapshot
    /// The service's policy version (Ranger's `policyVersion`), reported with each decision.
    let version: Int64
    let inputs: SnapshotInputs
}

/// An immutable view of a tenant's policies at one tenant policy version.
///
/// Decisions read it without locking; a rebuild produces a new one and the cache swaps the
/// reference, so a decision sees either the old set or the new one, never a mix.
package final class TenantPolicySet: Sendable {
    package let version: Int64
    let services: [String: ServicePolicies]
    /// Decoded policies per service with the service version they were read at; a rebuild
    /// decodes again only the services whose version moved.
    let decodedPolicies: [String: (version: Int64, policies: [Policy])]

    init(version: Int64, services: [String: ServicePolicies], decodedPolicies: [String: (version: Int64, policies: [Policy])]) {
        self.version = version
        self.services = services
        self.decodedPolicies = decodedPolicies
    }

    static let empty = TenantPolicySet(version: -1, services: [:], decodedPolicies: [:])
}
