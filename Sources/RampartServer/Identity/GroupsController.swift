// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/groups` and their members.
struct GroupsController {
    let services: RampartServices
    private var groups: GroupAdministration { GroupAdministration(services: services) }

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
        let group = try await groups.create(name: body.name, description: body.description, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(GroupResponse(group), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            PageResponse(
                try await groups.list(
                    in: principal.tenantID, search: request.uri.queryParameters["search"].map(String.init), page: try context.page(request)),
                GroupResponse.init))
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            GroupResponse(try await groups.get(try context.id("id", as: GroupID.self, what: "group"), in: principal.tenantID)))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let body = try await JSONBody.decode(UpdateRequest.self, from: request, limit: services.maximumBodySize)
        let group = try await groups.update(id, name: body.name, description: body.description, in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(GroupResponse(group))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await groups.delete(try context.id("id", as: GroupID.self, what: "group"), in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    @Sendable func listMembers(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let members = try await groups.members(of: id, in: principal.tenantID, page: try context.page(request))
        return try JSONBody.response(PageResponse(members, UserResponse.init))
    }

    @Sendable func addMember(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let userID = try context.id("userId", as: UserID.self, what: "user")
        let added = try await groups.addMember(userID, to: id, in: principal.tenantID, audit: context.audit)
        return Response(status: added ? .created : .noContent)
    }

    @Sendable func removeMember(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.id("id", as: GroupID.self, what: "group")
        let userID = try context.id("userId", as: UserID.self, what: "user")
        try await groups.removeMember(userID, from: id, in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
