// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/security`: a tenant's security events and alert rules, and `/v1/tenant/settings`.
struct SecurityController {
    let services: RampartServices
    /// Where the server may connect: webhook URLs are checked against its policy.
    let destinations: OutboundDestinations

    struct CreateRuleRequest: Decodable {
        var name: String
        /// A webhook, an e-mail recipient list, or both; at least one.
        var url: String?
        var emails: [String]?
        var kinds: [String]?
    }

    /// Recipients per rule: enough for a security team, too few for a mailing list.
    static let maximumRecipients = 20

    struct SettingsRequest: Decodable {
        var mfaRequired: Bool?
        /// A partial policy laid over the server's default; JSON `null` returns to the default.
        var loginThrottle: ThrottlePolicyDocument??

        enum CodingKeys: String, CodingKey { case mfaRequired, loginThrottle }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // `null` has no meaning for a yes/no setting: refused rather than read as "leave as is".
            if container.contains(.mfaRequired), try container.decodeNil(forKey: .mfaRequired) {
                throw RampartError.validation("must be true or false", field: "mfaRequired")
            }
            mfaRequired = try container.decodeIfPresent(Bool.self, forKey: .mfaRequired)
            if container.contains(.loginThrottle) {
                if try container.decodeNil(forKey: .loginThrottle) {
                    loginThrottle = .some(nil)
                } else {
                    loginThrottle = .some(try container.decode(ThrottlePolicyDocument.self, forKey: .loginThrottle))
                }
            }
        }
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/security/events", .tenant(.securityRead), listEvents)
        api.add(.post, "/v1/security/alert-rules", .tenant(.securityManage), createAlertRule)
        api.add(.get, "/v1/security/alert-rules", .tenant(.securityManage), listAlertRules)
        api.add(.get, "/v1/security/alert-rules/{id}", .tenant(.securityManage), getAlertRule)
        api.add(.delete, "/v1/security/alert-rules/{id}", .tenant(.securityManage), deleteAlertRule)
        api.add(.get, "/v1/tenant/settings", .tenant(.settingsManage), getSettings)
        api.add(.patch, "/v1/tenant/settings", .tenant(.settingsManage), updateSettings)
    }

    @Sendable func listEvents(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let parameters = request.uri.queryParameters
        var query = SecurityEventQuery()
        if let kind = parameters["kind"].map(String.init) {
            guard let known = SecurityEventKind(rawValue: kind) else {
                throw RampartError.validation(
                    "unknown event kind; kinds are: \(SecurityEventKind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
            }
            query.kind = known
        }
        query.since = try AuditController.time(parameters["since"].map(String.init), field: "since").map { $0 / 1000 }
        let limit = try AuditController.integer(parameters["limit"].map(String.init), field: "limit", range: 1...500) ?? 100
        if let cursor = parameters["cursor"].map(String.init) {
            guard UUIDv7.isWellFormed(cursor) else { throw RampartError(.badRequest, "`cursor` is not a valid cursor", field: "cursor") }
            query.before = cursor
        }
        query.limit = limit + 1
        let filter = query
        var events = try await services.store.read { try await $0.securityEvents(in: principal.tenantID, query: filter) }
        var next: String?
        if events.count > limit {
            events.removeLast(events.count - limit)
            next = events.last?.id
        }
        return try JSONBody.response(PageResponse(Page(items: events, nextCursor: next), SecurityEventResponse.init))
    }

    @Sendable func createAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(CreateRuleRequest.self, from: request, limit: services.maximumBodySize)
        let name = try Validation.optionalText(body.name, field: "name", maximum: 200) ?? ""
        guard !name.isEmpty else { throw RampartError.validation("must not be empty", field: "name") }
        let url = try body.url.map {
            try WebhookURL.validate($0, configuration: services.security.configuration.webhooks, policy: destinations.policy)
        }
        let emails = try recipients(body.emails)
        guard url != nil || !emails.isEmpty else {
            throw RampartError.validation("give a webhook `url`, e-mail recipients in `emails`, or both", field: "url")
        }
        var kinds = Set<SecurityEventKind>()
        for text in body.kinds ?? [] {
            guard let kind = SecurityEventKind(rawValue: text) else {
                throw RampartError.validation("unknown event kind `\(text.prefix(64))`", field: "kinds")
            }
            kinds.insert(kind)
        }
        let chosenKinds = kinds
        // Only a webhook has a signing secret; e-mail is authenticated by the operator's mail server.
        let secret = url == nil ? nil : Secret(RandomToken.generate())
        let now = services.clock.now()
        let keyring = services.keyring
        let id = UUIDv7.generate()
        let rule = try await services.store.write { tx -> AlertRule in
            var sealed: String?
            if let secret {
                sealed = try await keyring.encrypt(
                    Secret(Array(secret.exposedValue.utf8)), tenant: principal.tenantID, purpose: WebhookSignature.purpose(ruleID: id),
                    in: tx)
            }
            let rule = AlertRule(
                id: id, tenantID: principal.tenantID, name: name, kinds: chosenKinds, url: url, sealedSecret: sealed, emails: emails,
                createdAt: now)
            try await tx.insertAlertRule(rule)
            return rule
        }
        AuditScope.current?.setEntity("alert-rule", rule.id)
        return try JSONBody.response(
            AlertRuleResponse(rule, secret: secret), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func listAlertRules(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let rules = try await services.store.read { try await $0.alertRules(in: principal.tenantID) }
        return try JSONBody.response(PageResponse(Page(items: rules, nextCursor: nil)) { AlertRuleResponse($0) })
    }

    @Sendable func getAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id") else { throw RampartError.notFound("alert rule") }
        let found: (AlertRule, [AlertDelivery])? = try await services.store.read { tx in
            guard let rule = try await tx.alertRule(id: id, in: principal.tenantID) else { return nil }
            return (rule, try await tx.alertDeliveries(ruleID: id, in: principal.tenantID))
        }
        guard let (rule, deliveries) = found else { throw RampartError.notFound("alert rule") }
        return try JSONBody.response(AlertRuleResponse(rule, deliveries: deliveries))
    }

    @Sendable func deleteAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id") else { throw RampartError.notFound("alert rule") }
        guard try await services.store.write({ try await $0.deleteAlertRule(id: id, in: principal.tenantID) }) else {
            throw RampartError.notFound("alert rule")
        }
        return Response(status: .noContent)
    }

    @Sendable func getSettings(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let settings = try await services.store.read { try await $0.tenantSecuritySettings(principal.tenantID) }
        return try JSONBody.response(response(settings))
    }

    @Sendable func updateSettings(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(SettingsRequest.self, from: request, limit: services.maximumBodySize)
        guard body.mfaRequired != nil || body.loginThrottle != nil else {
            throw RampartError.validation("give `mfaRequired` or `loginThrottle`", field: "mfaRequired")
        }
        var throttleJSON: String??
        if let document = body.loginThrottle {
            if let document {
                let policy = document.applied(to: services.security.configuration.loginThrottle)
                do {
                    try policy.validate()
                } catch let error as RampartError {
                    throw RampartError(error.code, error.message, field: error.field.map { "loginThrottle.\($0)" })
                }
                throttleJSON = .some(try ThrottlePolicyDocument(policy).json())
            } else {
                throttleJSON = .some(nil)
            }
        }
        let now = services.clock.now()
        let update = throttleJSON
        let settings = try await services.store.write { tx -> TenantSecuritySettings in
            var settings = try await tx.tenantSecuritySettings(principal.tenantID) ?? TenantSecuritySettings(tenantID: principal.tenantID)
            if let required = body.mfaRequired { settings.mfaRequired = required }
            if let update { settings.loginThrottleJSON = update }
            settings.updatedAt = now
            try await tx.putTenantSecuritySettings(settings)
            return settings
        }
        return try JSONBody.response(response(settings))
    }

    /// Validated, de-duplicated recipients; refused when this server has no mail server, so a rule
    /// is never accepted that could not deliver.
    private func recipients(_ given: [String]?) throws -> [String] {
        guard let given, !given.isEmpty else { return [] }
        guard given.count <= Self.maximumRecipients else {
            throw RampartError.validation("at most \(Self.maximumRecipients) recipients", field: "emails")
        }
        var seen = Set<String>()
        var addresses: [String] = []
        for text in given {
            let address = try MailboxAddress.validate(text, field: "emails")
            if seen.insert(address.lowercased()).inserted { addresses.append(address) }
        }
        guard services.security.configuration.smtp != nil else {
            // The operator's configuration refuses it, not the request's shape.
            throw RampartError(
                .forbidden, "e-mail alerts are not available: this server has no SMTP server configured (rampart serve --smtp-url)",
                field: "emails")
        }
        return addresses
    }

    private func response(_ settings: TenantSecuritySettings?) -> TenantSettingsResponse {
        let base = services.security.configuration.loginThrottle
        return TenantSettingsResponse(
            mfaRequired: settings?.mfaRequired ?? false,
            loginThrottle: ThrottlePolicyDocument(ThrottlePolicyDocument.policy(stored: settings?.loginThrottleJSON, base: base)),
            loginThrottleCustomized: settings?.loginThrottleJSON != nil)
    }
}
