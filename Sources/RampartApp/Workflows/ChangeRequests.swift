// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartPolicy
import RampartStorage

/// Four-eyes changes (`/v1/change-requests`): with the tenant's `changeApproval` setting on, a
/// write to a service definition, service, policy, role, zone or tagging rule is not made but held
/// as a change request with the exact document; a different person with `changes:approve` (the
/// `change-approver` role) applies or rejects it.
///
/// A change applies at the version it was made against or not at all: when the object moved on
/// (or a creation's name was taken) it becomes `stale` and the apply answers 409. Applying is one
/// policy write that makes the change and marks the request, so nothing is half-applied, and the
/// request's audit record rides in that transaction. A tenant-admin (`changes:emergency`) may
/// apply a pending change at once without a second person; it is flagged and, unreviewed after
/// 24 hours, raises `change.emergency_unreviewed`.
package struct ChangeRequests: Sendable {
    package let services: RampartServices
    package let administration: PolicyAdministration

    package init(services: RampartServices, administration: PolicyAdministration) {
        self.services = services
        self.administration = administration
    }

    /// A write as a route received it.
    package struct Proposal: Sendable {
        package var subject: ChangeRequest.Subject
        package var operation: ChangeRequest.Operation
        /// The object replaced or deleted.
        package var objectID: String?
        /// The document created or replacing.
        package var document: JSONValue?
        /// The `If-Match` the write came with, checked when the change is made.
        package var precondition: VersionPrecondition?

        package init(
            subject: ChangeRequest.Subject, operation: ChangeRequest.Operation, objectID: String? = nil, document: JSONValue? = nil,
            precondition: VersionPrecondition? = nil
        ) {
            self.subject = subject
            self.operation = operation
            self.objectID = objectID
            self.document = document
            self.precondition = precondition
        }
    }

    /// How long an emergency change may go unreviewed: 24 hours, in milliseconds.
    package static let reviewWindow: Int64 = 86_400_000

    // MARK: Holding

    /// Holds `proposal` as a change request when the tenant requires four eyes; `nil` when it does
    /// not, and the caller makes the write itself.
    ///
    /// The document is validated now, so a bad one is refused (422 naming the field) when it is
    /// written, not when someone approves it.
    package func holdIfRequired(_ proposal: Proposal, by principal: Principal, audit: AuditContext?) async throws -> ChangeRequest? {
        let tenant = principal.tenantID
        guard try await isRequired(in: tenant) else { return nil }
        let held = try await prepare(proposal, tenant: tenant)
        let change = ChangeRequest(
            id: UUIDv7.generate(), tenantID: tenant, author: principal.username, subject: proposal.subject, operation: proposal.operation,
            objectID: held.objectID, baseVersion: held.baseVersion, before: held.before, after: held.after, comment: nil,
            createdAt: services.clock.now(), authorID: principal.userID?.rawValue)
        audit?.setEntity("change-requests", change.id)
        try await services.store.recording(audit).write { try await $0.insertChangeRequest(change) }
        try await services.security.raise(
            .changeRequested, tenant: tenant,
            details: ["change": change.id, "author": change.author, "subject": change.subject.rawValue, "operation": change.operation.rawValue],
            audit: audit)
        return change
    }

    /// Refuses (409) a write that cannot be held as one change request while the tenant
    /// requires four eyes; `what` says what it is.
    package func refuseWhenRequired(_ what: String, in tenant: TenantID) async throws {
        guard try await isRequired(in: tenant) else { return }
        throw RampartError(.conflict, "\(what); while the tenant requires four eyes (changeApproval), make the changes one by one")
    }

    private func isRequired(in tenant: TenantID) async throws -> Bool {
        try await services.store.read { try await $0.tenantSecuritySettings(tenant)?.changeApproval ?? false }
    }

    /// What a change request keeps of a proposal: the object, its version and document now, and the new document.
    private struct Held {
        var objectID: String?
        var baseVersion: Int64?
        var before: String?
        var after: String?
    }

    private func prepare(_ proposal: Proposal, tenant: TenantID) async throws -> Held {
        switch proposal.subject {
        case .serviceDef: try await prepare(ServiceDefKind.self, proposal, tenant: tenant)
        case .service: try await prepare(ServiceKind.self, proposal, tenant: tenant)
        case .policy: try await prepare(PolicyKind.self, proposal, tenant: tenant)
        case .role: try await prepare(PolicyRoleKind.self, proposal, tenant: tenant)
        case .zone: try await prepare(SecurityZoneKind.self, proposal, tenant: tenant)
        case .taggingRule: try await prepareTaggingRule(proposal, tenant: tenant)
        case .approvalRule: try await prepareApprovalRule(proposal, tenant: tenant)
        }
    }

    private func prepare<Kind: RangerObjectKind>(_ kind: Kind.Type, _ proposal: Proposal, tenant: TenantID) async throws -> Held {
        let objects = PolicyObjects<Kind>(administration: administration)
        switch proposal.operation {
        case .create:
            let document = try Self.document(of: proposal)
            _ = try await Kind.validate(document, replacing: nil, tenant: tenant, store: services.store)
            return Held(after: try RangerJSON.document(document))
        case .replace, .delete:
            guard let raw = proposal.objectID, let id = Int64(raw) else { throw RampartError.notFound(Kind.noun) }
            let current = try await objects.get(id, in: tenant)
            try proposal.precondition?.check(current: current.version)
            var held = Held(objectID: raw, baseVersion: current.version, before: current.document)
            if proposal.operation == .replace {
                let document = try Self.document(of: proposal)
                _ = try await Kind.validate(document, replacing: current, tenant: tenant, store: services.store)
                held.after = try RangerJSON.document(document)
            }
            return held
        }
    }

    private func prepareTaggingRule(_ proposal: Proposal, tenant: TenantID) async throws -> Held {
        let rules = TaggingRules(services: services)
        switch proposal.operation {
        case .create:
            let draft = try Self.draft(try RangerJSON.document(try Self.document(of: proposal)))
            let rule = try rules.validate(draft, in: tenant)
            return Held(after: try Self.text(TaggingRules.Draft(dataClass: rule.dataClass, minConfidence: rule.minConfidence, tag: rule.tag)))
        case .delete:
            guard let id = proposal.objectID, let rule = try await rules.list(in: tenant).first(where: { $0.id == id }) else {
                throw RampartError.notFound("tagging rule")
            }
            return Held(
                objectID: id, before: try Self.text(TaggingRules.Draft(dataClass: rule.dataClass, minConfidence: rule.minConfidence, tag: rule.tag)))
        case .replace:
            throw RampartError(.badRequest, "tagging rules are created and deleted, not replaced")
        }
    }

    private func prepareApprovalRule(_ proposal: Proposal, tenant: TenantID) async throws -> Held {
        let rules = ApprovalRules(services: services)
        switch proposal.operation {
        case .create:
            let draft = try Self.decoded(ApprovalRules.Draft.self, try RangerJSON.document(try Self.document(of: proposal)), field: "service")
            let rule = try rules.validate(draft, in: tenant)
            try await services.store.read { tx in try await ApprovalRules.checkReferences(rule, tx) }
            return Held(after: try Self.text(ApprovalRules.draft(of: rule)))
        case .delete:
            guard let id = proposal.objectID, let rule = try await rules.list(in: tenant).first(where: { $0.id == id }) else {
                throw RampartError.notFound("approval rule")
            }
            return Held(objectID: id, before: try Self.text(ApprovalRules.draft(of: rule)))
        case .replace:
            throw RampartError(.badRequest, "approval rules are created and deleted, not replaced")
        }
    }

    // MARK: Deciding

    /// Applies a pending change: by a person with `changes:approve` who did not make it, or, with
    /// `emergency`, by a tenant-admin (`changes:emergency`), who may have made it.
    ///
    /// - Throws: `forbidden` for the author without `emergency` and for anyone without the
    ///   permission; `conflict` when the change is not pending, or is found stale (it is then
    ///   marked `stale`); a validation error when the document no longer validates (a service it
    ///   names was deleted), the change staying pending.
    package func apply(_ id: String, comment: String?, emergency: Bool, by principal: Principal, audit: AuditContext?) async throws -> ChangeRequest {
        let tenant = principal.tenantID
        let comment = try Validation.optionalText(comment, field: "comment")
        let change = try await get(id, in: tenant)
        if emergency {
            guard principal.has(.changesEmergency) else { throw RampartError(.forbidden, "only a tenant-admin applies a change as an emergency") }
            guard let comment, !comment.isEmpty else {
                throw RampartError.validation("an emergency change needs a comment saying why", field: "comment")
            }
        } else {
            try Self.checkSecondPerson(principal, on: change)
        }
        guard change.state == .pending else { throw RampartError(.conflict, "the change is \(change.state.rawValue), not pending") }
        audit?.setEntity("change-requests", id)
        let decided = try await decide(change, comment: comment, emergency: emergency, by: principal, audit: audit)
        try await services.security.raise(
            emergency && decided.state == .applied ? .changeEmergency : .changeDecided, tenant: tenant,
            details: ["change": decided.id, "author": decided.author, "state": decided.state.rawValue], audit: audit)
        guard decided.state == .applied else {
            throw RampartError(
                .conflict, "the \(decided.subject.rawValue) changed after this change was made; the change is stale and was not applied")
        }
        return decided
    }

    /// Rejects a pending change: a person with `changes:approve` who did not make it.
    package func reject(_ id: String, comment: String?, by principal: Principal, audit: AuditContext?) async throws -> ChangeRequest {
        let tenant = principal.tenantID
        let comment = try Validation.optionalText(comment, field: "comment")
        try Self.checkSecondPerson(principal, on: try await get(id, in: tenant))
        let decided = try await close(id, to: .rejected, comment: comment, by: principal, audit: audit)
        try await services.security.raise(
            .changeDecided, tenant: tenant, details: ["change": decided.id, "author": decided.author, "state": decided.state.rawValue], audit: audit)
        return decided
    }

    /// The author withdraws a pending change.
    package func cancel(_ id: String, by principal: Principal, audit: AuditContext?) async throws -> ChangeRequest {
        let change = try await get(id, in: principal.tenantID)
        guard principal.isUser(named: change.author, id: change.authorID) else {
            throw RampartError(.forbidden, "only the author cancels a change")
        }
        return try await close(id, to: .cancelled, comment: nil, by: principal, audit: audit)
    }

    /// A person with `changes:approve`, not the one who applied it, reviews an emergency change.
    package func review(_ id: String, comment: String?, by principal: Principal, audit: AuditContext?) async throws -> ChangeRequest {
        let tenant = principal.tenantID
        let comment = try Validation.optionalText(comment, field: "comment")
        let change = try await get(id, in: tenant)
        guard principal.has(.changesApprove) else { throw RampartError(.forbidden, "only change approvers review emergency changes") }
        let applied = change.decidedBy.map { principal.mayBeUser(named: $0, id: change.decidedByID) } ?? false
        guard !applied, !principal.mayBeUser(named: change.author, id: change.authorID) else {
            throw RampartError(.forbidden, "nobody reviews an emergency change they made or applied")
        }
        audit?.setEntity("change-requests", id)
        let reviewer = principal.username
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard var change = try await tx.changeRequest(id: id, in: tenant) else { throw RampartError.notFound("change request") }
            guard change.emergency, change.reviewedAt == nil else { throw RampartError(.conflict, "not an emergency change awaiting review") }
            change.reviewedBy = reviewer
            change.reviewedAt = now
            if let comment { change.decisionComment = [change.decisionComment, "review: \(comment)"].compactMap { $0 }.joined(separator: "\n") }
            try await tx.updateChangeRequest(change)
            return change
        }
    }

    /// Emergency changes unreviewed 24 hours after they were applied: one security event each.
    package func raiseOverdueReviews() async throws -> Int {
        let now = services.clock.now()
        let overdue = try await services.store.read { try await $0.overdueEmergencyChanges(appliedBefore: now - Self.reviewWindow, limit: 200) }
        for var change in overdue {
            change.reviewOverdueRaised = true
            try await services.store.write { [change] in try await $0.updateChangeRequest(change) }
            try await services.security.raise(
                .changeEmergencyUnreviewed, tenant: change.tenantID, actorType: "system",
                details: ["change": change.id, "author": change.author, "appliedBy": change.decidedBy ?? ""], audit: nil)
        }
        return overdue.count
    }

    /// Nobody approves or rejects their own change, and only change approvers do.
    private static func checkSecondPerson(_ principal: Principal, on change: ChangeRequest) throws {
        guard !principal.mayBeUser(named: change.author, id: change.authorID) else {
            throw RampartError(.forbidden, "nobody applies or rejects their own change")
        }
        guard principal.has(.changesApprove) else { throw RampartError(.forbidden, "only change approvers apply or reject changes") }
    }

    private func close(
        _ id: String, to state: ChangeRequest.State, comment: String?, by principal: Principal, audit: AuditContext?
    ) async throws -> ChangeRequest {
        let tenant = principal.tenantID
        audit?.setEntity("change-requests", id)
        let decider = principal.username
        let deciderID = principal.userID?.rawValue
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard var change = try await tx.changeRequest(id: id, in: tenant) else { throw RampartError.notFound("change request") }
            guard change.state == .pending else { throw RampartError(.conflict, "the change is \(change.state.rawValue), not pending") }
            change.state = state
            change.decidedBy = decider
            change.decidedByID = deciderID
            change.decidedAt = now
            change.decisionComment = comment
            try await tx.updateChangeRequest(change)
            return change
        }
    }

    /// Makes the change and marks the request in one policy write; a stale change is marked so.
    private func decide(
        _ change: ChangeRequest, comment: String?, emergency: Bool, by decider: Principal, audit: AuditContext?
    ) async throws
        -> ChangeRequest
    {
        switch change.subject {
        case .serviceDef: try await decide(ServiceDefKind.self, change, comment: comment, emergency: emergency, by: decider, audit: audit)
        case .service: try await decide(ServiceKind.self, change, comment: comment, emergency: emergency, by: decider, audit: audit)
        case .policy: try await decide(PolicyKind.self, change, comment: comment, emergency: emergency, by: decider, audit: audit)
        case .role: try await decide(PolicyRoleKind.self, change, comment: comment, emergency: emergency, by: decider, audit: audit)
        case .zone: try await decide(SecurityZoneKind.self, change, comment: comment, emergency: emergency, by: decider, audit: audit)
        case .taggingRule: try await decideTaggingRule(change, comment: comment, emergency: emergency, by: decider, audit: audit)
        case .approvalRule: try await decideApprovalRule(change, comment: comment, emergency: emergency, by: decider, audit: audit)
        }
    }

    private func decide<Kind: RangerObjectKind>(
        _ kind: Kind.Type, _ change: ChangeRequest, comment: String?, emergency: Bool, by decider: Principal, audit: AuditContext?
    ) async throws -> ChangeRequest {
        let tenant = change.tenantID
        let objects = PolicyObjects<Kind>(administration: administration)
        // Validation reads the store, so it runs before the write (as every policy write does).
        var value: Kind.Value?
        var reservedID: Int64?
        switch change.operation {
        case .create:
            value = try await Kind.validate(try Self.stored(change.after), replacing: nil, tenant: tenant, store: services.store)
            reservedID = try await administration.reserveIDs(Kind.kind, count: 1, audit: audit)
        case .replace:
            let current = try? await objects.get(try Self.numericID(change), in: tenant)
            if let current, current.version == change.baseVersion {
                value = try await Kind.validate(try Self.stored(change.after), replacing: current, tenant: tenant, store: services.store)
            }
        case .delete:
            break
        }
        let validated = value
        let reserved = reservedID
        return try await settle(change, comment: comment, emergency: emergency, by: decider, audit: audit) { tx, now in
            switch change.operation {
            case .create:
                guard let validated, let reserved else { return nil }
                let key = Kind.key(validated)
                if try await tx.policyObject(Kind.kind, name: key.name, scope: key.scope, in: tenant) != nil { return nil }
                return String(try await PolicyObjects<Kind>.insert(validated, id: reserved, tenant: tenant, now: now, tx).id)
            case .replace:
                guard let validated, let id = Int64(change.objectID ?? ""),
                    let row = try await tx.policyObject(Kind.kind, id: id, in: tenant), row.version == change.baseVersion
                else { return nil }
                _ = try await PolicyObjects<Kind>.update(id, to: validated, precondition: nil, tenant: tenant, now: now, tx)
                return change.objectID
            case .delete:
                guard let id = Int64(change.objectID ?? ""), let row = try await tx.policyObject(Kind.kind, id: id, in: tenant),
                    row.version == change.baseVersion
                else { return nil }
                _ = try await PolicyObjects<Kind>.remove(id, tenant: tenant, now: now, tx)
                return change.objectID
            }
        }
    }

    private func decideApprovalRule(
        _ change: ChangeRequest, comment: String?, emergency: Bool, by decider: Principal, audit: AuditContext?
    ) async throws
        -> ChangeRequest
    {
        let tenant = change.tenantID
        let rule: ApprovalRule? =
            change.operation == .create
            ? try ApprovalRules(services: services).validate(
                try Self.decoded(ApprovalRules.Draft.self, change.after ?? "", field: "service"), in: tenant) : nil
        return try await settle(change, comment: comment, emergency: emergency, by: decider, audit: audit) { tx, _ in
            switch change.operation {
            case .create:
                // A group or service it names may have gone since: a validation error, the change pending.
                guard let rule else { return nil }
                try await ApprovalRules.insert(rule, tx)
                return rule.id
            case .delete:
                guard let id = change.objectID, try await tx.deleteApprovalRule(id: id, in: tenant) else { return nil }
                return id
            case .replace:
                return nil
            }
        }
    }

    private func decideTaggingRule(
        _ change: ChangeRequest, comment: String?, emergency: Bool, by decider: Principal, audit: AuditContext?
    ) async throws
        -> ChangeRequest
    {
        let tenant = change.tenantID
        let rule: TaggingRule? =
            change.operation == .create ? try TaggingRules(services: services).validate(try Self.draft(change.after ?? ""), in: tenant) : nil
        return try await settle(change, comment: comment, emergency: emergency, by: decider, audit: audit) { tx, _ in
            switch change.operation {
            case .create:
                guard let rule else { return nil }
                if try await tx.taggingRules(in: tenant).contains(where: { $0.dataClass == rule.dataClass && $0.tag == rule.tag }) { return nil }
                try await TaggingRules.insert(rule, tx)
                return rule.id
            case .delete:
                guard let id = change.objectID, try await tx.deleteTaggingRule(id: id, in: tenant) else { return nil }
                return id
            case .replace:
                return nil
            }
        }
    }

    /// One policy write: checks the change is still pending, runs `make` (the object's id once
    /// made, `nil` when the change is stale) and records the outcome on the request.
    private func settle(
        _ change: ChangeRequest, comment: String?, emergency: Bool, by decider: Principal, audit: AuditContext?,
        make: @escaping @Sendable (any StoreTransaction, Int64) async throws -> String?
    ) async throws -> ChangeRequest {
        let id = change.id
        let tenant = change.tenantID
        return try await administration.write(tenant, audit: audit) { tx, write in
            guard var current = try await tx.changeRequest(id: id, in: tenant) else { throw RampartError.notFound("change request") }
            guard current.state == .pending else { throw RampartError(.conflict, "the change is \(current.state.rawValue), not pending") }
            if let objectID = try await make(tx, write.now) {
                current.state = .applied
                current.objectID = objectID
                current.emergency = emergency
            } else {
                current.state = .stale
            }
            current.decidedBy = decider.username
            current.decidedByID = decider.userID?.rawValue
            current.decidedAt = write.now
            current.decisionComment = comment
            try await tx.updateChangeRequest(current)
            return current
        }.result
    }

    // MARK: Reading

    package func get(_ id: String, in tenant: TenantID) async throws -> ChangeRequest {
        guard UUIDv7.isWellFormed(id), let change = try await services.store.read({ try await $0.changeRequest(id: id, in: tenant) }) else {
            throw RampartError.notFound("change request")
        }
        return change
    }

    package func list(in tenant: TenantID, state: ChangeRequest.State?, limit: Int) async throws -> [ChangeRequest] {
        try await services.store.read { try await $0.changeRequests(in: tenant, state: state, limit: limit) }
    }

    // MARK: Documents

    /// A tagging-rule draft as the document a change request holds.
    package static func document<Draft: Encodable>(_ draft: Draft) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(draft))
    }

    private static func document(of proposal: Proposal) throws -> JSONValue {
        guard let document = proposal.document else { throw RampartError(.malformedJSON, "request body must be a JSON object") }
        return document
    }

    private static func stored(_ text: String?) throws -> JSONValue {
        guard let text, let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw RampartError(.storage, "a change request's document does not decode")
        }
        return value
    }

    private static func numericID(_ change: ChangeRequest) throws -> Int64 {
        guard let id = Int64(change.objectID ?? "") else { throw RampartError(.storage, "a change request names no object") }
        return id
    }

    private static func draft(_ text: String) throws -> TaggingRules.Draft {
        do { return try JSONDecoder().decode(TaggingRules.Draft.self, from: Data(text.utf8)) } catch {
            throw RampartError.validation("a tagging rule has `class`, `minConfidence` and `tag`", field: "class")
        }
    }

    private static func decoded<T: Decodable>(_ type: T.Type, _ text: String, field: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw RampartError.validation("the document does not describe this kind of object", field: field)
        }
    }

    private static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
