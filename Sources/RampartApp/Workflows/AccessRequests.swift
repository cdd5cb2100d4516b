// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore
import RampartDiscovery
import RampartPolicy
import RampartStorage

/// Access requests (`/v1/access-requests`): a user asks for time-limited access to a resource, the
/// approvers of the covering ``ApprovalRule`` answer, and enough approvals turn it `active` by
/// writing a policy for the requester whose validity schedule ends when the access does. The
/// decision API therefore denies at expiry whether or not anything runs then;
/// ``AccessRequestExpiryService`` afterwards removes the policy and records the expiry.
///
/// Every transition is one policy write (``PolicyAdministration/write(_:audit:_:)``), which starts
/// by bumping the tenant's policy version: concurrent answers to one request take turns on that
/// row, so exactly one of them sees the request pending with enough approvals and activates it.
package struct AccessRequests: Sendable {
    package let services: RampartServices
    package let administration: PolicyAdministration

    package init(services: RampartServices, administration: PolicyAdministration) {
        self.services = services
        self.administration = administration
    }

    /// What a request asks for, as the request body gives it: every field optional so a missing
    /// one is named.
    package struct Ask: Decodable, Sendable {
        package var service: String?
        package var resource: [String: String]?
        /// Access to whatever carries this tag, instead of `resource`: the request goes to the
        /// service's tag service, for the service's access types (`select` → `hive:select`).
        package var tag: String?
        package var accessTypes: [String]?
        package var durationSeconds: Int?
        package var justification: String?
        /// An unmask exception for one masked column rather than access.
        package var unmask: Bool?
        /// Break-glass: active at once, without approval, reviewed afterwards.
        package var breakGlass: Bool?
        /// When the access should start (RFC 3339), for access planned ahead; approval before
        /// then leaves the request `approved`, its policy valid from this time.
        package var startAt: String?

        package init(
            service: String?, resource: [String: String]?, accessTypes: [String]?, durationSeconds: Int?, justification: String?,
            unmask: Bool? = nil, breakGlass: Bool? = nil, tag: String? = nil, startAt: String? = nil
        ) {
            self.startAt = startAt
            self.tag = tag
            self.service = service
            self.resource = resource
            self.accessTypes = accessTypes
            self.durationSeconds = durationSeconds
            self.justification = justification
            self.unmask = unmask
            self.breakGlass = breakGlass
        }
    }

    /// A request with the votes cast on it.
    package struct Detailed: Sendable {
        package let request: TemporaryAccessRequest
        package let votes: [ApprovalVote]
    }

    // MARK: Asking

    /// Files a request of `principal` for itself.
    ///
    /// - Throws: `validation-failed` naming the field: no rule covers the resource, a duration
    ///   over the rule's maximum, a justification not matching the rule's pattern, access types or
    ///   resources the service does not define.
    package func request(_ ask: Ask, by principal: Principal, audit: AuditContext?) async throws -> TemporaryAccessRequest {
        let tenant = principal.tenantID
        let ask = try await Self.resolvingTag(ask, in: tenant, store: services.store)
        guard let service = ask.service, !service.isEmpty else { throw RampartError.validation("is required", field: "service") }
        guard let resource = ask.resource, !resource.isEmpty else { throw RampartError.validation("is required", field: "resource") }
        // A requested value is one resource, never a pattern: the policy it becomes would read
        // `*`, `?` or a `{USER}`-style token as one and grant more than the rule covers.
        for (name, value) in resource where value.isEmpty || value.contains(where: { "*?{}$".contains($0) }) {
            throw RampartError.validation("must name one resource: no wildcards or tokens", field: "resource.\(name.prefix(64))")
        }
        guard let accessTypes = ask.accessTypes, (1...16).contains(accessTypes.count) else {
            throw RampartError.validation("names 1 to 16 access types", field: "accessTypes")
        }
        guard let duration = ask.durationSeconds else { throw RampartError.validation("is required", field: "durationSeconds") }
        guard let justification = ask.justification?.trimmingWhitespace(), (1...1000).contains(justification.count) else {
            throw RampartError.validation("is required: 1 to 1000 characters", field: "justification")
        }
        if ask.unmask == true { try await Self.checkUnmask(resource, service: service, tenant: tenant, store: services.store) }
        let (rules, cap) = try await services.store.read { tx in
            (try await tx.approvalRules(in: tenant), try await tx.tenantSecuritySettings(tenant)?.accessRequestMaximumSeconds)
        }
        if let cap, duration > cap {
            throw RampartError.validation("must be at most \(cap) seconds (the tenant's maximum)", field: "durationSeconds")
        }
        guard let rule = ApprovalRules.covering(service, resource, among: rules) else {
            throw RampartError.validation("no approval rule covers this resource of service `\(service.prefix(64))`", field: "resource")
        }
        let breakGlass = ask.breakGlass ?? false
        let requestedStart = try ask.startAt.map { try Self.start($0, now: services.clock.now(), breakGlass: breakGlass) }
        if breakGlass {
            guard let maximum = rule.breakGlassMaximumSeconds else {
                throw RampartError.validation("the approval rule allows no break-glass access", field: "breakGlass")
            }
            guard duration >= 60, duration <= maximum else {
                throw RampartError.validation("break-glass access lasts 60 to \(maximum) seconds (the rule's maximum)", field: "durationSeconds")
            }
        }
        guard duration >= 60, duration <= rule.maximumDurationSeconds else {
            throw RampartError.validation("must be from 60 to \(rule.maximumDurationSeconds) seconds (the rule's maximum)", field: "durationSeconds")
        }
        if let pattern = rule.justificationPattern, let compiled = try? SafePattern(pattern), !compiled.matchesWhole(justification) {
            throw RampartError.validation("must match the rule's pattern `\(pattern.prefix(128))`", field: "justification")
        }
        // The policy it would become, validated now so a bad resource or access type is refused
        // at once with the field named, not at approval.
        let requestID = UUIDv7.generate()
        let validated = try await PolicyKind.validate(
            try Self.policyJSON(
                requestID: requestID, requester: principal.username, service: service, resource: resource, accessTypes: accessTypes,
                unmask: ask.unmask ?? false, from: 0, to: 60_000),
            replacing: nil, tenant: tenant, store: services.store)
        let now = services.clock.now()
        var request = TemporaryAccessRequest(
            id: requestID, tenantID: tenant, requester: principal.username, service: service, resource: resource, accessTypes: accessTypes,
            unmask: ask.unmask ?? false, breakGlass: breakGlass, durationSeconds: duration, justification: justification, state: .pending,
            ruleID: rule.id, requiredApprovals: rule.requiredApprovals, denialThreshold: rule.denialThreshold, createdAt: now,
            timesOutAt: now + Int64(rule.timeoutSeconds) * 1000, startsAt: requestedStart, requesterID: principal.userID?.rawValue)
        audit?.setEntity("access-requests", request.id)
        guard breakGlass else {
            try await services.store.recording(audit).write { [request] in try await $0.insertAccessRequest(request) }
            try await services.security.raise(
                .accessRequested, tenant: tenant,
                details: [
                    "request": request.id, "requester": request.requester, "service": String(service.prefix(256)), "approvers": rule.approverGroup,
                ],
                audit: audit)
            return request
        }
        // Break-glass: active at once with its policy, flagged for review, and a security event.
        let policyID = try await administration.reserveIDs(.policy, count: 1, audit: audit)
        request = try await administration.write(tenant, audit: audit) { [request] tx, write in
            var active = request
            var policy = validated
            active.state = .active
            active.startsAt = write.now
            active.expiresAt = write.now + Int64(duration) * 1000
            active.policyID = policyID
            policy.policy.validitySchedules = [Self.validity(from: write.now, to: active.expiresAt ?? write.now)]
            _ = try await PolicyObjects<PolicyKind>.insert(policy, id: policyID, tenant: tenant, now: write.now, tx)
            try await tx.insertAccessRequest(active)
            return active
        }.result
        try await services.security.raise(
            .accessBreakGlass, tenant: tenant,
            details: ["request": request.id, "requester": request.requester, "service": String(service.prefix(256))], audit: audit)
        return request
    }

    // MARK: Answering

    /// An approver's approval; the last one needed activates the request (in the same transaction).
    ///
    /// - Throws: `forbidden` for the requester (whatever groups or roles they hold) and for anyone
    ///   outside the rule's approver group; `conflict` when the request is not pending or this
    ///   approver already answered it.
    package func approve(_ id: String, comment: String?, by principal: Principal, audit: AuditContext?) async throws -> TemporaryAccessRequest {
        try await answer(id, approve: true, comment: comment, by: principal, audit: audit)
    }

    package func deny(_ id: String, comment: String?, by principal: Principal, audit: AuditContext?) async throws -> TemporaryAccessRequest {
        try await answer(id, approve: false, comment: comment, by: principal, audit: audit)
    }

    private func answer(
        _ id: String, approve: Bool, comment: String?, by principal: Principal, audit: AuditContext?
    ) async throws
        -> TemporaryAccessRequest
    {
        let tenant = principal.tenantID
        let comment = try Validation.optionalText(comment, field: "comment")
        let current = try await get(id, in: tenant).request
        // Nobody approves their own request: not directly, not through a group, not as an admin,
        // not after being renamed.
        guard !principal.mayBeUser(named: current.requester, id: current.requesterID) else {
            throw RampartError(.forbidden, "nobody answers their own access request")
        }
        let (rule, approves) = try await standing(of: principal, on: current)
        guard let rule else { throw RampartError(.conflict, "the request's approval rule was deleted; it can only be cancelled") }
        guard approves else {
            throw RampartError(
                .forbidden,
                "only members of `\(Self.answeringGroups(rule, current).sorted().joined(separator: "`, `").prefix(128))` answer this request")
        }
        // The policy an approval may need, validated outside the transaction: validation reads
        // the service definition, and a read on another connection while this tenant's policy
        // row is locked could wait on a pool the waiting writers hold. Only its validity window
        // is set inside, from the transaction's time.
        let activation: (id: Int64, policy: PolicyKind.Validated)?
        if approve {
            let json = try Self.policyJSON(
                requestID: id, requester: current.requester, service: current.service, resource: current.resource,
                accessTypes: current.accessTypes, unmask: current.unmask, from: 0, to: 60_000)
            let validated = try await PolicyKind.validate(json, replacing: nil, tenant: tenant, store: services.store)
            activation = (try await administration.reserveIDs(.policy, count: 1, audit: audit), validated)
        } else {
            activation = nil
        }
        audit?.setEntity("access-requests", id)
        let approver = principal.username
        let approverID = principal.userID?.rawValue
        let decided = try await administration.write(tenant, audit: audit) { tx, write in
            guard var request = try await tx.accessRequest(id: id, in: tenant) else { throw RampartError.notFound("access request") }
            guard request.state == .pending else {
                throw RampartError(.conflict, "the request is \(request.state.rawValue), not pending")
            }
            // Past its timeout a request takes no answers, even before the sweep has marked it.
            guard request.timesOutAt > write.now else { throw RampartError(.conflict, "the request timed out") }
            let vote = ApprovalVote(
                tenantID: tenant, requestID: id, approver: approver, approverID: approverID, approve: approve, comment: comment, at: write.now)
            guard try await tx.insertApprovalVote(vote) else { throw RampartError(.conflict, "you already answered this request") }
            if approve { request.approvals += 1 } else { request.denials += 1 }
            if request.denials >= request.denialThreshold {
                request.state = .denied
                request.decidedAt = write.now
            } else if request.approvals >= request.requiredApprovals, let activation {
                // The tenant's maximum may have been lowered since the request was made.
                if let cap = try await tx.tenantSecuritySettings(tenant)?.accessRequestMaximumSeconds, request.durationSeconds > cap {
                    throw RampartError(.conflict, "the request asks for longer than the tenant's maximum (\(cap) s) now allows")
                }
                // Access planned ahead starts when asked; the policy's validity says so, so the
                // decision API allows nothing earlier whether or not the sweep has run.
                let starts = max(write.now, request.startsAt ?? write.now)
                let expires = starts + Int64(request.durationSeconds) * 1000
                var validated = activation.policy
                validated.policy.validitySchedules = [Self.validity(from: starts, to: expires)]
                _ = try await PolicyObjects<PolicyKind>.insert(validated, id: activation.id, tenant: tenant, now: write.now, tx)
                let policyID = activation.id
                request.state = starts > write.now ? .approved : .active
                request.startsAt = starts
                request.expiresAt = expires
                request.policyID = policyID
            }
            try await tx.updateAccessRequest(request)
            return request
        }.result
        // The requester (and whoever the alert rules name) hears of a decision.
        if decided.state != .pending {
            try await services.security.raise(
                .accessDecided, tenant: tenant,
                details: [
                    "request": decided.id, "requester": decided.requester, "requesterId": decided.requesterID ?? "", "state": decided.state.rawValue,
                ].filter { !$0.value.isEmpty }, audit: audit)
        }
        return decided
    }

    /// A member of the rule's approver group (not the requester) reviews break-glass access.
    package func review(_ id: String, by principal: Principal, audit: AuditContext?) async throws -> TemporaryAccessRequest {
        let tenant = principal.tenantID
        let current = try await get(id, in: tenant).request
        guard !principal.mayBeUser(named: current.requester, id: current.requesterID) else {
            throw RampartError(.forbidden, "nobody reviews their own break-glass access")
        }
        guard try await standing(of: principal, on: current).approves else {
            throw RampartError(.forbidden, "only the rule's approvers review break-glass access")
        }
        audit?.setEntity("access-requests", id)
        let reviewer = principal.username
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard var request = try await tx.accessRequest(id: id, in: tenant) else { throw RampartError.notFound("access request") }
            guard request.breakGlass, request.reviewedAt == nil else { throw RampartError(.conflict, "not break-glass access awaiting review") }
            request.reviewedBy = reviewer
            request.reviewedAt = now
            try await tx.updateAccessRequest(request)
            return request
        }
    }

    /// The request's rule (`nil` once deleted) and whether `principal` is an active member of its
    /// approver group, read together: answering and reviewing both ask.
    private func standing(of principal: Principal, on request: TemporaryAccessRequest) async throws -> (rule: ApprovalRule?, approves: Bool) {
        let tenant = principal.tenantID
        return try await services.store.read { tx in
            guard let rule = try await tx.approvalRule(id: request.ruleID, in: tenant) else { return (nil, false) }
            let groups = Set(try await tx.activeUserGroups(usernames: [principal.username], in: tenant)[principal.username] ?? [])
            return (rule, !Self.answeringGroups(rule, request).isDisjoint(with: groups))
        }
    }

    /// The ids of the pending requests among `requests` that `principal` may approve or deny now:
    /// in an answering group, not the requester, not answered by them yet (for the console's buttons;
    /// answering checks all of it again).
    package func answerable(_ requests: [TemporaryAccessRequest], by principal: Principal) async throws -> Set<String> {
        let pending = requests.filter { $0.state == .pending && !principal.mayBeUser(named: $0.requester, id: $0.requesterID) }
        guard !pending.isEmpty else { return [] }
        let tenant = principal.tenantID
        return try await services.store.read { tx in
            let groups = Set(try await tx.activeUserGroups(usernames: [principal.username], in: tenant)[principal.username] ?? [])
            let rules = Dictionary(try await tx.approvalRules(in: tenant).map { ($0.id, $0) }) { first, _ in first }
            var ids = Set<String>()
            for request in pending {
                guard let rule = rules[request.ruleID], !Self.answeringGroups(rule, request).isDisjoint(with: groups) else { continue }
                let votes = try await tx.approvalVotes(request: request.id, in: tenant)
                if votes.contains(where: { principal.mayBeUser(named: $0.approver, id: $0.approverID) }) { continue }
                ids.insert(request.id)
            }
            return ids
        }
    }

    /// Who answers a request under `rule`: its approvers, and once escalated its escalation group.
    static func answeringGroups(_ rule: ApprovalRule, _ request: TemporaryAccessRequest) -> Set<String> {
        var groups: Set<String> = [rule.approverGroup]
        if request.escalated, let escalation = rule.escalationGroup { groups.insert(escalation) }
        return groups
    }

    /// Break-glass access unreviewed 24 hours after it began: one security event each.
    package func raiseOverdueReviews() async throws -> Int {
        let now = services.clock.now()
        let overdue = try await services.store.read { try await $0.overdueBreakGlassReviews(madeBefore: now - Self.reviewWindow, limit: 200) }
        for var request in overdue {
            request.reviewOverdueRaised = true
            try await services.store.write { [request] in try await $0.updateAccessRequest(request) }
            try await services.security.raise(
                .accessBreakGlassUnreviewed, tenant: request.tenantID, actorType: "system",
                details: ["request": request.id, "requester": request.requester], audit: nil)
        }
        return overdue.count
    }

    /// How long break-glass access may go unreviewed: 24 hours, in milliseconds.
    package static let reviewWindow: Int64 = 86_400_000

    // MARK: Ending

    /// The requester withdraws a pending request.
    package func cancel(_ id: String, by principal: Principal, audit: AuditContext?) async throws -> TemporaryAccessRequest {
        try await end(id, from: [.pending], to: .cancelled, by: principal, audit: audit) { request in
            guard principal.isUser(named: request.requester, id: request.requesterID) else {
                throw RampartError(.forbidden, "only the requester cancels a request")
            }
        }
    }

    /// Ends active access early: the requester, or a tenant- or security-admin.
    package func revoke(_ id: String, by principal: Principal, audit: AuditContext?) async throws -> TemporaryAccessRequest {
        try await end(id, from: [.approved, .active], to: .revoked, by: principal, audit: audit) { request in
            let administrator = principal.roles.contains(.tenantAdmin) || principal.roles.contains(.securityAdmin)
            guard principal.isUser(named: request.requester, id: request.requesterID) || administrator else {
                throw RampartError(.forbidden, "only the requester or an administrator ends access early")
            }
        }
    }

    /// Moves a due request on: active past its end → `expired`; pending past its timeout →
    /// escalated once when its rule has an escalation group, else `timed-out` (denied). Returns
    /// the request as it now is, `nil` when it was no longer due.
    package func settle(_ due: TemporaryAccessRequest) async throws -> TemporaryAccessRequest? {
        let now = services.clock.now()
        let (result, _) = try await administration.write(due.tenantID, audit: nil) { tx, write -> (TemporaryAccessRequest, String?)? in
            guard var request = try await tx.accessRequest(id: due.id, in: due.tenantID) else { return nil }
            var escalatedTo: String?
            switch request.state {
            case .approved where (request.startsAt ?? .max) <= now && (request.expiresAt ?? .max) > now:
                // The policy has allowed since `startsAt`; the state catches up.
                request.state = .active
            case .approved where (request.expiresAt ?? .max) <= now, .active where (request.expiresAt ?? .max) <= now:
                request.state = .expired
                request.decidedAt = write.now
                if let policy = request.policyID { _ = try await PolicyObjects<PolicyKind>.remove(policy, tenant: due.tenantID, now: write.now, tx) }
            case .pending where request.timesOutAt <= now:
                let rule = request.escalated ? nil : try await tx.approvalRule(id: request.ruleID, in: due.tenantID)
                if let rule, let escalation = rule.escalationGroup {
                    request.escalated = true
                    request.timesOutAt = now + Int64(rule.timeoutSeconds) * 1000
                    escalatedTo = escalation
                } else {
                    request.state = .timedOut
                    request.decidedAt = write.now
                }
            default: return nil
            }
            try await tx.updateAccessRequest(request)
            let record = SystemAudit.record(
                tenant: due.tenantID, entityType: "access-requests", entityID: request.id,
                operation: "access-request.\(escalatedTo == nil ? request.state.rawValue : "escalated")", service: request.service,
                policyID: request.policyID.map(String.init),
                details: ["requester": request.requester, "state": request.state.rawValue, "escalatedTo": escalatedTo ?? ""].filter {
                    !$0.value.isEmpty
                },
                at: services.clock.nowMicroseconds())
            _ = try await tx.appendAudit([record], in: due.tenantID, at: write.now)
            return (request, escalatedTo)
        }
        guard let (request, escalatedTo) = result else { return nil }
        if let escalatedTo {
            try await services.security.raise(
                .accessEscalated, tenant: request.tenantID, actorType: "system",
                details: ["request": request.id, "requester": request.requester, "approvers": escalatedTo], audit: nil)
        }
        return request
    }

    private func end(
        _ id: String, from states: Set<TemporaryAccessRequest.State>, to state: TemporaryAccessRequest.State, by principal: Principal,
        audit: AuditContext?, check: @escaping @Sendable (TemporaryAccessRequest) throws -> Void
    ) async throws -> TemporaryAccessRequest {
        let tenant = principal.tenantID
        try check(try await get(id, in: tenant).request)
        audit?.setEntity("access-requests", id)
        return try await administration.write(tenant, audit: audit) { tx, write in
            guard var request = try await tx.accessRequest(id: id, in: tenant) else { throw RampartError.notFound("access request") }
            guard states.contains(request.state) else { throw RampartError(.conflict, "the request is \(request.state.rawValue)") }
            if let policy = request.policyID { _ = try await PolicyObjects<PolicyKind>.remove(policy, tenant: tenant, now: write.now, tx) }
            request.state = state
            request.decidedAt = write.now
            try await tx.updateAccessRequest(request)
            return request
        }.result
    }

    // MARK: Reading

    package func get(_ id: String, in tenant: TenantID) async throws -> Detailed {
        guard UUIDv7.isWellFormed(id) else { throw RampartError.notFound("access request") }
        let found = try await services.store.read { tx -> Detailed? in
            guard let request = try await tx.accessRequest(id: id, in: tenant) else { return nil }
            return Detailed(request: request, votes: try await tx.approvalVotes(request: id, in: tenant))
        }
        guard let found else { throw RampartError.notFound("access request") }
        return found
    }

    /// What `principal` may see: every request for administrators and auditors, otherwise its
    /// own and those its groups approve.
    package func list(for principal: Principal, limit: Int) async throws -> [TemporaryAccessRequest] {
        let tenant = principal.tenantID
        let everything = principal.roles.contains(.tenantAdmin) || principal.roles.contains(.securityAdmin) || principal.roles.contains(.auditor)
        return try await services.store.read { tx in
            let all = try await tx.accessRequests(in: tenant, requester: nil, limit: 1000)
            if everything { return Array(all.prefix(limit)) }
            let groups = Set(try await tx.activeUserGroups(usernames: [principal.username], in: tenant)[principal.username] ?? [])
            let rules = try await tx.approvalRules(in: tenant)
            let byID = Dictionary(rules.map { ($0.id, $0) }) { first, _ in first }
            return Array(
                all.filter { request in
                    principal.isUser(named: request.requester, id: request.requesterID)
                        || byID[request.ruleID].map { !Self.answeringGroups($0, request).isDisjoint(with: groups) } == true
                }
                .prefix(limit))
        }
    }

    /// A request for a tag as the request on the service's tag service it is: resource
    /// `{"tag": …}`, access types prefixed with the service's type (`select` → `hive:select`), as
    /// Ranger's tag policies name them. Without `tag` the request is unchanged.
    static func resolvingTag(_ ask: Ask, in tenant: TenantID, store: any Store) async throws -> Ask {
        guard let asked = ask.tag else { return ask }
        let tag = try Validation.token(asked, field: "tag", maximum: 128)
        guard ask.resource?.isEmpty ?? true else { throw RampartError.validation("give `tag` or `resource`, not both", field: "resource") }
        guard ask.unmask != true else { throw RampartError.validation("an unmask exception names a column, not a tag", field: "unmask") }
        guard let name = ask.service, !name.isEmpty else { throw RampartError.validation("is required", field: "service") }
        guard let row = try await store.read({ try await $0.policyObject(.service, name: name, scope: "", in: tenant) }) else {
            throw RampartError.validation("unknown service `\(name.prefix(64))`", field: "service")
        }
        guard let tagService = try RangerJSON.decode(Service.self, row.document).tagService else {
            throw RampartError.validation("service `\(name.prefix(64))` has no tag service", field: "tag")
        }
        var resolved = ask
        resolved.service = tagService
        resolved.resource = ["tag": tag]
        resolved.accessTypes = ask.accessTypes?.map { $0.contains(":") ? $0 : "\(row.ref):\($0)" }
        resolved.tag = nil
        return resolved
    }

    /// An unmask exception names one masked value: every resource of the service's masking
    /// definition (for Hive: database, table and column), none other.
    static func checkUnmask(_ resource: [String: String], service: String, tenant: TenantID, store: any Store) async throws {
        let definition = try await store.read { tx -> String? in
            guard let row = try await tx.policyObject(.service, name: service, scope: "", in: tenant) else { return nil }
            return try await tx.policyObject(.serviceDef, name: row.ref, scope: "", in: tenant)?.document
        }
        guard let definition else { throw RampartError.validation("unknown service `\(service.prefix(64))`", field: "service") }
        let names = Set((try RangerJSON.decode(ServiceDef.self, definition).dataMaskDef?.resources ?? []).map(\.name))
        guard !names.isEmpty else { throw RampartError.validation("service `\(service.prefix(64))` masks nothing", field: "unmask") }
        guard Set(resource.keys) == names else {
            throw RampartError.validation(
                "an unmask exception names one value: give exactly \(names.sorted().joined(separator: ", "))", field: "resource")
        }
    }

    /// Access planned ahead: how far ahead a start may be asked for.
    package static let maximumStartDelay: Int64 = 90 * 86_400_000

    /// The requested start in Unix milliseconds: in the future (a minute's grace for clocks), at
    /// most ``maximumStartDelay`` ahead, never with break-glass (which is immediate).
    static func start(_ text: String, now: Int64, breakGlass: Bool) throws -> Int64 {
        guard !breakGlass else { throw RampartError.validation("break-glass access starts at once", field: "startAt") }
        guard let micros = Timestamp.microseconds(rfc3339: text) else {
            throw RampartError.validation("must be an RFC 3339 date-time", field: "startAt")
        }
        let start = micros / 1000
        guard start >= now - 60_000, start <= now + maximumStartDelay else {
            throw RampartError.validation("must be from now to 90 days ahead", field: "startAt")
        }
        return max(start, now)
    }

    /// The Ranger policy an active request is: one allow item for the requester, valid from
    /// `from` to `to` (Unix milliseconds, UTC, to the second).
    static func policyJSON(
        requestID: String, requester: String, service: String, resource: [String: String], accessTypes: [String], unmask: Bool = false,
        from: Int64, to: Int64
    ) throws -> JSONValue {
        let window = validity(from: from, to: to)
        var item: [String: JSONValue] = [
            "users": .array([.string(requester)]),
            "accesses": .array(accessTypes.map { .object(["type": .string($0), "isAllowed": .bool(true)]) }),
        ]
        if unmask { item["dataMaskInfo"] = .object(["dataMaskType": .string("MASK_NONE")]) }
        return .object([
            "service": .string(service),
            "name": .string("access-request \(requestID)"),
            "description": .string("Granted by access request \(requestID)"),
            "resources": .object(resource.mapValues { .object(["values": .array([.string($0)])]) }),
            // An unmask exception is a masking policy whose one item shows the value (`MASK_NONE`),
            // at override priority so it comes before the column's other masks.
            unmask ? "dataMaskPolicyItems" : "policyItems": .array([
                .object(item)
            ]),
            "policyType": .number(unmask ? 1 : 0),
            "policyPriority": .number(unmask ? 1 : 0),
            "validitySchedules": .array([
                .object(["startTime": .string(window.startTime ?? ""), "endTime": .string(window.endTime ?? ""), "timeZone": .string("UTC")])
            ]),
        ])
    }

    /// From `from` to `to` (Unix milliseconds), in UTC to the second, as Ranger writes schedules.
    static func validity(from: Int64, to: Int64) -> ValiditySchedule {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy/MM/dd HH:mm:ss"
        func time(_ milliseconds: Int64) -> String { format.string(from: Date(timeIntervalSince1970: Double(milliseconds / 1000))) }
        return ValiditySchedule(startTime: time(from), endTime: time(to), timeZone: "UTC")
    }
}
