// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartDiscovery
import RampartPolicy
import RampartStorage

/// A tenant's approval rules (`/v1/approval-rules`): which group approves access requests to a
/// service or part of it, how many approvals it takes, and the limits of what may be asked.
package struct ApprovalRules: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// The request body, every field optional so a missing one is named.
    package struct Draft: Codable, Sendable {
        package var service: String?
        package var resource: [String: String]?
        package var approverGroup: String?
        package var requiredApprovals: Int?
        package var denialThreshold: Int?
        package var maximumDurationSeconds: Int?
        package var timeoutSeconds: Int?
        package var justificationPattern: String?
        package var breakGlassMaximumSeconds: Int?
        package var escalationGroup: String?

        package init(
            service: String?, resource: [String: String]?, approverGroup: String?, requiredApprovals: Int?, denialThreshold: Int?,
            maximumDurationSeconds: Int?, timeoutSeconds: Int?, justificationPattern: String?, breakGlassMaximumSeconds: Int? = nil,
            escalationGroup: String? = nil
        ) {
            self.service = service
            self.resource = resource
            self.approverGroup = approverGroup
            self.requiredApprovals = requiredApprovals
            self.denialThreshold = denialThreshold
            self.maximumDurationSeconds = maximumDurationSeconds
            self.timeoutSeconds = timeoutSeconds
            self.justificationPattern = justificationPattern
            self.breakGlassMaximumSeconds = breakGlassMaximumSeconds
            self.escalationGroup = escalationGroup
        }
    }

    /// The longest access a rule may allow: 90 days.
    package static let durationRange = 60...7_776_000
    /// How long a request may wait: 1 minute to 30 days.
    package static let timeoutRange = 60...2_592_000
    package static let approvalsRange = 1...10
    /// Break-glass access is short: at most 4 hours.
    package static let breakGlassRange = 60...14_400
    package static let maximumRules = 500

    package func create(_ draft: Draft, in tenant: TenantID, audit: AuditContext?) async throws -> ApprovalRule {
        let rule = try validate(draft, in: tenant)
        audit?.setEntity("approval-rules", rule.id)
        try await services.store.recording(audit).write { tx in try await Self.insert(rule, tx) }
        return rule
    }

    /// The rule `draft` describes, checked field by field (not yet against the tenant's services
    /// and groups: see ``checkReferences(_:_:)``).
    package func validate(_ draft: Draft, in tenant: TenantID) throws -> ApprovalRule {
        guard let service = draft.service, !service.isEmpty else { throw RampartError.validation("is required", field: "service") }
        guard let group = draft.approverGroup, !group.isEmpty else { throw RampartError.validation("is required", field: "approverGroup") }
        let resource = draft.resource ?? [:]
        guard resource.count <= 8 else { throw RampartError.validation("names at most 8 resources", field: "resource") }
        for (name, pattern) in resource {
            guard (1...128).contains(name.utf8.count), (1...512).contains(pattern.utf8.count) else {
                throw RampartError.validation("resource names are 1-128 bytes and patterns 1-512", field: "resource.\(name.prefix(64))")
            }
        }
        let required = draft.requiredApprovals ?? 1
        guard Self.approvalsRange.contains(required) else {
            throw RampartError.validation("must be from 1 to \(Self.approvalsRange.upperBound)", field: "requiredApprovals")
        }
        let denials = draft.denialThreshold ?? 1
        guard Self.approvalsRange.contains(denials) else {
            throw RampartError.validation("must be from 1 to \(Self.approvalsRange.upperBound)", field: "denialThreshold")
        }
        let duration = draft.maximumDurationSeconds ?? 86_400
        guard Self.durationRange.contains(duration) else {
            throw RampartError.validation("must be from 60 to 7776000 seconds (90 days)", field: "maximumDurationSeconds")
        }
        let timeout = draft.timeoutSeconds ?? 259_200
        guard Self.timeoutRange.contains(timeout) else {
            throw RampartError.validation("must be from 60 to 2592000 seconds (30 days)", field: "timeoutSeconds")
        }
        if let pattern = draft.justificationPattern {
            do { _ = try SafePattern(pattern) } catch {
                throw RampartError.validation("is not a pattern of the safe dialect: \(error.message)", field: "justificationPattern")
            }
        }
        if let breakGlass = draft.breakGlassMaximumSeconds, !Self.breakGlassRange.contains(breakGlass) {
            throw RampartError.validation("must be from 60 to 14400 seconds (4 hours)", field: "breakGlassMaximumSeconds")
        }
        if let escalation = draft.escalationGroup, escalation.isEmpty || escalation == group {
            throw RampartError.validation("must name a group other than the approvers", field: "escalationGroup")
        }
        return ApprovalRule(
            id: UUIDv7.generate(), tenantID: tenant, service: service, resource: resource, approverGroup: group, requiredApprovals: required,
            denialThreshold: denials, maximumDurationSeconds: duration, timeoutSeconds: timeout, justificationPattern: draft.justificationPattern,
            breakGlassMaximumSeconds: draft.breakGlassMaximumSeconds, escalationGroup: draft.escalationGroup, createdAt: services.clock.now())
    }

    /// Checks what the rule names exists and the tenant's limits allow it: when it is written, and
    /// when a change request holding it is submitted.
    package static func checkReferences(_ rule: ApprovalRule, _ tx: any StoreTransaction) async throws {
        let tenant = rule.tenantID
        guard try await tx.policyObject(.service, name: rule.service, scope: "", in: tenant) != nil else {
            throw RampartError.validation("unknown service `\(rule.service.prefix(64))`", field: "service")
        }
        guard try await tx.group(name: rule.approverGroup, in: tenant) != nil else {
            throw RampartError.validation("unknown group `\(rule.approverGroup.prefix(64))`", field: "approverGroup")
        }
        if let escalation = rule.escalationGroup, try await tx.group(name: escalation, in: tenant) == nil {
            throw RampartError.validation("unknown group `\(escalation.prefix(64))`", field: "escalationGroup")
        }
        if let cap = try await tx.tenantSecuritySettings(tenant)?.accessRequestMaximumSeconds, rule.maximumDurationSeconds > cap {
            throw RampartError.validation("must be at most \(cap) seconds (the tenant's maximum)", field: "maximumDurationSeconds")
        }
        guard try await tx.approvalRules(in: tenant).count < Self.maximumRules else {
            throw RampartError(.conflict, "a tenant has at most \(Self.maximumRules) approval rules")
        }
    }

    /// Writes the rule in `tx` after ``checkReferences(_:_:)``.
    package static func insert(_ rule: ApprovalRule, _ tx: any StoreTransaction) async throws {
        try await checkReferences(rule, tx)
        try await tx.insertApprovalRule(rule)
    }

    /// The rule as the body that would make it (what a change request shows of it).
    package static func draft(of rule: ApprovalRule) -> Draft {
        Draft(
            service: rule.service, resource: rule.resource, approverGroup: rule.approverGroup, requiredApprovals: rule.requiredApprovals,
            denialThreshold: rule.denialThreshold, maximumDurationSeconds: rule.maximumDurationSeconds, timeoutSeconds: rule.timeoutSeconds,
            justificationPattern: rule.justificationPattern, breakGlassMaximumSeconds: rule.breakGlassMaximumSeconds,
            escalationGroup: rule.escalationGroup)
    }

    package func list(in tenant: TenantID) async throws -> [ApprovalRule] {
        try await services.store.read { try await $0.approvalRules(in: tenant) }
    }

    package func delete(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        audit?.setEntity("approval-rules", String(id.prefix(64)))
        guard UUIDv7.isWellFormed(id), try await services.store.recording(audit).write({ try await $0.deleteApprovalRule(id: id, in: tenant) })
        else { throw RampartError.notFound("approval rule") }
    }

    /// The rule covering `resource` of `service`: of those whose every resource pattern matches,
    /// the one naming the most resources (the oldest on a tie).
    static func covering(_ service: String, _ resource: [String: String], among rules: [ApprovalRule]) -> ApprovalRule? {
        rules.filter { rule in
            rule.service == service
                && rule.resource.allSatisfy { name, pattern in resource[name].map { Wildcard.match($0, pattern) } ?? false }
        }
        .max { ($0.resource.count, $1.createdAt, $1.id) < ($1.resource.count, $0.createdAt, $0.id) }
    }
}
