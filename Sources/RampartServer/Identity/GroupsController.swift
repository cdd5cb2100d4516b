// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/groups` and their members.
struct GroupsController {
    let services: RampartServices

    struct CreateRequest: Decodable {
        var name: String
        var description: String?
    }

    struct UpdateRequest: Decodable {
        var name: String?
        var description: String?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/groups", .tenant(.groupsWrite), create)
        api.add(.get, "/v1/groups", .tenant(.groupsRead), list)
        api.add(.get, "/v1/groups/{id}", .tenant(.groupsRead), get)
        api.add(.patch, "/v1/groups/{id}", .tenant(.groupsWrite), update)
        api.add(.delete, "/v1/groups/{id}", .tenant(.groupsWrite), delete)
        api.add(.get, "/v1/groups/{id}/members", .tenant(.groupsRead), listMembers)
        api.add(.put, "/v1/groups/{id}/members/{userId}", .tenant(.groupsWrite), addMember)
        api.add(.delete, "/v1/groups/{id}/members/{userId}", .tenant(.groupsWrite), removeMember)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let name = try Validation.name(body.name, field: "name")
        let description = try Validation.optionalText(body.description, field: "description")
        let now = services.clock.now()
        let group = Group(
            id: .generate(), tenantID: principal.tenantID, name: name, description: description, createdAt: now, updatedAt: now)
        try await services.store.write { tx in
            if try await tx.group(name: name, in: principal.tenantID) != nil {
                throw RampartError(.conflict, "a group named `\(name)` already exists", field: "name")
            }
            try await tx.insertGroup(group)
        }
        return try JSONBody.response(GroupResponse(group), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try context.page(request)
        let groups = try await services.store.read { try await $0.groups(in: principal.tenantID, page: page) }
        return try JSONBody.response(PageResponse(groups, GroupResponse.init))
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        guard let group = try await services.store.read({ try await $0.group(id, in: principal.tenantID) }) else {
            throw RampartError.notFound("group")
        }
        return try JSONBody.response(GroupResponse(group))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let body = try await JSONBody.decode(UpdateRequest.self, from: request, limit: services.maximumBodySize)
        let name = try body.name.map { try Validation.name($0, field: "name") }
        let description = try Validation.optionalText(body.description, field: "description")
        let now = services.clock.now()
        let group = try await services.store.write { tx in
            guard var group = try await tx.group(id, in: principal.tenantID) else { throw RampartError.notFound("group") }
            if let name, name != group.name {
                if try await tx.group(name: name, in: principal.tenantID) != nil {
                    throw RampartError(.conflict, "a group named `\(name)` already exists", field: "name")
                }
                group.name = name
            }
            if body.description != nil { group.description = description }
            group.updatedAt = now
            try await tx.updateGroup(group)
            return group
        }
        return try JSONBody.response(GroupResponse(group))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        guard try await services.store.write({ try await $0.deleteGroup(id, in: principal.tenantID) }) else {
            throw RampartError.notFound("group")
        }
        return Response(status: .noContent)
    }

    @Sendable func listMembers(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let page = try context.page(request)
        let members = try await services.store.read { tx in
            guard try await tx.group(id, in: principal.tenantID) != nil else { throw RampartError.notFound("group") }
            return try await tx.members(of: id, in: principal.tenantID, page: page)
        }
        return try JSONBody.response(PageResponse(members, UserResponse.init))
    }

    @Sendable func addMember(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let userID = try context.id("userId", as: UserID.self, what: "user")
        let now = services.clock.now()
        let added = try await services.store.write { tx in
            guard try await tx.group(id, in: principal.tenantID) != nil else { throw RampartError.notFound("group") }
            guard try await tx.user(userID, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
            return try await tx.addMember(userID, to: id, in: principal.tenantID, at: now)
        }
        return Response(status: added ? .created : .noContent)
    }

    @Sendable func removeMember(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let userID = try context.id("userId", as: UserID.self, what: "user")
        let removed = try await services.store.write { tx in
            guard try await tx.group(id, in: principal.tenantID) != nil else { throw RampartError.notFound("group") }
            return try await tx.removeMember(userID, from: id, in: principal.tenantID)
        }
        guard removed else { throw RampartError.notFound("membership") }
        return Response(status: .noContent)
    }
}
