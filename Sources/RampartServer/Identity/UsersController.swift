// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/users`: a tenant's users, managed by its tenant-admins.
struct UsersController {
    let services: RampartServices
    private var users: UserAdministration { UserAdministration(services: services) }

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
        let user = try await users.create(
            .init(username: body.username, password: body.password, displayName: body.displayName, email: body.email, roles: body.roles),
            in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(UserResponse(user), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            PageResponse(
                try await users.list(
                    in: principal.tenantID, search: request.uri.queryParameters["search"].map(String.init), page: try context.page(request)),
                UserResponse.init))
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        return try JSONBody.response(UserResponse(try await users.get(id, in: principal.tenantID)))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let body = try await JSONBody.decode(UpdateRequest.self, from: request, limit: services.maximumBodySize)
        let user = try await users.update(
            id, with: .init(displayName: body.displayName, email: body.email, roles: body.roles, status: body.status), by: principal.userID,
            in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(UserResponse(user))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await users.delete(
            try context.id("id", as: UserID.self, what: "user"), by: principal.userID, in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    @Sendable func setPassword(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: UserID.self, what: "user")
        let body = try await JSONBody.decode(SetPasswordRequest.self, from: request, limit: services.maximumBodySize)
        try await users.setPassword(body.password, of: id, in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    @Sendable func listGroups(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let groups = try await users.groups(of: try context.id("id", as: UserID.self, what: "user"), in: principal.tenantID)
        return try JSONBody.response(PageResponse(Page(items: groups, nextCursor: nil), GroupResponse.init))
    }
}
