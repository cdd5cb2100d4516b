// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/users`: a tenant's users, managed by its tenant-admins.
struct UsersController {
    let services: RampartServices

    struct CreateRequest: Decodable {
        var username: String
        var password: Secret<String>?
        var displayName: String?
        var email: String?
        var roles: [String]?
    }

    struct UpdateRequest: Decodable {
        var displayName: String?
        var email: String?
        var roles: [String]?
        var status: User.Status?
    }

    struct SetPasswordRequest: Decodable {
        var password: Secret<String>
    }

    static func roles(_ names: [String]?, field: String = "roles") throws -> Set<BuiltinRole>? {
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

    func register(on api: APIRouter) {
        api.add(.post, "/v1/users", .tenant(.usersWrite), create)
        api.add(.get, "/v1/users", .tenant(.usersRead), list)
        api.add(.get, "/v1/users/{id}", .tenant(.usersRead), get)
        api.add(.patch, "/v1/users/{id}", .tenant(.usersWrite), update)
        api.add(.delete, "/v1/users/{id}", .tenant(.usersWrite), delete)
        api.add(.put, "/v1/users/{id}/password", .tenant(.usersWrite), setPassword)
        api.add(.get, "/v1/users/{id}/groups", .tenant(.usersRead), listGroups)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let username = try Validation.username(body.username)
        let displayName = try Validation.optionalText(body.displayName, field: "displayName", maximum: 200)
        let email = try Validation.email(body.email)
        let roles = try Self.roles(body.roles) ?? [.user]
        var passwordHash: String?
        if let password = body.password {
            try services.passwordPolicy.validate(password, username: username)
            passwordHash = try services.passwordHasher.hash(password)
        }
        let now = services.clock.now()
        let user = User(
            id: .generate(), tenantID: principal.tenantID, username: username, displayName: displayName, email: email,
            roles: roles, status: .active, passwordHash: passwordHash, createdAt: now, updatedAt: now)
        try await services.store.write { tx in
            if try await tx.user(username: username, in: principal.tenantID) != nil {
                throw RampartError(.conflict, "a user named `\(username)` already exists", field: "username")
            }
            try await tx.insertUser(user)
        }
        return try JSONBody.response(UserResponse(user), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try context.page(request)
        let users = try await services.store.read { try await $0.users(in: principal.tenantID, page: page) }
        return try JSONBody.response(PageResponse(users, UserResponse.init))
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        guard let user = try await services.store.read({ try await $0.user(id, in: principal.tenantID) }) else {
            throw RampartError.notFound("user")
        }
        return try JSONBody.response(UserResponse(user))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let body = try await JSONBody.decode(UpdateRequest.self, from: request, limit: services.maximumBodySize)
        let displayName = try Validation.optionalText(body.displayName, field: "displayName", maximum: 200)
        let email = try Validation.email(body.email)
        let roles = try Self.roles(body.roles)
        if id == principal.userID, body.status == .disabled || (roles.map { !$0.contains(.tenantAdmin) } ?? false) {
            throw RampartError(.conflict, "you cannot disable yourself or remove your own tenant-admin role")
        }
        let now = services.clock.now()
        let user = try await services.store.write { tx in
            guard var user = try await tx.user(id, in: principal.tenantID) else { throw RampartError.notFound("user") }
            if body.displayName != nil { user.displayName = displayName }
            if body.email != nil { user.email = email }
            if let roles { user.roles = roles }
            if let status = body.status { user.status = status }
            user.updatedAt = now
            try await tx.updateUser(user)
            if user.status == .disabled {
                _ = try await tx.deleteSessions(subjectID: user.id.rawValue, in: principal.tenantID)
            }
            return user
        }
        return try JSONBody.response(UserResponse(user))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        if id == principal.userID { throw RampartError(.conflict, "you cannot delete yourself") }
        guard try await services.store.write({ try await $0.deleteUser(id, in: principal.tenantID) }) else {
            throw RampartError.notFound("user")
        }
        return Response(status: .noContent)
    }

    @Sendable func setPassword(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let body = try await JSONBody.decode(SetPasswordRequest.self, from: request, limit: services.maximumBodySize)
        guard let existing = try await services.store.read({ try await $0.user(id, in: principal.tenantID) }) else {
            throw RampartError.notFound("user")
        }
        try services.passwordPolicy.validate(body.password, username: existing.username)
        let hash = try services.passwordHasher.hash(body.password)
        let now = services.clock.now()
        try await services.store.write { tx in
            guard var user = try await tx.user(id, in: principal.tenantID) else { throw RampartError.notFound("user") }
            user.passwordHash = hash
            user.updatedAt = now
            try await tx.updateUser(user)
            _ = try await tx.deleteSessions(subjectID: id.rawValue, in: principal.tenantID)
        }
        return Response(status: .noContent)
    }

    @Sendable func listGroups(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let groups: [Group] = try await services.store.read { tx in
            guard try await tx.user(id, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
            return try await tx.groups(of: id, in: principal.tenantID)
        }
        return try JSONBody.response(PageResponse(Page(items: groups, nextCursor: nil), GroupResponse.init))
    }
}
