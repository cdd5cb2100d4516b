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
        let limit = services.maximumBodySize
        let store = services.store

        api.add(.post, "/v1/groups", .tenant(.groupsWrite)) { request, context in
            let principal = try context.routePrincipal()
            let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: limit)
            let name = try Validation.name(body.name, field: "name")
            let description = try Validation.optionalText(body.description, field: "description")
            let now = services.clock.now()
            let group = Group(
                id: .generate(), tenantID: principal.tenantID, name: name, description: description, createdAt: now, updatedAt: now)
            try await store.write { tx in
                if try await tx.group(name: name, in: principal.tenantID) != nil {
                    throw RampartError(.conflict, "a group named `\(name)` already exists", field: "name")
                }
                try await tx.insertGroup(group)
            }
            return try JSONBody.response(GroupResponse(group), status: .created)
        }

        api.add(.get, "/v1/groups", .tenant(.groupsRead)) { request, context in
            let principal = try context.routePrincipal()
            let page = try context.page(request)
            let groups = try await store.read { try await $0.groups(in: principal.tenantID, page: page) }
            return try JSONBody.response(PageResponse(groups, GroupResponse.init))
        }

        api.add(.get, "/v1/groups/{id}", .tenant(.groupsRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.id("id", as: GroupID.self, what: "group")
            guard let group = try await store.read({ try await $0.group(id, in: principal.tenantID) }) else {
                throw RampartError.notFound("group")
            }
            return try JSONBody.response(GroupResponse(group))
        }

        api.add(.patch, "/v1/groups/{id}", .tenant(.groupsWrite)) { request, context in
            let principal = try context.routePrincipal()
            let id = try context.id("id", as: GroupID.self, what: "group")
            let body = try await JSONBody.decode(UpdateRequest.self, from: request, limit: limit)
            let name = try body.name.map { try Validation.name($0, field: "name") }
            let description = try Validation.optionalText(body.description, field: "description")
            let now = services.clock.now()
            let group = try await store.write { tx in
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

        api.add(.delete, "/v1/groups/{id}", .tenant(.groupsWrite)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.id("id", as: GroupID.self, what: "group")
            guard try await store.write({ try await $0.deleteGroup(id, in: principal.tenantID) }) else {
                throw RampartError.notFound("group")
            }
            return Response(status: .noContent)
        }

        api.add(.get, "/v1/groups/{id}/members", .tenant(.groupsRead)) { request, context in
            let principal = try context.routePrincipal()
            let id = try context.id("id", as: GroupID.self, what: "group")
            let page = try context.page(request)
            let members = try await store.read { tx in
                guard try await tx.group(id, in: principal.tenantID) != nil else { throw RampartError.notFound("group") }
                return try await tx.members(of: id, in: principal.tenantID, page: page)
            }
            return try JSONBody.response(PageResponse(members, UserResponse.init))
        }

        api.add(.put, "/v1/groups/{id}/members/{userId}", .tenant(.groupsWrite)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.id("id", as: GroupID.self, what: "group")
            let userID = try context.id("userId", as: UserID.self, what: "user")
            let now = services.clock.now()
            let added = try await store.write { tx in
                guard try await tx.group(id, in: principal.tenantID) != nil else { throw RampartError.notFound("group") }
                guard try await tx.user(userID, in: principal.tenantID) != nil else { throw RampartError.notFound("user") }
                return try await tx.addMember(userID, to: id, in: principal.tenantID, at: now)
            }
            return Response(status: added ? .created : .noContent)
        }

        api.add(.delete, "/v1/groups/{id}/members/{userId}", .tenant(.groupsWrite)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.id("id", as: GroupID.self, what: "group")
            let userID = try context.id("userId", as: UserID.self, what: "user")
            let removed = try await store.write { tx in
                guard try await tx.group(id, in: principal.tenantID) != nil else { throw RampartError.notFound("group") }
                return try await tx.removeMember(userID, from: id, in: principal.tenantID)
            }
            guard removed else { throw RampartError.notFound("membership") }
            return Response(status: .noContent)
        }
    }
}
