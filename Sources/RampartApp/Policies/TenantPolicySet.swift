// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// One stored object's identity at one version. Ids are never reused, so a service deleted and
/// created again under the same name never matches what was built for the old one.
package struct ObjectStamp: Hashable, Sendable {
    package var id: Int64
    package var version: Int64

    package init(_ object: PolicyObject) {
        id = object.id
        version = object.version
    }

    package init(id: Int64, version: Int64) {
        self.id = id
        self.version = version
    }
}

/// Everything one snapshot was built from, by id and version, so that a rebuild can keep the
/// snapshots whose inputs did not change.
package struct SnapshotInputs: Hashable, Sendable {
    package var service: ObjectStamp
    package var serviceDef: ObjectStamp
    package var tagService: ObjectStamp?
    package var tagServiceDef: ObjectStamp?
    package var tags: ObjectStamp?
    /// Every role, then every zone: a change to any of them reaches every service.
    package var roles: [ObjectStamp]
    package var zones: [ObjectStamp]

    package init(
        service: ObjectStamp, serviceDef: ObjectStamp, tagService: ObjectStamp? = nil, tagServiceDef: ObjectStamp? = nil, tags: ObjectStamp? = nil,
        roles: [ObjectStamp] = [], zones: [ObjectStamp] = []
    ) {
        self.service = service
        self.serviceDef = serviceDef
        self.tagService = tagService
        self.tagServiceDef = tagServiceDef
        self.tags = tags
        self.roles = roles
        self.zones = zones
    }
}

/// The decision-ready state of one service.
package struct ServicePolicies: Sendable {
    package let snapshot: PolicySnapshot
    /// The service's policy version (Ranger's `policyVersion`), reported with each decision.
    package let version: Int64
    package let inputs: SnapshotInputs
    /// Where decisions take the requester's groups and roles from.
    package let identitySource: DecisionIdentitySource

    package init(snapshot: PolicySnapshot, version: Int64, inputs: SnapshotInputs, identitySource: DecisionIdentitySource = .rampart) {
        self.snapshot = snapshot
        self.version = version
        self.inputs = inputs
        self.identitySource = identitySource
    }
}

/// An immutable view of a tenant's policies at one tenant policy version.
///
/// Decisions read it without locking; a rebuild produces a new one and the cache swaps the
/// reference, so a decision sees either the old set or the new one, never a mix.
package final class TenantPolicySet: Sendable {
    package let version: Int64
    package let services: [String: ServicePolicies]
    /// Decoded policies per service with the service (id and version) they were read at; a
    /// rebuild decodes again only the services that moved.
    package let decodedPolicies: [String: (service: ObjectStamp, policies: [Policy])]

    package init(version: Int64, services: [String: ServicePolicies], decodedPolicies: [String: (service: ObjectStamp, policies: [Policy])]) {
        self.version = version
        self.services = services
        self.decodedPolicies = decodedPolicies
    }

    package static let empty = TenantPolicySet(version: -1, services: [:], decodedPolicies: [:])
}
