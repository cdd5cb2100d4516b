// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore
import RampartPolicy
import RampartStorage

/// Access reviews (`/v1/access-reviews`): a campaign lists every grant in its scope when it
/// starts — each user, group or role an allow item of a policy in scope names — and reviewers
/// confirm or revoke each one before the deadline.
///
/// - **Scope.** The access policies of one service; with `tag`, those covering a column discovery
///   tagged so (and the tag service's policies on the tag); with `resource`, those whose values
///   for each named resource match its pattern. Access-request grants are left out (they expire).
/// - **Reviewers.** The resource owner: the approver group of the approval rule covering the
///   policy's resources; the campaign's `reviewerGroup` where no rule does. Nobody reviews their
///   own access, directly or through a group they are in.
/// - **Revoking** takes the principal out of that policy item, as one policy write at the version
///   read (versioned and audited like any policy change); a policy changed meanwhile is read again.
/// - **The deadline.** Grants nobody reviewed are revoked or reported, as the campaign says; the
///   campaign closes and raises `review.closed`. The sweep of ``AccessRequestExpiryService`` runs it.
package struct AccessReviews: Sendable {
    package let services: RampartServices
    package let administration: PolicyAdministration

    package init(services: RampartServices, administration: PolicyAdministration) {
        self.services = services
        self.administration = administration
    }

    /// Grants one campaign lists at most.
    package static let maximumGrants = 10_000

    /// A campaign as the request body gives it.
    package struct Draft: Decodable, Sendable {
        package var name: String?
        package var service: String?
        package var tag: String?
        package var resource: [String: String]?
        package var reviewerGroup: String?
        package var onDeadline: String?
        package var durationSeconds: Int?

        package init(
            name: String?, service: String?, tag: String? = nil, resource: [String: String]? = nil, reviewerGroup: String?,
            onDeadline: String? = nil, durationSeconds: Int?
        ) {
            self.name = name
            self.service = service
            self.tag = tag
            self.resource = resource
            self.reviewerGroup = reviewerGroup
            self.onDeadline = onDeadline
            self.durationSeconds = durationSeconds
        }
    }

    /// A campaign with its grants.
    package struct Detailed: Sendable {
        package let review: AccessReview
        package let grants: [ReviewGrant]
    }

    // MARK: Starting

    /// Starts a campaign: validates it, lists the grants in scope and stores both in one write.
    ///
    /// - Throws: `validation-failed` naming the field (unknown service or group, a duration
    ///   outside 1 hour to 90 days, more than ``maximumGrants`` grants).
    package func start(_ draft: Draft, by principal: Principal, audit: AuditContext?) async throws -> Detailed {
        let tenant = principal.tenantID
        let name = try Validation.name(draft.name ?? "", field: "name")
        guard let service = draft.service, !service.isEmpty else { throw RampartError.validation("is required", field: "service") }
        let tag = try draft.tag.map { try Validation.token($0, field: "tag", maximum: 128) }
        let resource = draft.resource ?? [:]
        guard resource.count <= 8 else { throw RampartError.validation("names at most 8 resources", field: "resource") }
        for (key, pattern) in resource where key.isEmpty || pattern.isEmpty || key.count > 64 || pattern.count > 512 {
            throw RampartError.validation("names and patterns are 1-64 and 1-512 characters", field: "resource.\(key.prefix(64))")
        }
        guard let reviewerGroup = draft.reviewerGroup, !reviewerGroup.isEmpty else {
            throw RampartError.validation("is required", field: "reviewerGroup")
        }
        guard let onDeadline = AccessReview.DeadlineAction(rawValue: draft.onDeadline ?? "report") else {
            throw RampartError.validation("must be `revoke` or `report`", field: "onDeadline")
        }
        guard let duration = draft.durationSeconds, (3600...7_776_000).contains(duration) else {
            throw RampartError.validation("must be from 3600 (an hour) to 7776000 (90 days)", field: "durationSeconds")
        }
        let now = services.clock.now()
        let review = AccessReview(
            id: UUIDv7.generate(), tenantID: tenant, name: name, service: service, tag: tag, resource: resource, reviewerGroup: reviewerGroup,
            onDeadline: onDeadline, deadlineAt: now + Int64(duration) * 1000, createdBy: principal.username, createdAt: now,
            createdByID: principal.userID?.rawValue)
        let grants = try await services.store.read { tx in
            guard try await tx.group(name: reviewerGroup, in: tenant) != nil else {
                throw RampartError.validation("no group `\(reviewerGroup.prefix(64))`", field: "reviewerGroup")
            }
            return try await Self.grants(of: review, tx)
        }
        guard grants.count <= Self.maximumGrants else {
            throw RampartError.validation("the scope holds \(grants.count) grants, more than \(Self.maximumGrants): narrow it", field: "resource")
        }
        audit?.setEntity("access-reviews", review.id)
        try await services.store.recording(audit).write { try await $0.insertAccessReview(review, grants: grants) }
        let reviewers = Set(grants.map(\.reviewerGroup)).sorted().joined(separator: ",")
        try await services.security.raise(
            .reviewStarted, tenant: tenant,
            details: ["review": review.id, "grants": String(grants.count), "reviewers": String(reviewers.prefix(256))],
            audit: audit)
        return Detailed(review: review, grants: grants)
    }

    /// The grants in a campaign's scope, numbered from 1.
    static func grants(of review: AccessReview, _ tx: any StoreTransaction) async throws -> [ReviewGrant] {
        let tenant = review.tenantID
        guard let serviceRow = try await tx.policyObject(.service, name: review.service, scope: "", in: tenant) else {
            throw RampartError.validation("unknown service `\(review.service.prefix(64))`", field: "service")
        }
        let rules = try await tx.approvalRules(in: tenant)
        var policies: [(service: String, policy: Policy)] = []
        var tagged: [[String: String]]?
        if let tag = review.tag {
            var columns: [[String: String]] = []
            var linked: [String: Bool] = [:]
            for assignment in try await tx.tagAssignments(in: tenant, datasource: nil) where assignment.tag == tag {
                if linked[assignment.datasourceID] == nil {
                    linked[assignment.datasourceID] =
                        try await tx.datasource(id: assignment.datasourceID, in: tenant)?.config.rangerService == review.service
                }
                if linked[assignment.datasourceID] == true {
                    columns.append(["database": assignment.database, "table": assignment.table, "column": assignment.column])
                }
            }
            tagged = columns
        }
        for row in try await tx.allPolicyObjects(.policy, scope: review.service, in: tenant) {
            let policy = try RangerJSON.decode(Policy.self, row.document)
            guard Self.isReviewable(policy), Self.matches(policy, review.resource) else { continue }
            if let tagged, !tagged.contains(where: { Self.covers(policy, $0) }) { continue }
            policies.append((review.service, policy))
        }
        if let tag = review.tag, let tagService = try RangerJSON.decode(Service.self, serviceRow.document).tagService {
            for row in try await tx.allPolicyObjects(.policy, scope: tagService, in: tenant) {
                let policy = try RangerJSON.decode(Policy.self, row.document)
                guard Self.isReviewable(policy), Self.covers(policy, ["tag": tag]) else { continue }
                policies.append((tagService, policy))
            }
        }
        var grants: [ReviewGrant] = []
        for (service, policy) in policies {
            guard let id = policy.id else { continue }
            let values = policy.resources.mapValues(\.values)
            let owner = ApprovalRules.covering(service, values.compactMapValues(\.first), among: rules)?.approverGroup ?? review.reviewerGroup
            for (index, item) in policy.policyItems.enumerated() {
                let accesses = item.accesses.filter(\.isAllowed).map(\.type)
                guard !accesses.isEmpty else { continue }
                let named =
                    item.users.map { (ReviewGrant.PrincipalKind.user, $0) } + item.groups.map { (.group, $0) } + item.roles.map { (.role, $0) }
                for (kind, principal) in named {
                    grants.append(
                        ReviewGrant(
                            tenantID: tenant, reviewID: review.id, id: grants.count + 1, policyID: id, policyName: policy.name, service: service,
                            itemIndex: index, principalKind: kind, principal: principal, accessTypes: accesses, resource: values,
                            reviewerGroup: owner))
                    if grants.count > Self.maximumGrants { return grants }
                }
            }
        }
        return grants
    }

    /// Enabled access policies, not an access request's own.
    private static func isReviewable(_ policy: Policy) -> Bool {
        policy.isEnabled && policy.policyType == .access && !policy.name.hasPrefix("access-request ")
    }

    /// Whether, for each resource the campaign names, one of the policy's values and the pattern match one another.
    static func matches(_ policy: Policy, _ patterns: [String: String]) -> Bool {
        patterns.allSatisfy { name, pattern in
            (policy.resources[name]?.values ?? []).contains { Wildcard.match($0, pattern) || Wildcard.match(pattern, $0) }
        }
    }

    /// Whether the policy's resources take in `resource` (every element the policy names that the resource has).
    static func covers(_ policy: Policy, _ resource: [String: String]) -> Bool {
        var compared = 0
        for (name, value) in resource {
            guard let element = policy.resources[name] else { continue }
            compared += 1
            let hit = element.values.contains { Wildcard.match(value, $0) }
            guard hit != element.isExcludes else { return false }
        }
        return compared > 0
    }

    // MARK: Reviewing

    /// A reviewer confirms a pending grant (it stays) or revokes it (the principal leaves the policy item).
    ///
    /// - Throws: `forbidden` for the campaign's creator, for anyone outside the grant's reviewer
    ///   group and for the grantee (directly, through a group, a role or `public`); `conflict` for a
    ///   closed campaign or a decided grant.
    package func decide(
        review id: String, grant grantID: Int, confirm: Bool, comment: String?, by principal: Principal, audit: AuditContext?
    ) async throws -> ReviewGrant {
        let tenant = principal.tenantID
        let comment = try Validation.optionalText(comment, field: "comment")
        let review = try await get(id, in: tenant).review
        guard review.state == .open else { throw RampartError(.conflict, "the campaign is closed") }
        // Separation of duties: whoever chose the campaign's scope and reviewers does not also
        // confirm or revoke its grants (revoking is a policy write).
        guard !principal.mayBeUser(named: review.createdBy, id: review.createdByID) else {
            throw RampartError(.forbidden, "the campaign's creator does not decide its grants")
        }
        guard let grant = try await services.store.read({ try await $0.reviewGrant(review: id, id: grantID, in: tenant) }) else {
            throw RampartError.notFound("grant")
        }
        let groups = Set(
            try await services.store.read { try await $0.activeUserGroups(usernames: [principal.username], in: tenant) }[principal.username] ?? [])
        guard groups.contains(grant.reviewerGroup) else {
            throw RampartError(.forbidden, "only members of `\(grant.reviewerGroup.prefix(64))` review this grant")
        }
        guard try await !holdsGrant(grant, principal: principal, groups: groups) else {
            throw RampartError(.forbidden, "nobody reviews their own access")
        }
        guard grant.state == .pending else { throw RampartError(.conflict, "the grant is \(grant.state.rawValue), not pending") }
        audit?.setEntity("access-reviews", id)
        if confirm {
            let now = services.clock.now()
            return try await services.store.recording(audit).write { tx in
                guard var current = try await tx.reviewGrant(review: id, id: grantID, in: tenant), current.state == .pending else {
                    throw RampartError(.conflict, "the grant is no longer pending")
                }
                current.state = .confirmed
                current.decidedBy = principal.username
                current.decidedAt = now
                current.comment = comment
                try await tx.updateReviewGrant(current)
                return current
            }
        }
        return try await revoke(grant, by: principal.username, comment: comment, audit: audit)
    }

    /// Whether the reviewer has the access the grant gives: as its user, through one of their
    /// groups or `public` (every user is in it), or through a Ranger role they are in directly,
    /// through a group, or through a role nested in it.
    private func holdsGrant(_ grant: ReviewGrant, principal: Principal, groups: Set<String>) async throws -> Bool {
        switch grant.principalKind {
        case .user: return grant.principal == principal.username
        case .group: return grant.principal == RoleIndex.publicGroup || groups.contains(grant.principal)
        case .role:
            let stored = try await services.store.read { try await $0.allPolicyObjects(.role, scope: nil, in: principal.tenantID) }
            let roles = try stored.map { try RangerJSON.decode(Role.self, $0.document) }
            return RoleIndex(roles).roles(user: principal.username, groups: groups).contains(grant.principal)
        }
    }

    /// Takes the grant's principal out of its policy item, at the version read (read again if the
    /// policy moved on); a policy or item that no longer names the principal leaves the grant `gone`.
    private func revoke(_ grant: ReviewGrant, by decider: String, comment: String?, audit: AuditContext?) async throws -> ReviewGrant {
        let tenant = grant.tenantID
        for _ in 0..<3 {
            let row = try await services.store.read { try await $0.policyObject(.policy, id: grant.policyID, in: tenant) }
            guard let row, let document = try? JSONDecoder().decode(JSONValue.self, from: Data(row.document.utf8)),
                let edited = Self.removing(grant, from: document)
            else {
                return try await settle(grant, .gone, by: decider, comment: comment, audit: audit, policy: nil)
            }
            let validated = try await PolicyKind.validate(edited, replacing: row, tenant: tenant, store: services.store)
            do {
                return try await settle(grant, .revoked, by: decider, comment: comment, audit: audit, policy: (validated, row.version))
            } catch let error as RampartError where error.code == .preconditionFailed {
                continue
            }
        }
        throw RampartError(.conflict, "the policy keeps changing; try again")
    }

    /// Records a grant's outcome, in a policy write that also edits the policy when given (at its version).
    private func settle(
        _ grant: ReviewGrant, _ state: ReviewGrant.State, by decider: String, comment: String?, audit: AuditContext?,
        policy: (value: PolicyKind.Validated, version: Int64)?
    ) async throws -> ReviewGrant {
        let tenant = grant.tenantID
        return try await administration.write(tenant, audit: audit) { tx, write in
            guard var current = try await tx.reviewGrant(review: grant.reviewID, id: grant.id, in: tenant), current.state == .pending else {
                throw RampartError(.conflict, "the grant is no longer pending")
            }
            if let policy {
                _ = try await PolicyObjects<PolicyKind>.update(
                    grant.policyID, to: policy.value, precondition: VersionPrecondition(entityTags: [String(policy.version)]), tenant: tenant,
                    now: write.now, tx)
            }
            current.state = state
            current.decidedBy = decider
            current.decidedAt = write.now
            current.comment = comment
            try await tx.updateReviewGrant(current)
            if audit == nil {
                // The deadline's own decisions have no request to carry their record.
                let record = SystemAudit.record(
                    tenant: tenant, entityType: "access-reviews", entityID: grant.reviewID, operation: "access-review.\(state.rawValue)",
                    service: grant.service, policyID: String(grant.policyID),
                    details: ["grant": String(grant.id), "principal": grant.principal, "kind": grant.principalKind.rawValue],
                    at: services.clock.nowMicroseconds())
                _ = try await tx.appendAudit([record], in: tenant, at: write.now)
            }
            return current
        }.result
    }

    /// The policy document without the grant's principal in its item: the item at the grant's
    /// index when it still names the principal with the same accesses, else the first such item;
    /// an item left naming nobody goes. `nil` when no item names the principal any more.
    static func removing(_ grant: ReviewGrant, from document: JSONValue) -> JSONValue? {
        guard case .object(var policy) = document, case .array(var items)? = policy["policyItems"] else { return nil }
        let key =
            switch grant.principalKind {
            case .user: "users"
            case .group: "groups"
            case .role: "roles"
            }
        func names(_ item: JSONValue) -> Bool {
            guard case .object(let fields) = item, case .array(let named)? = fields[key] else { return false }
            return named.contains(.string(grant.principal))
        }
        let candidates = [grant.itemIndex] + Array(items.indices)
        guard let index = candidates.first(where: { items.indices.contains($0) && names(items[$0]) }),
            case .object(var item) = items[index], case .array(let named)? = item[key]
        else { return nil }
        item[key] = .array(named.filter { $0 != .string(grant.principal) })
        let empty = ["users", "groups", "roles"].allSatisfy { field in
            if case .array(let values)? = item[field] { return values.isEmpty }
            return true
        }
        if empty { items.remove(at: index) } else { items[index] = .object(item) }
        policy["policyItems"] = .array(items)
        return .object(policy)
    }

    // MARK: The deadline

    /// Closes the campaigns past their deadline: unreviewed grants are revoked or reported.
    /// Returns how many campaigns closed.
    ///
    /// A grant that cannot be revoked (its policy no longer validates) is reported instead, and
    /// one answered meanwhile is left as answered: one grant never keeps a campaign, or the
    /// campaigns after it, from closing.
    package func closeDue() async throws -> Int {
        let now = services.clock.now()
        let due = try await services.store.read { try await $0.dueAccessReviews(at: now, limit: 50) }
        var closed = 0
        for review in due {
            if (try? await close(review)) != nil { closed += 1 }
        }
        return closed
    }

    private func close(_ review: AccessReview) async throws {
        let (id, tenant) = (review.id, review.tenantID)
        let grants = try await services.store.read { try await $0.reviewGrants(review: id, in: tenant) }
        var outcomes: [ReviewGrant.State: Int] = [:]
        for grant in grants where grant.state == .pending {
            do {
                let settled =
                    switch review.onDeadline {
                    case .revoke: try await revoke(grant, by: "system", comment: "not reviewed by the deadline", audit: nil)
                    case .report: try await settle(grant, .unreviewed, by: "system", comment: nil, audit: nil, policy: nil)
                    }
                outcomes[settled.state, default: 0] += 1
            } catch let error as RampartError where error.code == .conflict {
                continue  // a reviewer answered it meanwhile
            } catch {
                let reported = try? await settle(grant, .unreviewed, by: "system", comment: "could not be revoked", audit: nil, policy: nil)
                if let reported { outcomes[reported.state, default: 0] += 1 }
            }
        }
        let notReviewed = outcomes.values.reduce(0, +)
        let revoked = outcomes[.revoked] ?? 0
        let closedAt = services.clock.now()
        try await services.store.write { tx in
            guard var current = try await tx.accessReview(id: id, in: tenant), current.state == .open else { return }
            current.state = .closed
            current.closedAt = closedAt
            try await tx.updateAccessReview(current)
            let record = SystemAudit.record(
                tenant: tenant, entityType: "access-reviews", entityID: id, operation: "access-review.closed", service: review.service,
                details: ["notReviewed": String(notReviewed), "revokedAtDeadline": String(revoked)], at: services.clock.nowMicroseconds())
            _ = try await tx.appendAudit([record], in: tenant, at: closedAt)
        }
        try await services.security.raise(
            .reviewClosed, tenant: tenant, actorType: "system",
            details: [
                "review": id, "onDeadline": review.onDeadline.rawValue, "notReviewed": String(notReviewed), "revokedAtDeadline": String(revoked),
            ], audit: nil)
    }

    // MARK: Reading

    package func get(_ id: String, in tenant: TenantID) async throws -> Detailed {
        guard UUIDv7.isWellFormed(id) else { throw RampartError.notFound("access review") }
        let found = try await services.store.read { tx -> Detailed? in
            guard let review = try await tx.accessReview(id: id, in: tenant) else { return nil }
            return Detailed(review: review, grants: try await tx.reviewGrants(review: id, in: tenant))
        }
        guard let found else { throw RampartError.notFound("access review") }
        return found
    }

    /// A campaign `principal` may see: whole for those who read policies or the audit log,
    /// otherwise with only the grants it reviews (404 when none, as for an unknown id).
    package func get(_ id: String, for principal: Principal) async throws -> Detailed {
        let detailed = try await get(id, in: principal.tenantID)
        guard !Self.seesAll(principal) else { return detailed }
        let groups = try await reviewerGroups(of: principal)
        let mine = detailed.grants.filter { groups.contains($0.reviewerGroup) }
        guard !mine.isEmpty else { throw RampartError.notFound("access review") }
        return Detailed(review: detailed.review, grants: mine)
    }

    /// The campaigns `principal` may see, newest first.
    package func list(for principal: Principal, limit: Int) async throws -> [AccessReview] {
        let tenant = principal.tenantID
        let reviews = try await services.store.read { try await $0.accessReviews(in: tenant, limit: limit) }
        guard !Self.seesAll(principal) else { return reviews }
        // The principal's groups once, and each campaign's grants: a campaign shows when one of them is its to review.
        let groups = try await reviewerGroups(of: principal)
        return try await services.store.read { tx in
            var visible: [AccessReview] = []
            for review in reviews
            where try await tx.reviewGrants(review: review.id, in: tenant).contains(where: { groups.contains($0.reviewerGroup) }) {
                visible.append(review)
            }
            return visible
        }
    }

    private static func seesAll(_ principal: Principal) -> Bool { principal.has(.policiesRead) || principal.has(.auditRead) }

    private func reviewerGroups(of principal: Principal) async throws -> Set<String> {
        Set(
            try await services.store.read { try await $0.activeUserGroups(usernames: [principal.username], in: principal.tenantID) }[
                principal.username] ?? [])
    }
}
