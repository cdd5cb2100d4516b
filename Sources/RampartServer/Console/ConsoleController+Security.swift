// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore

/// Security in the console: the tenant's security events with a kind filter and older pages
/// (`security:read`), alert rules (`security:manage`: webhook, e-mail, participants; a webhook's
/// signing secret shown once) and the tenant's settings (`settings:manage`: second factor
/// required, four eyes, the longest access request, the login throttle as it applies). Through
/// ``SecurityEvents``, ``AlertRules`` and ``TenantSecuritySettingsAdministration``, as
/// `/v1/security/…` and `/v1/tenant/settings` do.
extension ConsoleController {
    struct AlertRuleFields: ConsoleForm {
        var csrf: String?
        var name: String?
        var url: String?
        var emails: String?
        var kinds: [String]?
        var notifyParticipants: String?
    }

    struct SettingsFields: ConsoleForm {
        var csrf: String?
        var mfaRequired: String?
        var changeApproval: String?
        var accessRequestMaximumMinutes: String?
        /// The value the page showed: left as it was, the stored cap is kept to the second.
        var accessRequestMaximumShown: String?
    }

    /// The throttle form: every ``ThrottleSetting`` by its name, or `reset` for the server's default.
    struct ThrottleFields: ConsoleForm {
        var csrf: String?
        var reset: String?
        var values: [String: String] = [:]

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            // Only the known names are read: a form cannot grow the dictionary with keys of its own.
            for name in ThrottleSetting.allCases.map(\.name) + ["csrf", "reset"] {
                values[name] = try? container.decodeIfPresent(String.self, forKey: Key(stringValue: name))
            }
            csrf = values.removeValue(forKey: "csrf")
            reset = values.removeValue(forKey: "reset")
        }
    }

    /// Saves the tenant's login throttle from the form (every number at once, checked by the
    /// policy's own rules), or goes back to the server's default; through
    /// ``TenantSecuritySettingsAdministration`` as `PATCH /v1/tenant/settings {"loginThrottle"}`.
    @Sendable func saveThrottle(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(ThrottleFields.self, request, context: context, needs: .settingsManage)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let administration = TenantSecuritySettingsAdministration(services: services)
        do {
            if fields.reset != nil {
                _ = try await administration.update(mfaRequired: nil, loginThrottle: .some(nil), in: signedIn.tenant.id, audit: context.audit)
            } else {
                var policy = try await administration.get(in: signedIn.tenant.id).loginThrottle
                for setting in ThrottleSetting.allCases {
                    guard let value = fields.values[setting.name].flatMap(setting.parse) else {
                        throw RampartError.validation(
                            setting.isDuration ? "must be seconds, with at most three decimals" : "must be a whole number",
                            field: "loginThrottle.\(setting.name)")
                    }
                    setting.set(value, in: &policy)
                }
                _ = try await administration.update(
                    mfaRequired: nil, loginThrottle: .some(ThrottlePolicyDocument(policy)), in: signedIn.tenant.id, audit: context.audit)
            }
        } catch let error as RampartError where error.code.httpStatus == 422 {
            let current = try await administration.get(in: signedIn.tenant.id)
            // The field as the form names it (its group and label), not as the API does.
            let setting = ThrottleSetting(errorField: error.field)
            let message = setting.map { "\($0.groupTitle), \($0.label): \(error.message)" }
            return Self.page(
                ConsolePages.settings(
                    signedIn.viewer, current, error: message ?? Self.describe(error), throttleTyped: fields.values, throttleInvalid: setting),
                status: .unprocessableContent)
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/settings?done=throttle-saved")
    }

    var alertRules: AlertRules { AlertRules(services: services, destinations: destinations) }

    @Sendable func security(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .securityRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let notice = Self.notice(request, ["rule-deleted": "The alert rule was deleted."])
        return try await securityPage(signedIn, request: request, notice: notice)
    }

    @Sendable func createAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(AlertRuleFields.self, request, context: context, needs: .securityManage)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let blank: (String?) -> String? = { value in value.flatMap { $0.isEmpty ? nil : $0 } }
        let emails = blank(fields.emails).map { text in
            text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" }).map(String.init)
        }
        let rule = AlertRules.NewRule(
            name: fields.name ?? "", url: blank(fields.url), emails: emails, kinds: fields.kinds,
            notifyParticipants: fields.notifyParticipants == "on")
        do {
            let (created, secret) = try await alertRules.create(rule, in: signedIn.tenant.id, audit: context.audit)
            return Self.page(ConsolePages.newAlertRule(signedIn.viewer, created, secret: secret))
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .forbidden {
            let typed = ConsolePages.AlertRuleForm(
                name: fields.name ?? "", url: fields.url ?? "", emails: fields.emails ?? "", kinds: Set(fields.kinds ?? []),
                notifyParticipants: fields.notifyParticipants == "on")
            return try await securityPage(
                signedIn, request: request, error: Self.describe(error), typed: typed,
                status: error.code == .forbidden ? .forbidden : .unprocessableContent)
        }
    }

    @Sendable func deleteAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .securityManage)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        do {
            try await alertRules.delete(id, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/security?done=rule-deleted")
    }

    @Sendable func settings(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .settingsManage)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let saved = Self.notice(request, ["saved": "The settings were saved.", "throttle-saved": "The login throttle was saved."])
        let current = try await TenantSecuritySettingsAdministration(services: services).get(in: signedIn.tenant.id)
        return Self.page(ConsolePages.settings(signedIn.viewer, current, notice: saved))
    }

    @Sendable func saveSettings(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(SettingsFields.self, request, context: context, needs: .settingsManage)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let administration = TenantSecuritySettingsAdministration(services: services)
        do {
            // Minutes in the form, seconds in the settings; bounded as text before it is a number.
            // Untouched, the cap is not sent: a cap of 90 s shown as 1 minute stays 90 s.
            var maximum: Int??
            let typed = fields.accessRequestMaximumMinutes?.trimmingCharacters(in: .whitespaces) ?? ""
            if typed == (fields.accessRequestMaximumShown ?? "") {
                maximum = nil
            } else if typed.isEmpty {
                maximum = .some(nil)
            } else {
                guard typed.utf8.count <= 6, let minutes = Int(typed), (1...129_600).contains(minutes) else {
                    throw RampartError.validation(
                        "must be a whole number of minutes from 1 to 129600 (90 days), or empty", field: "accessRequestMaximumMinutes")
                }
                maximum = .some(minutes * 60)
            }
            _ = try await administration.update(
                mfaRequired: fields.mfaRequired == "on", loginThrottle: nil, changeApproval: fields.changeApproval == "on",
                accessRequestMaximumSeconds: maximum, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where error.code.httpStatus == 422 {
            let current = try await administration.get(in: signedIn.tenant.id)
            return Self.page(ConsolePages.settings(signedIn.viewer, current, error: Self.describe(error)), status: .unprocessableContent)
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/settings?done=saved")
    }

    private func securityPage(
        _ signedIn: SignedIn, request: Request, notice: String? = nil, error: String? = nil, typed: ConsolePages.AlertRuleForm = .init(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var query = SecurityEventQuery(limit: 50)
        let kind = request.uri.queryParameters["kind"].map(String.init).flatMap(SecurityEventKind.init(rawValue:))
        query.kind = kind
        query.before = Self.uuidQuery("before", request)
        let events = try await SecurityEvents(services: services).list(query, in: signedIn.tenant.id)
        let rules = signedIn.viewer.permissions.contains(.securityManage) ? try await alertRules.list(in: signedIn.tenant.id) : nil
        return Self.page(
            ConsolePages.security(
                signedIn.viewer, events: events, kind: kind, rules: rules, mailConfigured: services.security.configuration.smtp != nil,
                notice: notice, error: error, typed: typed),
            status: status)
    }
}
