// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore

/// The operator's console at `/console`: the operator signs in (password, then the second factor
/// when enrolled), lists the tenants, creates one with its first administrator (a generated
/// password shown once) and renames, suspends or reactivates one, through
/// ``TenantAdministration`` as `/v1/tenants` does.
///
/// The operator's session lives in a cookie of its own (`rampart_console_operator`), so a browser
/// signed in to a tenant's console and to the operator's does not mix the two, and no tenant page
/// accepts it (nor any operator page a tenant's).
extension ConsoleController {
    struct NewTenantFields: ConsoleForm {
        var csrf: String?
        var slug: String?
        var displayName: String?
        var adminUsername: String?
        var adminEmail: String?
    }

    struct TenantFields: ConsoleForm {
        var csrf: String?
        var displayName: String?
        var status: String?
    }

    /// The operator signed in, with the session token behind the cookie.
    struct OperatorVisit {
        var principal: Principal
        var formToken: String
    }

    /// A form post of the signed-in operator (its anti-forgery token checked), or the answer instead.
    typealias OperatorPost<Form> = FormPost<Form, OperatorVisit>

    // MARK: Sign-in

    @Sendable func operatorSignInPage(_ request: Request, context: RampartRequestContext) async throws -> Response {
        if try await operatorSignedIn(request, context: context) != nil { return Self.redirect(to: "/console") }
        return signInForm(request) { ConsolePages.operatorSignIn(formToken: $0) }
    }

    @Sendable func operatorSignIn(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await passwordStep(of: nil, request, context: context)
    }

    @Sendable func operatorSecondFactor(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try await secondFactorStep(of: nil, request, context: context)
    }

    @Sendable func operatorSignOut(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await operatorPosted(TokenForm.self, request, context: context)
        guard case .accepted(_, let visit) = post else { return post.answer }
        try await OwnAccount(services: services).logout(visit.principal, audit: context.audit)
        var response = Self.redirect(to: "/console/sign-in")
        response.setCookie(ConsoleCookies.expired(ConsoleCookies.operatorSession, secure: secure))
        return response
    }

    // MARK: Tenants

    @Sendable func operatorTenants(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let visit = try await operatorSignedIn(request, context: context) else { return Self.redirect(to: "/console/sign-in") }
        let notice = Self.notice(request, ["updated": "The tenant was saved."])
        return try await tenantsPage(visit, after: Self.uuidQuery("after", request), notice: notice)
    }

    @Sendable func operatorCreateTenant(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await operatorPosted(NewTenantFields.self, request, context: context)
        guard case .accepted(let fields, let visit) = post else { return post.answer }
        let adminName = (fields.adminUsername ?? "").trimmingCharacters(in: .whitespaces)
        let email = (fields.adminEmail ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let created = try await TenantAdministration(services: services).create(
                slug: fields.slug ?? "", displayName: fields.displayName ?? "",
                admin: adminName.isEmpty ? nil : .init(username: adminName, password: nil, email: email.isEmpty ? nil : email),
                audit: context.audit)
            return Self.page(ConsolePages.operatorTenantCreated(formToken: visit.formToken, created))
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .conflict {
            let typed = ConsolePages.NewTenantForm(
                slug: fields.slug ?? "", displayName: fields.displayName ?? "", adminUsername: adminName, adminEmail: email)
            return try await tenantsPage(
                visit, after: nil, error: Self.describe(error), typed: typed, status: error.code == .conflict ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func operatorTenant(_ request: Request, context: RampartRequestContext) async throws -> Response {
        guard let visit = try await operatorSignedIn(request, context: context) else { return Self.redirect(to: "/console/sign-in") }
        guard let id = uuidParameter(context) else { return notFound() }
        do {
            let tenant = try await TenantAdministration(services: services).get(TenantID(id))
            let notice = Self.notice(request, ["updated": "The tenant was saved."])
            return Self.page(ConsolePages.operatorTenant(formToken: visit.formToken, tenant, notice: notice))
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }

    @Sendable func operatorUpdateTenant(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await operatorPosted(TenantFields.self, request, context: context)
        guard case .accepted(let fields, let visit) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        let administration = TenantAdministration(services: services)
        do {
            let status = try fields.status.map { text -> Tenant.Status in
                guard let status = Tenant.Status(rawValue: text) else { throw RampartError.validation("unknown status", field: "status") }
                return status
            }
            _ = try await administration.update(TenantID(id), status: status, displayName: fields.displayName, audit: context.audit)
            return Self.redirect(to: "/console/tenants/\(id)?done=updated")
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where error.code.httpStatus == 422 {
            let tenant = try await administration.get(TenantID(id))
            return Self.page(
                ConsolePages.operatorTenant(formToken: visit.formToken, tenant, error: Self.describe(error), typedName: fields.displayName),
                status: .unprocessableContent)
        }
    }

    // MARK: Helpers

    private func tenantsPage(
        _ visit: OperatorVisit, after: String?, notice: String? = nil, error: String? = nil,
        typed: ConsolePages.NewTenantForm = ConsolePages.NewTenantForm(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = try await TenantAdministration(services: services).list(page: PageRequest(limit: 50, after: after))
        return Self.page(
            ConsolePages.operatorTenants(formToken: visit.formToken, page, notice: notice, error: error, typed: typed), status: status)
    }

    /// A form post of the signed-in operator, or the answer instead (the sign-in page, or the
    /// 403 page of a forged form). As with ``posted(_:_:context:needs:limit:)``, who is asking
    /// is settled before the body is read.
    private func operatorPosted<Form: ConsoleForm>(
        _ type: Form.Type, _ request: Request, context: RampartRequestContext
    ) async throws -> OperatorPost<Form> {
        guard let visit = try await operatorSignedIn(request, context: context) else { return .refused(Self.redirect(to: "/console/sign-in")) }
        let form = try await Self.form(type, request)
        guard ConsoleCookies.matches(form.csrf, visit.formToken) else { return .refused(forgedForm()) }
        return .accepted(form, visit)
    }

    /// The operator behind the operator cookie, or `nil`: a missing, ended or tenant session is no operator.
    private func operatorSignedIn(_ request: Request, context: RampartRequestContext) async throws -> OperatorVisit? {
        try await sessionPrincipal(ConsoleCookies.operatorSession, operator: true, request, context: context).map {
            OperatorVisit(principal: $0.principal, formToken: ConsoleCookies.formToken(forSession: $0.token))
        }
    }
}
