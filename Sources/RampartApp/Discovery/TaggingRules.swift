// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's tagging rules, "class X with confidence ≥ c → tag T", applied after every scan of
/// the tenant; the tags feed its tag policies.
package struct TaggingRules: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// What a rule request gives, every field optional so a missing one is named.
    package struct Draft: Codable, Sendable, Equatable {
        package var dataClass: String?
        package var minConfidence: Double?
        package var tag: String?

        enum CodingKeys: String, CodingKey {
            case dataClass = "class"
            case minConfidence, tag
        }

        package init(dataClass: String?, minConfidence: Double?, tag: String?) {
            self.dataClass = dataClass
            self.minConfidence = minConfidence
            self.tag = tag
        }
    }

    /// Creates a rule; `minConfidence` defaults to 0.8.
    package func create(
        dataClass: String?, minConfidence: Double?, tag: String?, in tenant: TenantID, audit: AuditContext?
    ) async throws -> TaggingRule {
        let rule = try validate(Draft(dataClass: dataClass, minConfidence: minConfidence, tag: tag), in: tenant)
        audit?.setEntity("tagging-rules", rule.id)
        try await services.store.recording(audit).write { tx in try await Self.insert(rule, tx) }
        return rule
    }

    /// The rule a draft makes, with a new id; the checks that need no store.
    package func validate(_ draft: Draft, in tenant: TenantID) throws -> TaggingRule {
        guard let dataClass = draft.dataClass else { throw RampartError.validation("is required", field: "class") }
        guard let tag = draft.tag else { throw RampartError.validation("is required", field: "tag") }
        let minConfidence = draft.minConfidence ?? 0.8
        guard minConfidence >= 0, minConfidence <= 1 else { throw RampartError.validation("must be from 0 to 1", field: "minConfidence") }
        return TaggingRule(
            id: UUIDv7.generate(), tenantID: tenant, dataClass: try Self.className(dataClass), minConfidence: minConfidence,
            tag: try Validation.token(tag, field: "tag", maximum: 128), createdAt: services.clock.now())
    }

    /// Stores a rule inside a write that is already open; a second rule for one class and tag is refused.
    package static func insert(_ rule: TaggingRule, _ tx: any StoreTransaction) async throws {
        if try await tx.taggingRules(in: rule.tenantID).contains(where: { $0.dataClass == rule.dataClass && $0.tag == rule.tag }) {
            throw RampartError(.conflict, "a rule tagging `\(rule.dataClass)` as `\(rule.tag)` already exists", field: "tag")
        }
        try await tx.insertTaggingRule(rule)
    }

    package func list(in tenant: TenantID) async throws -> [TaggingRule] {
        try await services.store.read { tx in try await tx.taggingRules(in: tenant) }
    }

    package func delete(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        guard UUIDv7.isWellFormed(id), try await services.store.recording(audit).write({ tx in try await tx.deleteTaggingRule(id: id, in: tenant) })
        else {
            throw RampartError.notFound("tagging rule")
        }
    }

    /// A class id: upper-case ASCII letters, digits and `_`, as discovery reports them.
    package static func className(_ value: String) throws -> String {
        let upper = value.uppercased()
        guard (1...64).contains(upper.utf8.count),
            upper.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
        else { throw RampartError.validation("must be 1-64 letters, digits or underscores (a class id like CREDIT_CARD)", field: "class") }
        return upper
    }
}
