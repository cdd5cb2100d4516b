// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/tagging-rules`: "class X with confidence ≥ c → tag T", applied after every scan of the tenant.
struct TaggingRulesController {
    let services: RampartServices

    struct Body: Decodable {
        var `class`: String?
        var minConfidence: Double?
        var tag: String?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/tagging-rules", .tenant(.discoveryWrite), create)
        api.add(.get, "/v1/tagging-rules", .tenant(.discoveryRead), list)
        api.add(.delete, "/v1/tagging-rules/{id}", .tenant(.discoveryWrite), delete)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(Body.self, from: request, limit: services.maximumBodySize)
        guard let dataClass = body.class else { throw RampartError.validation("is required", field: "class") }
        guard let tag = body.tag else { throw RampartError.validation("is required", field: "tag") }
        let minConfidence = body.minConfidence ?? 0.8
        guard minConfidence >= 0, minConfidence <= 1 else { throw RampartError.validation("must be from 0 to 1", field: "minConfidence") }
        let rule = TaggingRule(
            id: UUIDv7.generate(), tenantID: principal.tenantID, dataClass: try Self.className(dataClass),
            minConfidence: minConfidence, tag: try Datasources.token(tag, field: "tag", maximum: 128),
            createdAt: services.clock.now())
        AuditScope.current?.setEntity("tagging-rules", rule.id)
        try await services.store.write { tx in
            if try await tx.taggingRules(in: principal.tenantID).contains(where: { $0.dataClass == rule.dataClass && $0.tag == rule.tag }) {
                throw RampartError(.conflict, "a rule tagging `\(rule.dataClass)` as `\(rule.tag)` already exists", field: "tag")
            }
            try await tx.insertTaggingRule(rule)
        }
        return try JSONBody.response(TaggingRuleResponse(rule), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let rules = try await services.store.read { tx in try await tx.taggingRules(in: principal.tenantID) }
        return try JSONBody.response(["items": rules.map(TaggingRuleResponse.init)])
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        guard let id = context.parameters.get("id"), UUIDv7.isWellFormed(id) else { throw RampartError.notFound("tagging rule") }
        guard try await services.store.write({ tx in try await tx.deleteTaggingRule(id: id, in: principal.tenantID) }) else {
            throw RampartError.notFound("tagging rule")
        }
        return Response(status: .noContent)
    }

    /// A class id: upper-case ASCII letters, digits and `_`, as discovery reports them.
    static func className(_ value: String) throws -> String {
        let upper = value.uppercased()
        guard (1...64).contains(upper.utf8.count),
            upper.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
        else { throw RampartError.validation("must be 1-64 letters, digits or underscores (a class id like CREDIT_CARD)", field: "class") }
        return upper
    }
}
