// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/security`: a tenant's security events and alert rules, and `/v1/tenant/settings`.
struct SecurityController {
    let services: RampartServices
    /// Where the server may connect: webhook URLs are checked against its policy.
    let destinations: OutboundDestinations
    private var events: SecurityEvents { SecurityEvents(services: services) }
    private var rules: AlertRules { AlertRules(services: services, destinations: destinations) }
    private var settings: TenantSecuritySettingsAdministration { TenantSecuritySettingsAdministration(services: services) }

    struct CreateRuleRequest: Decodable {
        var name: String
        /// A webhook, an e-mail recipient list, or both; at least one.
        var url: String?
        var emails: [String]?
        var kinds: [String]?
        var notifyParticipants: Bool?
    }

    struct SettingsRequest: Decodable {
        var mfaRequired: Bool?
        /// A partial policy laid over the server's default; JSON `null` returns to the default.
        var loginThrottle: ThrottlePolicyDocument??
        var changeApproval: Bool?
        /// Seconds; JSON `null` removes the cap.
        var accessRequestMaximumSeconds: Int??

        enum CodingKeys: String, CodingKey { case mfaRequired, loginThrottle, changeApproval, accessRequestMaximumSeconds }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // `null` has no meaning for a yes/no setting: refused rather than read as "leave as is".
            if container.contains(.mfaRequired), try container.decodeNil(forKey: .mfaRequired) {
                throw RampartError.validation("must be true or false", field: "mfaRequired")
            }
            mfaRequired = try container.decodeIfPresent(Bool.self, forKey: .mfaRequired)
            if container.contains(.changeApproval), try container.decodeNil(forKey: .changeApproval) {
                throw RampartError.validation("must be true or false", field: "changeApproval")
            }
            changeApproval = try container.decodeIfPresent(Bool.self, forKey: .changeApproval)
            if container.contains(.accessRequestMaximumSeconds) {
                accessRequestMaximumSeconds =
                    try container.decodeNil(forKey: .accessRequestMaximumSeconds)
                    ? .some(nil) : .some(try container.decode(Int.self, forKey: .accessRequestMaximumSeconds))
            }
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
        query.limit = limit
        return try JSONBody.response(PageResponse(try await events.list(query, in: principal.tenantID), SecurityEventResponse.init))
    }

    @Sendable func createAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(CreateRuleRequest.self, from: request, limit: services.maximumBodySize)
        let (rule, secret) = try await rules.create(
            .init(name: body.name, url: body.url, emails: body.emails, kinds: body.kinds, notifyParticipants: body.notifyParticipants),
            in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(AlertRuleResponse(rule, secret: secret), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func listAlertRules(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(
            PageResponse(Page(items: try await rules.list(in: principal.tenantID), nextCursor: nil)) { AlertRuleResponse($0) })
    }

    @Sendable func getAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id") else { throw RampartError.notFound("alert rule") }
        let (rule, deliveries) = try await rules.get(id, in: principal.tenantID)
        return try JSONBody.response(AlertRuleResponse(rule, deliveries: deliveries))
    }

    @Sendable func deleteAlertRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id") else { throw RampartError.notFound("alert rule") }
        try await rules.delete(id, in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    @Sendable func getSettings(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(Self.response(try await settings.get(in: principal.tenantID)))
    }

    @Sendable func updateSettings(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(SettingsRequest.self, from: request, limit: services.maximumBodySize)
        let updated = try await settings.update(
            mfaRequired: body.mfaRequired, loginThrottle: body.loginThrottle, changeApproval: body.changeApproval,
            accessRequestMaximumSeconds: body.accessRequestMaximumSeconds, in: principal.tenantID,
            audit: context.audit)
        return try JSONBody.response(Self.response(updated))
    }

    private static func response(_ settings: TenantSecuritySettingsAdministration.Effective) -> TenantSettingsResponse {
        TenantSettingsResponse(
            mfaRequired: settings.mfaRequired, loginThrottle: ThrottlePolicyDocument(settings.loginThrottle),
            loginThrottleCustomized: settings.loginThrottleCustomized, changeApproval: settings.changeApproval,
            accessRequestMaximumSeconds: settings.accessRequestMaximumSeconds)
    }
}
