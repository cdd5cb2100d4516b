// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// One user in the console (`users:read`): what Rampart holds about them and their groups; with
/// `users:write`, an edit form (``UserAdministration/update(_:with:by:in:audit:)``, as
/// `PATCH /v1/users/{id}`) and a reset of their second factor (``MFAService/reset(user:in:audit:)``,
/// as `DELETE /v1/users/{id}/mfa`). Users an identity provider manages through SCIM are shown
/// read-only, since the provider would overwrite a change made here.
extension ConsoleController {
    struct UserFields: ConsoleForm {
        var csrf: String?
        var displayName: String?
        var email: String?
        var roles: [String]?
        var status: String?
    }

    @Sendable func userDetail(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .usersRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let id = userID(context) else { return notFound() }
        let notice = Self.notice(
            request, ["updated": "The changes were saved.", "mfa-reset": "The second factor was reset and every session of this user ended."])
        return try await userPage(id, signedIn, notice: notice)
    }

    @Sendable func updateUser(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(UserFields.self, request, context: context, needs: .usersWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = userID(context) else { return notFound() }
        let tenant = signedIn.tenant.id
        do {
            guard try await SCIMManaged.lookup(.user, id: id.rawValue, in: tenant, services: services) == nil else {
                return try await userPage(id, signedIn, error: "This user is managed by your identity provider; change it there.", status: .conflict)
            }
            let status = try fields.status.map { text -> User.Status in
                guard let status = User.Status(rawValue: text) else { throw RampartError.validation("unknown status", field: "status") }
                return status
            }
            _ = try await UserAdministration(services: services).update(
                id, with: .init(displayName: fields.displayName ?? "", email: fields.email ?? "", roles: fields.roles ?? [], status: status),
                by: signedIn.principal.userID, in: tenant, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .conflict {
            return try await userPage(
                id, signedIn, error: error.message, typed: fields, status: error.code == .conflict ? .conflict : .unprocessableContent)
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/users/\(id.rawValue)?done=updated")
    }

    @Sendable func resetUserMFA(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .usersWrite)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = userID(context) else { return notFound() }
        do {
            try await MFAService(services: services).reset(user: id, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        // Resetting one's own factor ends one's own sessions too, this one included.
        guard id != signedIn.principal.userID else {
            return signedOut(signedIn.tenant.slug)
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/users/\(id.rawValue)?done=mfa-reset")
    }

    /// The user's page; after a refused edit, `typed` is shown in the form instead of what is stored.
    private func userPage(
        _ id: UserID, _ signedIn: SignedIn, notice: String? = nil, error: String? = nil, typed: UserFields? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let users = UserAdministration(services: services)
        let tenant = signedIn.tenant.id
        var user: User
        do {
            user = try await users.get(id, in: tenant)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        if let typed {
            user.displayName = typed.displayName
            user.email = typed.email
            user.roles = Set((typed.roles ?? []).compactMap(BuiltinRole.init(rawValue:)))
            if let status = typed.status.flatMap(User.Status.init(rawValue:)) { user.status = status }
        }
        let groups = signedIn.viewer.permissions.contains(.groupsRead) ? try await users.groups(of: id, in: tenant) : nil
        let provisioning = try await SCIMManaged.lookup(.user, id: id.rawValue, in: tenant, services: services)
        return Self.page(
            ConsolePages.user(signedIn.viewer, user, groups: groups, provisioning: provisioning, notice: notice, error: error), status: status)
    }

    /// The `{id}` path segment as a user id, or `nil` when it cannot be one.
    func userID(_ context: RampartRequestContext) -> UserID? {
        uuidParameter(context).map(UserID.init(rawValue:))
    }
}
