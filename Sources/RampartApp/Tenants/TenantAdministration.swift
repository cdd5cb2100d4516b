// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// Creating tenants and their first administrator: shared by the API and `rampart tenants create`.
package struct TenantAdministration: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    package struct InitialAdmin: Sendable {
        package var username: String
        package var password: Secret<String>?
        package var email: String?

        package init(username: String, password: Secret<String>?, email: String?) {
            self.username = username
            self.password = password
            self.email = email
        }
    }

    package struct Created: Sendable {
        package var tenant: Tenant
        package var admin: User?
        /// Set only when Rampart generated the admin's password; it is shown once and not kept.
        package var generatedPassword: Secret<String>?
    }

    /// Creates a tenant with its first data key and, optionally, a tenant-admin, in one transaction.
    package func create(slug: String, displayName: String, admin: InitialAdmin?, audit: AuditContext?) async throws -> Created {
        let slug = try Validation.slug(slug)
        let displayName = try Validation.name(displayName, field: "displayName")
        var adminUser: User?
        var generated: Secret<String>?
        let now = services.clock.now()
        let tenant = Tenant(id: .generate(), slug: slug, displayName: displayName, status: .active, createdAt: now, updatedAt: now)
        if let admin {
            let username = try Validation.username(admin.username, field: "admin.username")
            let email = try Validation.email(admin.email, field: "admin.email")
            let password: Secret<String>
            if let given = admin.password {
                try services.passwordPolicy.validate(given, username: username, field: "admin.password")
                password = given
            } else {
                password = Secret(RandomToken.generate(byteCount: 18))
                generated = password
            }
            adminUser = User(
                id: .generate(), tenantID: tenant.id, username: username, displayName: nil, email: email, roles: [.tenantAdmin],
                status: .active, passwordHash: try services.passwordHasher.hash(password), createdAt: now, updatedAt: now)
        }
        let keyring = services.keyring
        try await services.store.recording(audit).write { [adminUser] tx in
            if try await tx.tenant(slug: slug) != nil {
                throw RampartError(.conflict, "a tenant with slug `\(slug)` already exists", field: "slug")
            }
            try await tx.insertTenant(tenant)
            try await keyring.createFirstKey(for: tenant.id, in: tx, at: now)
            if let adminUser { try await tx.insertUser(adminUser) }
        }
        return Created(tenant: tenant, admin: adminUser, generatedPassword: generated)
    }

    /// Finds a tenant by id or slug.
    package func list(page: PageRequest) async throws -> Page<Tenant> {
        try await services.store.read { try await $0.tenants(page: page) }
    }

    /// Every tenant, page after page (for operator commands that act on all of them).
    package func all() async throws -> [Tenant] {
        var all: [Tenant] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let batch = try await list(page: page)
            all += batch.items
            guard let next = batch.nextCursor else { return all }
            page.after = next
        }
    }

    /// Maps (or, with `nil`, unmaps) the tenant's file datasources to a directory the operator
    /// checked; servers apply it at the next use.
    package func setDatasourceRoot(_ root: String?, forTenant slug: String, audit: AuditContext?) async throws {
        try await services.store.recording(audit).write { tx in
            guard let found = try await tx.tenant(slug: slug) else { throw RampartError.notFound("tenant `\(slug)`") }
            try await tx.setTenantDatasourceRoot(root, for: found.id)
        }
    }

    package func get(_ id: TenantID) async throws -> Tenant {
        guard let tenant = try await services.store.read({ try await $0.tenant(id: id) }) else { throw RampartError.notFound("tenant") }
        return tenant
    }

    package func find(_ idOrSlug: String) async throws -> Tenant {
        let found = try await services.store.read { tx -> Tenant? in
            if UUIDv7.isWellFormed(idOrSlug), let tenant = try await tx.tenant(id: TenantID(idOrSlug)) { return tenant }
            return try await tx.tenant(slug: idOrSlug)
        }
        guard let found else { throw RampartError.notFound("tenant `\(idOrSlug)`") }
        return found
    }

    /// Changes a tenant's status or name; suspending it also ends every session of its users.
    package func update(_ id: TenantID, status: Tenant.Status?, displayName: String? = nil, audit: AuditContext?) async throws -> Tenant {
        let displayName = try displayName.map { try Validation.name($0, field: "displayName") }
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard var tenant = try await tx.tenant(id: id) else { throw RampartError.notFound("tenant") }
            if let status { tenant.status = status }
            if let displayName { tenant.displayName = displayName }
            tenant.updatedAt = now
            try await tx.updateTenant(tenant)
            if status == .suspended {
                var page = PageRequest(limit: PageRequest.maximumLimit)
                while true {
                    let users = try await tx.users(in: id, page: page)
                    for user in users.items { _ = try await tx.deleteSessions(subjectID: user.id.rawValue, in: id) }
                    guard let next = users.nextCursor else { break }
                    page.after = next
                }
            }
            return tenant
        }
    }
}
