// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// API keys in the console (`api-keys:own`): the keys the viewer may see (their own, or all of
/// the tenant's with `api-keys:manage-all`), a form that mints one for the viewer with the secret
/// shown once, and revocation, through ``ApiKeyAdministration`` as `/v1/api-keys` does.
extension ConsoleController {
    struct NewApiKeyFields: ConsoleForm {
        var csrf: String?
        var name: String?
        var roles: [String]?
        var expiresInDays: String?
    }

    @Sendable func apiKeyList(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .apiKeysManageOwn)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { Self.isApiKeyID($0) ? $0 : nil }
        let notice = Self.notice(request, ["revoked": "The key was revoked."])
        return try await apiKeyPage(signedIn, after: after, notice: notice)
    }

    /// Mints a key for the viewer and shows its secret on this answer only (never stored, never
    /// in a link or a later page).
    @Sendable func createApiKey(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(NewApiKeyFields.self, request, context: context, needs: .apiKeysManageOwn)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        do {
            let days: Int?
            switch fields.expiresInDays.map({ $0.trimmingSpaces }) {
            case .none, "": days = nil
            case .some(let text):
                // Bounded by its digits before it is a number, then by the use case (1 to 3650).
                guard text.utf8.count <= 4, let value = Int(text) else {
                    throw RampartError.validation("must be a whole number of days from 1 to 3650", field: "expiresInDays")
                }
                days = value
            }
            let roles = fields.roles.flatMap { $0.isEmpty ? nil : $0 }
            let (key, secret) = try await ApiKeyAdministration(services: services).create(
                name: fields.name ?? "", roles: roles, expiresInDays: days, by: signedIn.principal, audit: context.audit)
            return Self.page(ConsolePages.newApiKey(signedIn.viewer, key, secret: secret))
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .forbidden || error.code == .conflict {
            let status: HTTPResponse.Status = error.code == .forbidden ? .forbidden : error.code == .conflict ? .conflict : .unprocessableContent
            let typed = ConsolePages.NewApiKeyForm(
                name: fields.name ?? "", roles: Set(fields.roles ?? []),
                expiresInDays: fields.expiresInDays ?? "")
            return try await apiKeyPage(signedIn, after: nil, error: error.message, typed: typed, status: status)
        }
    }

    @Sendable func revokeApiKey(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .apiKeysManageOwn)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = context.parameters.get("id"), Self.isApiKeyID(id) else { return notFound() }
        do {
            try await ApiKeyAdministration(services: services).revoke(id, by: signedIn.principal, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/api-keys?done=revoked")
    }

    private func apiKeyPage(
        _ signedIn: SignedIn, after: String?, notice: String? = nil, error: String? = nil,
        typed: ConsolePages.NewApiKeyForm = ConsolePages.NewApiKeyForm(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = try await ApiKeyAdministration(services: services).list(by: signedIn.principal, page: PageRequest(limit: 50, after: after))
        return Self.page(
            ConsolePages.apiKeys(
                signedIn.viewer, page, grantable: Self.grantableRoles(signedIn.principal), now: services.clock.now(), notice: notice, error: error,
                typed: typed),
            status: status)
    }

    /// The roles a key of `principal` may hold: those whose permissions are all the viewer's (as
    /// ``ApiKeyAdministration/create(name:roles:expiresInDays:decisionRateLimit:by:audit:)``
    /// checks), so a tenant admin may mint a narrower `auditor` key.
    static func grantableRoles(_ principal: Principal) -> Set<BuiltinRole> {
        let held = principal.roles.permissions
        return Set(BuiltinRole.allCases.filter { Set([$0]).permissions.isSubset(of: held) })
    }

    /// `rk_` and up to 61 URL-safe characters: anything else cannot be a key id.
    static func isApiKeyID(_ text: String) -> Bool {
        text.hasPrefix("rk_") && (4...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { $0 == 0x5F || $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }
}

extension String {
    /// Without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
