// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore

/// Groups in the console (`groups:read`): a searchable list and each group's members; with
/// `groups:write`, creating a group and adding and removing members, through
/// ``GroupAdministration`` as `/v1/groups` does. Groups an identity provider manages through SCIM
/// are read-only here.
extension ConsoleController {
    struct NewGroupFields: ConsoleForm {
        var csrf: String?
        var name: String?
        var description: String?
    }

    struct MemberFields: ConsoleForm {
        var csrf: String?
        var username: String?
    }

    @Sendable func groupList(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .groupsRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        return try await groupListPage(signedIn, request: request)
    }

    @Sendable func createGroup(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(NewGroupFields.self, request, context: context, needs: .groupsWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        do {
            let group = try await GroupAdministration(services: services).create(
                name: fields.name ?? "", description: fields.description, in: signedIn.tenant.id, audit: context.audit)
            return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/groups/\(group.id.rawValue)?done=created")
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .conflict {
            return try await groupListPage(
                signedIn, request: request, error: error.message, status: error.code == .conflict ? .conflict : .unprocessableContent,
                typed: (fields.name ?? "", fields.description ?? ""))
        }
    }

    @Sendable func groupDetail(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .groupsRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let id = groupID(context) else { return notFound() }
        let notice = Self.notice(
            request, ["created": "The group was created.", "added": "The member was added.", "removed": "The member was removed."])
        let after = Self.uuidQuery("after", request)
        return try await groupPage(id, signedIn, after: after, notice: notice)
    }

    @Sendable func addGroupMember(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(MemberFields.self, request, context: context, needs: .groupsWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = groupID(context) else { return notFound() }
        let tenant = signedIn.tenant.id
        guard try await SCIMManaged.lookup(.group, id: id.rawValue, in: tenant, services: services) == nil else {
            return try await groupPage(id, signedIn, error: "This group is managed by your identity provider; change it there.", status: .conflict)
        }
        let username = (fields.username ?? "").trimmingCharacters(in: .whitespaces)
        let user: User
        do {
            user = try await UserAdministration(services: services).get(username: username, in: tenant)
        } catch let error as RampartError where error.code == .notFound {
            return try await groupPage(id, signedIn, error: "There is no user named \(username.prefix(200)).", status: .unprocessableContent)
        }
        do {
            _ = try await GroupAdministration(services: services).addMember(user.id, to: id, in: tenant, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/groups/\(id.rawValue)?done=added")
    }

    @Sendable func removeGroupMember(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .groupsWrite)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = groupID(context), let member = uuidParameter(context, named: "user") else { return notFound() }
        let tenant = signedIn.tenant.id
        guard try await SCIMManaged.lookup(.group, id: id.rawValue, in: tenant, services: services) == nil else {
            return try await groupPage(id, signedIn, error: "This group is managed by your identity provider; change it there.", status: .conflict)
        }
        do {
            try await GroupAdministration(services: services).removeMember(UserID(rawValue: member), from: id, in: tenant, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/groups/\(id.rawValue)?done=removed")
    }

    private func groupListPage(
        _ signedIn: SignedIn, request: Request, error: String? = nil, status: HTTPResponse.Status = .ok,
        typed: (name: String, description: String)? = nil
    ) async throws -> Response {
        let after = Self.uuidQuery("after", request)
        let search = request.uri.queryParameters["search"].map(String.init)
        do {
            let page = try await GroupAdministration(services: services).list(
                in: signedIn.tenant.id, search: search, page: PageRequest(limit: 50, after: after))
            return Self.page(ConsolePages.groups(signedIn.viewer, page, search: search, error: error, typed: typed), status: status)
        } catch let refusal as RampartError where refusal.code == .badRequest {
            return Self.page(
                ConsolePages.groups(signedIn.viewer, Page(items: [], nextCursor: nil), search: search, error: refusal.message), status: .badRequest)
        }
    }

    private func groupPage(
        _ id: GroupID, _ signedIn: SignedIn, after: String? = nil, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let groups = GroupAdministration(services: services)
        let tenant = signedIn.tenant.id
        do {
            let group = try await groups.get(id, in: tenant)
            let members = try await groups.members(of: id, in: tenant, page: PageRequest(limit: 50, after: after))
            let provisioning = try await SCIMManaged.lookup(.group, id: id.rawValue, in: tenant, services: services)
            return Self.page(
                ConsolePages.group(signedIn.viewer, group, members: members, provisioning: provisioning, notice: notice, error: error),
                status: status)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }

    /// The `{id}` path segment as a group id, or `nil` when it cannot be one.
    func groupID(_ context: RampartRequestContext) -> GroupID? {
        uuidParameter(context).map(GroupID.init(rawValue:))
    }
}
