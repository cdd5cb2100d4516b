// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Writes to tagging rules as a person asks for them: made at once, or held as a change request
/// when the tenant requires four eyes (``ChangeRequests/holdIfRequired(_:by:audit:)``). The API
/// and the console both write through here, so neither can skip the second person.
package struct TaggingRuleWrites: Sendable {
    let rules: TaggingRules
    let changes: ChangeRequests

    package init(rules: TaggingRules, changes: ChangeRequests) {
        self.rules = rules
        self.changes = changes
    }

    package func create(_ draft: TaggingRules.Draft, by principal: Principal, audit: AuditContext?) async throws -> WriteOutcome<TaggingRule> {
        let proposal = ChangeRequests.Proposal(subject: .taggingRule, operation: .create, document: try ChangeRequests.document(draft))
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: audit) { return .held(held) }
        return .made(
            try await rules.create(
                dataClass: draft.dataClass, minConfidence: draft.minConfidence, tag: draft.tag, in: principal.tenantID, audit: audit))
    }

    package func delete(_ id: String, by principal: Principal, audit: AuditContext?) async throws -> WriteOutcome<Void> {
        let proposal = ChangeRequests.Proposal(subject: .taggingRule, operation: .delete, objectID: id)
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: audit) { return .held(held) }
        try await rules.delete(id, in: principal.tenantID, audit: audit)
        return .made(())
    }
}
