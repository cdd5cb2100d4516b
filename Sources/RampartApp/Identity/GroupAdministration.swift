// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's groups and their members. Group names are unique within the tenant; policies grant
/// to groups by name.
package struct GroupAdministration: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    package func create(name: String, description: String?, in tenant: TenantID, audit: AuditContext?) async throws -> Group {
        let name = try Validation.name(name, field: "name")
        let description = try Validation.optionalText(description, field: "description")
        let now = services.clock.now()
        let group = Group(id: .generate(), tenantID: tenant, name: name, description: description, createdAt: now, updatedAt: now)
        try await services.store.recording(audit).write { tx in
            if try await tx.group(name: name, in: tenant) != nil { throw Self.nameTaken(name) }
            try await tx.insertGroup(group)
        }
        return group
    }

    /// A page of groups in id order; with `search`, only those whose name starts with it
    /// (ignoring case).
    package func list(in tenant: TenantID, search: String? = nil, page: PageRequest) async throws -> Page<Group> {
        guard let prefix = try NameSearch.prefix(search) else {
            return try await services.store.read { try await $0.groups(in: tenant, page: page) }
        }
        return try await services.store.read { try await $0.groups(in: tenant, namePrefix: prefix, page: page) }
    }

    package func get(_ id: GroupID, in tenant: TenantID) async throws -> Group {
        guard let group = try await services.store.read({ try await $0.group(id, in: tenant) }) else { throw RampartError.notFound("group") }
        return group
    }

    /// Renames the group and/or changes its description; a `nil` field is left as it is.
    package func update(_ id: GroupID, name: String?, description: String?, in tenant: TenantID, audit: AuditContext?) async throws -> Group {
        let newName = try name.map { try Validation.name($0, field: "name") }
        let newDescription = try Validation.optionalText(description, field: "description")
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard var group = try await tx.group(id, in: tenant) else { throw RampartError.notFound("group") }
            if let newName, newName != group.name {
                if try await tx.group(name: newName, in: tenant) != nil { throw Self.nameTaken(newName) }
                group.name = newName
            }
            if description != nil { group.description = newDescription }
            group.updatedAt = now
            try await tx.updateGroup(group)
            return group
        }
    }

    package func delete(_ id: GroupID, in tenant: TenantID, audit: AuditContext?) async throws {
        guard try await services.store.recording(audit).write({ try await $0.deleteGroup(id, in: tenant) }) else {
            throw RampartError.notFound("group")
        }
    }

    package func members(of id: GroupID, in tenant: TenantID, page: PageRequest) async throws -> Page<User> {
        try await services.store.read { tx in
            guard try await tx.group(id, in: tenant) != nil else { throw RampartError.notFound("group") }
            return try await tx.members(of: id, in: tenant, page: page)
        }
    }

    /// Adds the user to the group; `false` when it already was a member.
    package func addMember(_ user: UserID, to id: GroupID, in tenant: TenantID, audit: AuditContext?) async throws -> Bool {
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard try await tx.group(id, in: tenant) != nil else { throw RampartError.notFound("group") }
            guard try await tx.user(user, in: tenant) != nil else { throw RampartError.notFound("user") }
            return try await tx.addMember(user, to: id, in: tenant, at: now)
        }
    }

    package func removeMember(_ user: UserID, from id: GroupID, in tenant: TenantID, audit: AuditContext?) async throws {
        let removed = try await services.store.recording(audit).write { tx in
            guard try await tx.group(id, in: tenant) != nil else { throw RampartError.notFound("group") }
            return try await tx.removeMember(user, from: id, in: tenant)
        }
        guard removed else { throw RampartError.notFound("membership") }
    }

    private static func nameTaken(_ name: String) -> RampartError {
        RampartError(.conflict, "a group named `\(name)` already exists", field: "name")
    }
}
