// SPDX-License-Identifier: Apache-2.0

/// The kinds of Ranger objects a tenant administers.
package enum PolicyObjectKind: String, Sendable, CaseIterable {
    case serviceDef = "service-def"
    case service
    case policy
    case role
    case zone
    /// The `ServiceTags` document of a tag service, named after that service.
    case serviceTags = "service-tags"
}

/// One stored Ranger object: its Ranger JSON document plus the columns the store queries by.
///
/// `scope` is the namespace in which `name` is unique (a policy's service; empty for the other
/// kinds). `ref` names the object this one depends on, so that a referenced object cannot be
/// deleted from under it: a service's service definition, a policy's security zone; empty
/// otherwise.
package struct PolicyObject: Sendable, Equatable {
    package var kind: PolicyObjectKind
    package var id: Int64
    package var name: String
    package var scope: String
    package var ref: String
    package var document: String
    /// Bumped by every change of the object (for a service also by every change of its policies).
    package var version: Int64
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        kind: PolicyObjectKind, id: Int64, name: String, scope: String = "", ref: String = "", document: String, version: Int64,
        createdAt: Int64, updatedAt: Int64
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.scope = scope
        self.ref = ref
        self.document = document
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
