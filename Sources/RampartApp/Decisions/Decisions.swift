// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore
import RampartPolicy
import RampartStorage
import Tracing

/// The decision use case behind `/v1/authorize` and `/v1/authorize/batch`: answers access
/// questions from the tenant's published policy set, tells the security monitor about denials,
/// and makes every answer durable in the audit log before it is returned.
///
/// Decisions read the published snapshot (no database read and no lock held while evaluating)
/// and the users' groups from the ``DirectoryCache`` (one query for those it does not know); the
/// only other database work per call is the audit append, committed in groups.
package struct Decisions: Sendable {
    package let services: RampartServices
    package let cache: PolicySnapshotCache

    /// Questions in one batch call at most.
    package static let maximumBatch = 1000
    /// Questions per evaluation task of a batch.
    package static let evaluationSlice = 250

    package init(services: RampartServices, cache: PolicySnapshotCache) {
        self.services = services
        self.cache = cache
    }

    /// Answers one question and records it.
    package func authorize(_ question: DecisionQuestion, tenant: TenantID, audit: AuditContext?) async throws -> AccessDecision {
        // A span of its own (inside the request's when requests are traced): the service and
        // the answer only, never the user or the resource.
        let decision = try await withSpan("rampart.decision", ofKind: .internal) { span in
            guard let decision = try await decide([question], tenant: tenant, fieldPrefix: nil).first else {
                throw RampartError(.internalError, "no decision")
            }
            span.attributes["rampart.decision.service"] = question.service
            span.attributes["rampart.decision.allowed"] = decision.allowed
            return decision
        }
        try await services.security.noteDecision(allowed: decision.allowed, user: question.user, tenant: tenant, audit: audit)
        let call = DecisionAudit.Call(audit: audit, tenant: tenant, batchID: nil, now: services.clock.nowMicroseconds())
        try await services.auditWriter.append([Self.auditRecord(question, decision, call)], tenant: tenant)
        // The decision's record carries the request (actor, address, path, request id): it
        // records the request too, so no second record and commit follow.
        audit?.markRecorded()
        return decision
    }

    /// Answers 1 to ``maximumBatch`` questions, in order, with one audit record each (sharing a
    /// batch id), durable before the answer.
    ///
    /// - Throws: ``RampartError`` `validation-failed` naming `requests` for an empty or oversized batch.
    package func authorize(batch questions: [DecisionQuestion], tenant: TenantID, audit: AuditContext?) async throws -> [AccessDecision] {
        guard (1...Self.maximumBatch).contains(questions.count) else {
            throw RampartError.validation("a batch holds 1 to \(Self.maximumBatch) requests", field: "requests")
        }
        let result = try await withSpan("rampart.decisions", ofKind: .internal) { span in
            span.attributes["rampart.decisions.count"] = questions.count
            return try await decide(questions, tenant: tenant, fieldPrefix: "requests")
        }
        var denials: [String: Int] = [:]
        for (item, decision) in zip(questions, result) where !decision.allowed { denials[item.user, default: 0] += 1 }
        for (user, count) in denials {
            try await services.security.noteDenials(count, user: user, tenant: tenant, audit: audit)
        }
        let call = DecisionAudit.Call(audit: audit, tenant: tenant, batchID: UUIDv7.generate(), now: services.clock.nowMicroseconds())
        try await services.auditWriter.append(zip(questions, result).map { Self.auditRecord($0, $1, call) }, tenant: tenant)
        audit?.markRecorded()
        return result
    }

    /// Answers questions without recording them, for use cases whose own audit record states the
    /// decision with what it allowed (``DataProtection``).
    package func unrecordedAnswers(_ questions: [DecisionQuestion], tenant: TenantID) async throws -> [AccessDecision] {
        try await decide(questions, tenant: tenant, fieldPrefix: nil)
    }

    static func auditRecord(_ question: DecisionQuestion, _ decision: AccessDecision, _ call: DecisionAudit.Call) -> AuditRecord {
        DecisionAudit.record(
            call, user: question.user, service: question.service, resource: question.resource, accessType: question.accessType,
            allowed: decision.allowed, policyID: decision.policyId, policyVersion: decision.policyVersion)
    }

    /// For services whose identities come from Rampart (``DecisionIdentitySource``), users unknown
    /// to the tenant (or disabled) are denied, not errors, and groups are the stored memberships,
    /// read for the whole batch in one query; for `request` services the caller's word is taken.
    private func decide(_ questions: [DecisionQuestion], tenant: TenantID, fieldPrefix: String?) async throws -> [AccessDecision] {
        let set = try await cache.current(tenant)
        var targets: [ServicePolicies] = []
        targets.reserveCapacity(questions.count)
        for (index, question) in questions.enumerated() {
            guard !question.accessType.isEmpty, question.accessType.count <= 128 else {
                throw RampartError.validation(
                    "must be a non-empty access type", field: fieldPrefix.map { "\($0)[\(index)].accessType" } ?? "accessType")
            }
            guard let service = set.services[question.service] else {
                throw RampartError.notFound("service `\(question.service.prefix(64))`")
            }
            targets.append(service)
        }
        // Only services that take identities from Rampart need the stored memberships.
        var usernames: Set<String> = []
        for (index, (question, target)) in zip(questions, targets).enumerated() {
            let field = fieldPrefix.map { "\($0)[\(index)]." } ?? ""
            guard target.identitySource == .rampart else {
                try Self.checkUserAttributes(question.userAttributes, field: field + "userAttributes")
                continue
            }
            let claimed =
                question.groups != nil ? "groups" : question.roles != nil ? "roles" : question.userAttributes != nil ? "userAttributes" : nil
            if let claimed {
                throw RampartError.validation(
                    "service `\(question.service.prefix(64))` takes groups, roles and attributes from Rampart's directory; send none, or set its `\(DecisionIdentitySource.configKey)` to `request`",
                    field: field + claimed)
            }
            usernames.insert(question.user)
        }
        let memberships = try await activeGroups(of: usernames, in: tenant)
        // Validity windows are judged at the server's clock (injected in tests), not the host's.
        let now = Date(timeIntervalSince1970: Double(services.clock.now()) / 1000)
        guard questions.count >= 2 * Self.evaluationSlice else {
            return Self.evaluate(questions[...], targets: targets[...], memberships: memberships, at: now)
        }
        return await Self.evaluateInSlices(questions, targets: targets, memberships: memberships, at: now)
    }

    /// Bounds the attributes a trusted caller sends (they are copied into every expression
    /// that names them).
    static func checkUserAttributes(_ attributes: [String: String]?, field: String) throws {
        guard let attributes else { return }
        guard attributes.count <= DecisionQuestion.maximumUserAttributes else {
            throw RampartError.validation("at most \(DecisionQuestion.maximumUserAttributes) attributes", field: field)
        }
        for (name, value) in attributes {
            guard !name.isEmpty, name.count <= DecisionQuestion.maximumAttributeNameLength,
                value.count <= DecisionQuestion.maximumAttributeValueLength
            else {
                throw RampartError.validation(
                    "attribute names are 1-\(DecisionQuestion.maximumAttributeNameLength) characters, values at most \(DecisionQuestion.maximumAttributeValueLength)",
                    field: field)
            }
        }
    }

    /// The active users among `usernames` with their groups: from the ``DirectoryCache`` where it
    /// knows them, from one database read for the others (remembered for the next call).
    private func activeGroups(of usernames: Set<String>, in tenant: TenantID) async throws -> [String: [String]] {
        guard !usernames.isEmpty else { return [:] }
        let (known, ticket) = services.directory.groups(usernames, in: tenant)
        var memberships = known.compactMapValues { $0 }
        let missing = Array(usernames.filter { known[$0] == nil })
        guard !missing.isEmpty else { return memberships }
        let read = try await services.store.read { try await $0.activeUserGroups(usernames: missing, in: tenant) }
        services.directory.remember(groups: read, asked: missing, in: tenant, ticket: ticket)
        memberships.merge(read) { _, stored in stored }
        return memberships
    }

    /// A large batch is evaluated in slices on all cores: the snapshot is immutable and
    /// evaluation pure, and a batch's answer then waits for its longest slice, not their sum.
    static func evaluateInSlices(
        _ questions: [DecisionQuestion], targets: [ServicePolicies], memberships: [String: [String]], at now: Date
    ) async -> [AccessDecision] {
        await withTaskGroup(of: (Int, [AccessDecision]).self) { group in
            for start in stride(from: 0, to: questions.count, by: evaluationSlice) {
                let range = start..<min(start + evaluationSlice, questions.count)
                group.addTask { (start, evaluate(questions[range], targets: targets[range], memberships: memberships, at: now)) }
            }
            var slices: [(Int, [AccessDecision])] = []
            for await slice in group { slices.append(slice) }
            return slices.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    static func evaluate(
        _ questions: ArraySlice<DecisionQuestion>, targets: ArraySlice<ServicePolicies>, memberships: [String: [String]], at now: Date
    ) -> [AccessDecision] {
        var decisions: [AccessDecision] = []
        decisions.reserveCapacity(questions.count)
        for (question, target) in zip(questions, targets) {
            if target.identitySource == .request {
                decisions.append(evaluate(question, groups: [], on: target, at: now))
                continue
            }
            guard let stored = memberships[question.user] else {
                decisions.append(
                    AccessDecision(allowed: false, audited: true, policyId: nil, policyVersion: target.version, reason: "unknown user"))
                continue
            }
            decisions.append(evaluate(question, groups: stored, on: target, at: now))
        }
        return decisions
    }

    static func evaluate(_ question: DecisionQuestion, groups stored: [String], on target: ServicePolicies, at now: Date) -> AccessDecision {
        var request = AccessRequest(
            resource: AccessResource(question.resource), accessType: question.accessType, user: question.user,
            userGroups: Set(question.groups ?? stored), userRoles: question.roles.map(Set.init), context: question.context ?? [:])
        request.userAttributes = question.userAttributes ?? [:]
        request.accessTime = now
        return AccessDecision.evaluate(request, on: target)
    }
}
