// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartSCIM
import RampartStorage

/// The SCIM 2.0 use cases of one tenant: listing, reading, creating, replacing, patching and
/// deleting users and groups, each in one store transaction (writes recorded in the request's
/// audit record).
///
/// The resources are the tenant's own users and groups seen through ``SCIMDirectory``.
package struct SCIMProvisioning: Sendable {
    package let store: any Store
    package let directory: SCIMDirectory

    package init(store: any Store, directory: SCIMDirectory) {
        self.store = store
        self.directory = directory
    }

    /// Every user and group, for a search at the base endpoint.
    package func everything() async throws -> (users: [SCIMDirectory.Resource], groups: [SCIMDirectory.Resource]) {
        let directory = directory
        return try await store.read { tx in
            (try await directory.users(matching: nil, tx), try await directory.groups(matching: nil, tx))
        }
    }

    /// The resources of `type` that `filter` admits (all without one).
    package func resources(_ type: SCIMResourceType, matching filter: SCIMFilter?) async throws -> [SCIMDirectory.Resource] {
        let directory = directory
        return try await store.read { tx in
            type == .user ? try await directory.users(matching: filter, tx) : try await directory.groups(matching: filter, tx)
        }
    }

    /// One resource, or nil when the tenant has none by that id.
    package func resource(_ type: SCIMResourceType, id: String) async throws -> SCIMDirectory.Resource? {
        let directory = directory
        return try await store.read { tx in
            type == .user ? try await directory.user(id, tx) : try await directory.group(id, tx)
        }
    }

    /// Creates a resource of `type` with the new id `id`.
    package func create(
        _ type: SCIMResourceType, id: String, _ attributes: SCIMObject, audit: AuditContext?
    ) async throws
        -> SCIMDirectory.Resource
    {
        let directory = directory
        return try await store.recording(audit).write { tx in
            type == .user
                ? try await directory.createUser(id: UserID(id), attributes, tx)
                : try await directory.createGroup(id: GroupID(id), attributes, tx)
        }
    }

    /// Replaces or patches a resource: `change` maps its current stored attributes to the new ones.
    package func update(
        _ type: SCIMResourceType, id: String, ifMatch: String?, audit: AuditContext?,
        change: @escaping @Sendable (SCIMObject) throws -> SCIMObject
    ) async throws -> SCIMDirectory.Resource {
        let directory = directory
        return try await store.recording(audit).write { tx in
            type == .user
                ? try await directory.updateUser(id, ifMatch: ifMatch, tx, change: change)
                : try await directory.updateGroup(id, ifMatch: ifMatch, tx, change: change)
        }
    }

    /// Deletes a resource.
    package func delete(_ type: SCIMResourceType, id: String, ifMatch: String?, audit: AuditContext?) async throws {
        let directory = directory
        try await store.recording(audit).write { tx in
            if type == .user {
                try await directory.deleteUser(id, ifMatch: ifMatch, tx)
            } else {
                try await directory.deleteGroup(id, ifMatch: ifMatch, tx)
            }
        }
    }
}
