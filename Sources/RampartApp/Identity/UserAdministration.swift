// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's users, as its tenant-admins manage them: create, read, change, disable, delete and
/// set passwords. Disabling a user or setting its password ends its sessions.
package struct UserAdministration: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// A user to create; `roles` defaults to `user`, and without a password the user signs in
    /// through single sign-on only.
    package struct NewUser: Sendable {
        package var username: String
        package var password: Secret<String>?
        package var displayName: String?
        package var email: String?
        package var roles: [String]?

        package init(username: String, password: Secret<String>?, displayName: String?, email: String?, roles: [String]?) {
            self.username = username
            self.password = password
            self.displayName = displayName
            self.email = email
            self.roles = roles
        }
    }

    /// Changes to a user; a `nil` field is left as it is.
    package struct Changes: Sendable {
        package var displayName: String?
        package var email: String?
        package var roles: [String]?
        package var status: User.Status?

        package init(displayName: String?, email: String?, roles: [String]?, status: User.Status?) {
            self.displayName = displayName
            self.email = email
            self.roles = roles
            self.status = status
        }
    }

    /// Built-in roles by name; an unknown name is a 422 naming `field` and listing the known ones.
    package static func roles(_ names: [String]?, field: String = "roles") throws -> Set<BuiltinRole>? {
        guard let names else { return nil }
        var roles = Set<BuiltinRole>()
        for name in names {
            guard let role = BuiltinRole(rawValue: name) else {
                let known = BuiltinRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw RampartError.validation("unknown role `\(name.prefix(64))`; roles are: \(known)", field: field)
            }
            roles.insert(role)
        }
        return roles
    }

    package func create(_ new: NewUser, in tenant: TenantID, audit: AuditContext?) async throws -> User {
        let username = try Validation.username(new.username)
        let displayName = try Validation.optionalText(new.displayName, field: "displayName", maximum: 200)
        let email = try Validation.email(new.email)
        let roles = try Self.roles(new.roles) ?? [.user]
        var passwordHash: String?
        if let password = new.password {
            try services.passwordPolicy.validate(password, username: username)
            passwordHash = try services.passwordHasher.hash(password)
        }
        let now = services.clock.now()
        let user = User(
            id: .generate(), tenantID: tenant, username: username, displayName: displayName, email: email, roles: roles, status: .active,
            passwordHash: passwordHash, createdAt: now, updatedAt: now)
        try await services.store.recording(audit).write { tx in
            if try await tx.user(username: username, in: tenant) != nil {
                throw RampartError(.conflict, "a user named `\(username)` already exists", field: "username")
            }
            try await tx.insertUser(user)
        }
        return user
    }

    /// A page of users in id order; with `search`, only those whose username starts with it
    /// (ignoring case). A search is bounded and checked first (``NameSearch``).
    package func list(in tenant: TenantID, search: String? = nil, page: PageRequest) async throws -> Page<User> {
        guard let prefix = try NameSearch.prefix(search) else {
            return try await services.store.read { try await $0.users(in: tenant, page: page) }
        }
        return try await services.store.read { try await $0.users(in: tenant, usernamePrefix: prefix, page: page) }
    }

    /// The user named `username` (exactly, as stored), or 404.
    package func get(username: String, in tenant: TenantID) async throws -> User {
        guard !username.isEmpty, username.utf8.count <= 256,
            let user = try await services.store.read({ try await $0.user(username: username, in: tenant) })
        else { throw RampartError.notFound("user") }
        return user
    }

    package func get(_ id: UserID, in tenant: TenantID) async throws -> User {
        guard let user = try await services.store.read({ try await $0.user(id, in: tenant) }) else { throw RampartError.notFound("user") }
        return user
    }

    /// Applies `changes`; `actor` (the caller, when a user) cannot disable itself or drop its own
    /// tenant-admin role, so a tenant never locks its last administrator out by accident.
    package func update(_ id: UserID, with changes: Changes, by actor: UserID?, in tenant: TenantID, audit: AuditContext?) async throws -> User {
        let displayName = try Validation.optionalText(changes.displayName, field: "displayName", maximum: 200)
        let email = try Validation.email(changes.email)
        let roles = try Self.roles(changes.roles)
        if id == actor, changes.status == .disabled || (roles.map { !$0.contains(.tenantAdmin) } ?? false) {
            throw RampartError(.conflict, "you cannot disable yourself or remove your own tenant-admin role")
        }
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard var user = try await tx.user(id, in: tenant) else { throw RampartError.notFound("user") }
            if changes.displayName != nil { user.displayName = displayName }
            if changes.email != nil { user.email = email }
            if let roles { user.roles = roles }
            if let status = changes.status { user.status = status }
            user.updatedAt = now
            try await tx.updateUser(user)
            if user.status == .disabled {
                _ = try await tx.deleteSessions(subjectID: user.id.rawValue, in: tenant)
            }
            return user
        }
    }

    package func delete(_ id: UserID, by actor: UserID?, in tenant: TenantID, audit: AuditContext?) async throws {
        if id == actor { throw RampartError(.conflict, "you cannot delete yourself") }
        guard try await services.store.recording(audit).write({ try await $0.deleteUser(id, in: tenant) }) else {
            throw RampartError.notFound("user")
        }
    }

    /// Sets the user's password (checked against the policy) and ends all its sessions.
    package func setPassword(_ password: Secret<String>, of id: UserID, in tenant: TenantID, audit: AuditContext?) async throws {
        let existing = try await get(id, in: tenant)
        try services.passwordPolicy.validate(password, username: existing.username)
        let hash = try services.passwordHasher.hash(password)
        let now = services.clock.now()
        try await services.store.recording(audit).write { tx in
            guard var user = try await tx.user(id, in: tenant) else { throw RampartError.notFound("user") }
            user.passwordHash = hash
            user.updatedAt = now
            try await tx.updateUser(user)
            _ = try await tx.deleteSessions(subjectID: id.rawValue, in: tenant)
        }
    }

    /// The groups the user belongs to.
    package func groups(of id: UserID, in tenant: TenantID) async throws -> [Group] {
        try await services.store.read { tx in
            guard try await tx.user(id, in: tenant) != nil else { throw RampartError.notFound("user") }
            return try await tx.groups(of: id, in: tenant)
        }
    }
}
