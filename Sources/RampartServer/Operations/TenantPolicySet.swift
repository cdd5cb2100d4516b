// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// One stored object's identity at one version. Ids are never reused, so a service deleted and
/// created again under the same name never matches what was built for the old one.
struct ObjectStamp: Hashable, Sendable {
    var id: Int64
    var version: Int64

    init(_ object: PolicyObject) {
        id = object.id
        version = object.version
    }
}

/// Everything one snapshot was built from, by id and version, so that a rebuild can keep the
/// snapshots whose inputs did not change.
struct SnapshotInputs: Hashable, Sendable {
    var service: ObjectStamp
    var serviceDef: ObjectStamp
    var tagService: ObjectStamp?
    var tagServiceDef: ObjectStamp?
    var tags: ObjectStamp?
    /// Every role, then every zone: a change to any of them reaches every service.
    var roles: [ObjectStamp]
    var zones: [ObjectStamp]
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
    /// Decoded policies per service with the service (id and version) they were read at; a
    /// rebuild decodes again only the services that moved.
    let decodedPolicies: [String: (service: ObjectStamp, policies: [Policy])]

    init(version: Int64, services: [String: ServicePolicies], decodedPolicies: [String: (service: ObjectStamp, policies: [Policy])]) {
        self.version = version
        self.services = services
        self.decodedPolicies = decodedPolicies
    }

    static let empty = TenantPolicySet(version: -1, services: [:], decodedPolicies: [:])
}
