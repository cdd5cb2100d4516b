// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Resource-policy repositories of one zone (or of the unzoned policies), one per policy type.
struct RepositorySet: Sendable {
    let access: PolicyRepository
    let dataMask: PolicyRepository
    let rowFilter: PolicyRepository

    init(_ evaluators: [PolicyEvaluator], serviceDef: CompiledServiceDef) {
        access = PolicyRepository(type: .access, evaluators: evaluators.filter { $0.type == .access }, serviceDef: serviceDef)
        dataMask = PolicyRepository(type: .dataMask, evaluators: evaluators.filter { $0.type == .dataMask }, serviceDef: serviceDef)
        rowFilter = PolicyRepository(type: .rowFilter, evaluators: evaluators.filter { $0.type == .rowFilter }, serviceDef: serviceDef)
    }

    func repository(_ type: Policy.PolicyType) -> PolicyRepository {
        switch type {
        case .dataMask: dataMask
        case .rowFilter: rowFilter
        default: access
        }
    }
}

/// A security zone prepared for request-to-zone resolution.
struct ZoneEntry: Sendable {
    let name: String
    let matchers: [PolicyResourceMatcher]
    let repositories: RepositorySet
    let hasAssociatedTagService: Bool
}

/// The tag service attached to a resource service: its definition and policies by zone.
struct TagEngine: Sendable {
    let serviceDef: CompiledServiceDef
    /// Keyed by zone name; `""` holds tag policies without a zone.
    let repositories: [String: RepositorySet]
}

/// An immutable, indexed policy set for one service: answer many requests, swap atomically.
///
/// Build one from Ranger data and call ``evaluate(_:)``, ``evaluateDataMask(_:)`` or
/// ``evaluateRowFilter(_:)``:
///
/// ```swift
/// let snapshot = try PolicySnapshot(serviceDef: hive, service: Service(name: "dev_hive"), policies: policies)
/// let result = snapshot.evaluate(AccessRequest(resource: AccessResource(["database": "sales"]),
///                                              accessType: "select", user: "alice", userGroups: ["analysts"]))
/// ```
public final class PolicySnapshot: Sendable {
    public let serviceDef: ServiceDef
    public let service: Service
    public let options: PolicyEngineOptions
    /// Number of enabled resource policies (all zones, all types).
    public let policyCount: Int
    let compiled: CompiledServiceDef
    let unzoned: RepositorySet
    let zones: [ZoneEntry]
    let tagEngine: TagEngine?
    let tagIndex: TagIndex?
    let roleIndex: RoleIndex
    let auditFilters: [AuditFilter]
    let tagAuditFilters: [AuditFilter]

    /// Builds a snapshot.
    ///
    /// - Parameters:
    ///   - serviceDef: the service definition of `service`.
    ///   - service: the service; its `configs` may hold super users, audit excludes and audit filters.
    ///   - policies: resource policies of all zones; `zoneName` assigns a policy to a zone.
    ///   - roles: role definitions, used for `roles` in policy items.
    ///   - zones: security zones; only their resources for `service.name` matter.
    ///   - tagServiceDef: the tag service definition, if the service has a tag service.
    ///   - tagPolicies: policies of the tag service.
    ///   - serviceTags: tags of the service's resources, used when a request brings no tags.
    ///   - tagServiceConfigs: `configs` of the tag service (audit filters of tag policies).
    ///   - options: plugin-side settings.
    public init(
        serviceDef: ServiceDef, service: Service, policies: [Policy], roles: [Role] = [], zones: [SecurityZone] = [],
        tagServiceDef: ServiceDef? = nil, tagPolicies: [Policy] = [], serviceTags: ServiceTags? = nil,
        tagServiceConfigs: [String: String] = [:], options: PolicyEngineOptions = PolicyEngineOptions()
    ) throws(PolicyError) {
        guard !serviceDef.resources.isEmpty else {
            throw PolicyError(code: .invalidServiceDef, message: "service definition `\(serviceDef.name)` has no resources")
        }
        let compiled = CompiledServiceDef(serviceDef)
        guard compiled.resourceNames.isComplete else {
            throw PolicyError(
                code: .invalidServiceDef,
                message:
                    "service definition `\(serviceDef.name)` has \(compiled.resourceNames.distinctCount) resources; at most \(ResourceNames.capacity) are supported"
            )
        }
        self.serviceDef = serviceDef
        self.service = service
        var opts = options
        opts.merge(serviceConfigs: service.configs)
        self.options = opts
        self.compiled = compiled
        let enabled = policies.filter { $0.isEnabled && $0.policyType != .audit }
        self.policyCount = enabled.count
        var byZone: [String: [PolicyEvaluator]] = [:]
        for p in enabled {
            byZone[p.zoneName ?? "", default: []].append(PolicyEvaluator(policy: p, serviceDef: compiled, scheduleZone: opts.scheduleTimeZone))
        }
        unzoned = RepositorySet(byZone[""] ?? [], serviceDef: compiled)
        var zoneEntries: [ZoneEntry] = []
        for z in zones.sorted(by: { $0.name < $1.name }) {
            guard let zs = z.services[service.name] else { continue }
            let matchers = zs.resources.map { spec -> PolicyResourceMatcher in
                var res: [String: PolicyResource] = [:]
                for (name, values) in spec {
                    let recursive = serviceDef.resources.first { $0.name == name }?.recursiveSupported ?? false
                    res[name] = PolicyResource(values: values, isRecursive: recursive)
                }
                return PolicyResourceMatcher(serviceDef: compiled, policyType: .access, resources: res)
            }
            let tagAssociated = service.tagService.map { z.tagServices.contains($0) } ?? false
            zoneEntries.append(
                ZoneEntry(
                    name: z.name, matchers: matchers, repositories: RepositorySet(byZone[z.name] ?? [], serviceDef: compiled),
                    hasAssociatedTagService: tagAssociated))
        }
        self.zones = zoneEntries
        if let tagServiceDef {
            let normalizedDef = Self.normalizeTagServiceDef(tagServiceDef, component: serviceDef.name)
            let tagCompiled = CompiledServiceDef(normalizedDef, forceDenyAndExceptions: true)
            var tagByZone: [String: [PolicyEvaluator]] = [:]
            for p in tagPolicies where p.isEnabled && p.policyType != .audit {
                guard let np = Self.normalizeTagPolicy(p, component: serviceDef.name) else { continue }
                tagByZone[np.zoneName ?? "", default: []].append(
                    PolicyEvaluator(policy: np, serviceDef: tagCompiled, scheduleZone: opts.scheduleTimeZone))
            }
            var repos: [String: RepositorySet] = [:]
            for (zone, evs) in tagByZone { repos[zone] = RepositorySet(evs, serviceDef: tagCompiled) }
            if repos[""] == nil { repos[""] = RepositorySet([], serviceDef: tagCompiled) }
            tagEngine = TagEngine(serviceDef: tagCompiled, repositories: repos)
        } else {
            tagEngine = nil
        }
        tagIndex = serviceTags.map { TagIndex($0, serviceDef: compiled, scheduleZone: opts.scheduleTimeZone) }
        roleIndex = RoleIndex(roles)
        auditFilters = AuditFilter.parse(service.configs["ranger.plugin.audit.filters"], serviceDef: compiled)
        tagAuditFilters = tagEngine.map { AuditFilter.parse(tagServiceConfigs["ranger.plugin.audit.filters"], serviceDef: $0.serviceDef) } ?? []
    }

    // MARK: - Tag service-def normalisation

    /// Tag access types are `<component>:<type>`; keep this component's, without the prefix.
    static func normalizeAccessType(_ name: String, component: String) -> String? {
        guard let colon = name.firstIndex(of: ":") else { return name }
        let prefix = name[name.startIndex..<colon]
        guard prefix == component else { return nil }
        return String(name[name.index(after: colon)...])
    }

    static func normalizeTagServiceDef(_ def: ServiceDef, component: String) -> ServiceDef {
        var d = def
        d.accessTypes = def.accessTypes.compactMap { a in
            guard let n = normalizeAccessType(a.name, component: component) else { return nil }
            var copy = a
            copy.name = n
            copy.impliedGrants = a.impliedGrants.compactMap { normalizeAccessType($0, component: component) }
            return copy
        }
        if var mask = d.dataMaskDef {
            mask.accessTypes = mask.accessTypes.compactMap { a in
                guard let n = normalizeAccessType(a.name, component: component) else { return nil }
                var copy = a
                copy.name = n
                return copy
            }
            mask.maskTypes = mask.maskTypes.compactMap { m in
                guard let n = normalizeAccessType(m.name, component: component) else { return nil }
                var copy = m
                copy.name = n
                return copy
            }
            d.dataMaskDef = mask
        }
        return d
    }

    static func normalizeTagPolicy(_ p: Policy, component: String) -> Policy? {
        var np = p
        func norm(_ items: [PolicyItem]) -> [PolicyItem] {
            items.compactMap { item in
                var copy = item
                copy.accesses = item.accesses.compactMap { a in
                    normalizeAccessType(a.type, component: component).map { PolicyItemAccess(type: $0, isAllowed: a.isAllowed) }
                }
                if var m = copy.dataMaskInfo, let t = m.dataMaskType {
                    m.dataMaskType = normalizeAccessType(t, component: component) ?? t
                    copy.dataMaskInfo = m
                }
                return copy.accesses.isEmpty && !item.accesses.isEmpty && !item.delegateAdmin ? nil : copy
            }
        }
        np.policyItems = norm(p.policyItems)
        np.denyPolicyItems = norm(p.denyPolicyItems)
        np.allowExceptions = norm(p.allowExceptions)
        np.denyExceptions = norm(p.denyExceptions)
        np.dataMaskPolicyItems = norm(p.dataMaskPolicyItems)
        np.rowFilterPolicyItems = norm(p.rowFilterPolicyItems)
        let empty =
            np.policyItems.isEmpty && np.denyPolicyItems.isEmpty && np.allowExceptions.isEmpty && np.denyExceptions.isEmpty
            && np.dataMaskPolicyItems.isEmpty && np.rowFilterPolicyItems.isEmpty
        if empty && !np.isAuditEnabled { return nil }
        return np
    }

    // MARK: - Public evaluation API

    /// Decides an access request (`RangerPolicyEngine.evaluatePolicies(request, ACCESS)` followed by
    /// audit-filter evaluation).
    ///
    /// - Parameter footprint: the request's ``ResourceFootprint`` for access policies (or one equal
    ///   to it), when the caller has it: the policies that apply are then not looked for again.
    public func evaluate(_ request: AccessRequest, footprint: ResourceFootprint? = nil) -> AccessResult {
        let state = EvalState()
        let ctx = prepare(request, state)
        var r = evaluateZones(ctx, .access, state, footprint: accepts(footprint, for: .access))
        applyAuditFilters(ctx, &r)
        return AccessResult(
            isAllowed: r.isAllowed, isAccessDetermined: r.isAccessDetermined, isAudited: r.isAuditedDetermined && r.isAudited,
            isAuditedDetermined: r.isAuditedDetermined, policyId: r.policyId, policyVersion: r.policyVersion,
            policyPriority: r.policyPriority, auditPolicyId: r.auditPolicyId, zoneName: r.zoneName, reason: r.reason,
            unsupportedFeatures: state.unsupported)
    }

    /// Finds the data mask for a column request (`evaluatePolicies(request, DATAMASK)`).
    ///
    /// - Parameter footprint: the request's footprint for data-mask policies, as for ``evaluate(_:footprint:)``.
    public func evaluateDataMask(_ request: AccessRequest, footprint: ResourceFootprint? = nil) -> DataMaskResult {
        let state = EvalState()
        let ctx = prepare(request, state)
        var r = evaluateZones(ctx, .dataMask, state, footprint: accepts(footprint, for: .dataMask))
        applyAuditFilters(ctx, &r)
        let transformer = r.maskType.flatMap { t in serviceDef.dataMaskDef?.maskTypes.first { $0.name == t }?.transformer }
        return DataMaskResult(
            maskType: r.maskType, maskedValue: r.maskedValue, maskCondition: r.maskCondition, transformer: transformer,
            policyId: r.policyId, policyVersion: r.policyVersion, isAudited: r.isAuditedDetermined && r.isAudited, zoneName: r.zoneName,
            unsupportedFeatures: state.unsupported)
    }

    /// Finds the row filter for a table request (`evaluatePolicies(request, ROWFILTER)`).
    ///
    /// - Parameter footprint: the request's footprint for row-filter policies, as for ``evaluate(_:footprint:)``.
    public func evaluateRowFilter(_ request: AccessRequest, footprint: ResourceFootprint? = nil) -> RowFilterResult {
        let state = EvalState()
        let ctx = prepare(request, state)
        var r = evaluateZones(ctx, .rowFilter, state, footprint: accepts(footprint, for: .rowFilter))
        applyAuditFilters(ctx, &r)
        return RowFilterResult(
            filterExpr: r.filterExpr, policyId: r.policyId, policyVersion: r.policyVersion,
            isAudited: r.isAuditedDetermined && r.isAudited, zoneName: r.zoneName, unsupportedFeatures: state.unsupported)
    }

    /// Names of the security zones a resource belongs to (`""` stands for "unzoned" when the
    /// resource is an ancestor of zoned resources).
    public func zoneNames(for resource: AccessResource) -> Set<String> {
        let state = EvalState()
        let ctx = prepare(AccessRequest(resource: resource, accessType: AccessRequest.anyAccess, user: ""), state)
        return resolveZones(ctx)
    }

    // MARK: - Internals

    func prepare(_ request: AccessRequest, _ state: EvalState) -> RequestContext {
        // One clock reading per evaluation: validity windows, tag periods and conditions all
        // judge the same instant.
        let accessTime = request.accessTime ?? Date()
        let prepared = PreparedResource(request.resource, scopes: request.resourceElementMatchingScopes, names: compiled.resourceNames)
        let roles = request.userRoles ?? roleIndex.roles(user: request.user, groups: request.userGroups)
        var tokens = TokenContext(user: request.user, owner: request.resource.ownerUser, context: request.context)
        tokens.userAttributes = request.userAttributes
        tokens.groups = request.userGroups
        tokens.roles = roles
        tokens.accessTime = accessTime
        var clientIP = request.remoteIPAddress ?? request.clientIPAddress
        if options.useForwardedIPAddress, let first = request.forwardedAddresses.first {
            if options.trustedProxyAddresses.isEmpty || (request.remoteIPAddress.map { options.trustedProxyAddresses.contains($0) } ?? false) {
                clientIP = first
            }
        }
        let isAnyFlag = request.context["ISANYACCESS"]?.lowercased() == "true"
        let types: [String]
        var groups: [[String]]? = request.allAccessTypeGroups?.map { $0.map { $0.lowercased() } }
        if let all = request.allAccessTypes, !all.isEmpty {
            types = all.map { $0.lowercased() }
        } else if request.isAccessTypeAny {
            types = compiled.accessTypes
            if !request.isDescendantDenyIgnored, groups == nil {
                groups = types.map { [$0] }
            }
        } else {
            types = [request.accessType.lowercased()]
        }
        var ctx = RequestContext(
            request: request, prepared: prepared, tokens: tokens, groups: request.userGroups, roles: roles, clientIP: clientIP,
            requestedTypes: types, typeGroups: groups, isAny: request.isAccessTypeAny, isAnyForMerge: request.isAccessTypeAny || isAnyFlag, tag: nil,
            allTags: [], accessTime: accessTime)
        if tagEngine != nil {
            let tags: [TagForEval]
            if let given = request.tags {
                tags = given
            } else if let idx = tagIndex {
                if idx.hasUnreadableValidity { state.unsupported.insert("tag-validity-periods") }
                tags = idx.tags(for: ctx)
            } else {
                tags = []
            }
            ctx = RequestContext(
                request: request, prepared: prepared, tokens: tokens, groups: ctx.groups, roles: roles, clientIP: clientIP,
                requestedTypes: types, typeGroups: groups, isAny: ctx.isAny, isAnyForMerge: ctx.isAnyForMerge, tag: nil, allTags: tags,
                accessTime: accessTime)
        }
        return ctx
    }

    func resolveZones(_ ctx: RequestContext) -> Set<String> {
        var names: Set<String> = []
        for z in zones {
            for m in z.matchers {
                let t = m.matchType(ctx.prepared, ctx.tokens)
                if t != .none {
                    names.insert(z.name)
                    if t == .descendant { names.insert("") }
                    break
                }
            }
        }
        return names
    }

    /// A `footprint` is only ever given without zones (``accepts(_:for:)``).
    func evaluateZones(_ ctx: RequestContext, _ type: Policy.PolicyType, _ state: EvalState, footprint: ResourceFootprint? = nil) -> WorkingResult {
        let names = zones.isEmpty ? [] : resolveZones(ctx)
        if names.isEmpty || (names.count > 1 && !ctx.isAny) {
            return evaluateRepository(ctx, type, zone: nil, state, footprint: footprint)
        }
        var last = WorkingResult()
        for name in names.sorted() {
            state.accessTypeResults = [:]
            last = evaluateRepository(ctx, type, zone: name.isEmpty ? nil : name, state)
            if last.isAllowed { break }
        }
        return last
    }

    func evaluateRepository(
        _ ctx: RequestContext, _ type: Policy.PolicyType, zone: String?, _ state: EvalState, footprint: ResourceFootprint? = nil
    ) -> WorkingResult {
        let zoneEntry = zone.flatMap { z in zones.first { $0.name == z } }
        let repo = (zoneEntry?.repositories ?? unzoned).repository(type)
        var result = WorkingResult()
        result.zoneName = zone
        switch options.auditMode {
        case .all: result.setAudited(true)
        case .none: result.setAudited(false)
        case .policyDefined:
            if repo.isEmpty && tagEngine == nil { result.setAudited(true) }
        }
        let request = ctx.request
        if options.auditExcludedUsers.contains(request.user) || !options.auditExcludedGroups.isDisjoint(with: ctx.groups)
            || !options.auditExcludedRoles.isDisjoint(with: ctx.roles)
        {
            result.setAudited(false)
        }
        if type == .access {
            let isSuper = options.superUsers.contains(request.user) || !options.superGroups.isDisjoint(with: ctx.groups)
            if request.accessType == AccessRequest.superUserAccess {
                if isSuper {
                    result.isAllowed = true
                    result.isAccessDetermined = true
                    result.policyPriority = Int.max
                } else {
                    result.setAllowed(false)
                }
            } else if isSuper {
                result.isAllowed = true
                result.isAccessDetermined = true
                result.policyPriority = Int.max
                result.reason = "superuser"
            }
        }
        guard !result.isAccessDetermined || !result.isAuditedDetermined else { return result }

        if let tagEngine, !ctx.allTags.isEmpty {
            let zoneKey = (zoneEntry?.hasAssociatedTagService ?? false) ? (zone ?? "") : ""
            if let tagRepos = tagEngine.repositories[zoneKey] {
                evaluateTagPolicies(ctx, type, tagRepos.repository(type), &result, state)
            }
        }

        // Resource policies are visited even after tags decided: a resource deny of equal or
        // higher priority overrides a tag allow, and they may still decide auditing.
        if !repo.isEmpty {
            let allowedByTags = result.isAccessDetermined && result.isAllowed
            let deniedByTags = result.isAccessDetermined && !result.isAllowed
            result.isAccessDetermined = false
            // One candidate policy whose resources match as `mt`; whether the search is over.
            func visit(_ ev: PolicyEvaluator, _ mt: MatchType) -> Bool {
                guard ctx.accepts(mt, isTagRequest: false) else { return false }
                if deniedByTags {
                    if result.policyPriority >= ev.priority { result.isAccessDetermined = true }
                } else if result.isAllowed {
                    if type == .access ? result.policyPriority > ev.priority : result.policyPriority >= ev.priority {
                        result.isAccessDetermined = true
                    }
                }
                evaluate(ev, type, ctx, mt, &result, state)
                if result.isAllowed && !ev.hasDeny { result.isAccessDetermined = true }
                return result.isAuditedDetermined && result.isAccessDetermined
            }
            if let footprint {
                // The same candidates in the same order, their match types already known.
                for entry in footprint.entries {
                    if !entry.features.isEmpty { state.unsupported.formUnion(entry.features) }
                    guard entry.matches, entry.evaluator.applies(to: ctx, state) else { continue }
                    if visit(entry.evaluator, entry.evaluator.matchType(entry.types, ctx, isTagRequest: false)) { break }
                }
            } else {
                // Candidates that name neither the user nor their groups or roles can only decide
                // auditing (``PrincipalIndex``): once it is decided, and while nothing is allowed
                // (an allow could still be made final by a later match) and no tag denied, they
                // are passed over without matching their resources. Without tags and match
                // features they are not even listed past the first few candidates
                // (``PolicyRepository/candidateRanks(_:prefix:for:)``), since in a large
                // deployment they are nearly all of them.
                let passes = options.passesOverInapplicablePolicies && type == .access
                var applicable: Bitset?  // read on first need
                var ranks: [Int32]?
                // Past this rank the candidates were narrowed to the request's principals.
                var narrowedAfter: Int32?
                if passes, !deniedByTags, !repo.anyHasMatchFeatures {
                    if let narrowed = repo.candidateRanks(ctx.prepared, prefix: options.candidatesBeforeNarrowing, for: ctx) {
                        ranks = narrowed.ranks
                        narrowedAfter = narrowed.narrowedAfter
                        applicable = narrowed.applicable
                    }
                } else {
                    ranks = repo.candidateRanks(ctx.prepared)
                }
                var count = ranks?.count ?? repo.evaluators.count
                var index = 0
                // The rank of the candidate taken last.
                var last: Int32 = -1
                while true {
                    // Past the kept prefix the list holds only the candidates that may apply to
                    // the request's principals. The ones left out are those the loop would pass
                    // over (auditing decided, nothing allowed); the moment that is not so, the
                    // rest of the candidates are every candidate after the last one taken.
                    if let boundary = narrowedAfter, index >= count || ranks.map({ $0[index] > boundary }) ?? false,
                        !result.isAuditedDetermined || result.isAllowed
                    {
                        narrowedAfter = nil
                        let after = max(boundary, last)
                        ranks = (repo.candidateRanks(ctx.prepared) ?? []).filter { $0 > after }
                        count = ranks?.count ?? 0
                        index = 0
                    }
                    guard index < count else { break }
                    let rank = ranks.map { Int($0[index]) } ?? index
                    last = Int32(rank)
                    index += 1
                    if passes, result.isAuditedDetermined, !result.isAllowed, !deniedByTags {
                        if applicable == nil { applicable = repo.principals.applicable(to: ctx) }
                        if applicable?.contains(rank) == false {
                            if repo.hasMatchFeatures[rank] { state.unsupported.formUnion(repo.evaluators[rank].matchFeatures) }
                            continue
                        }
                    }
                    let ev = repo.evaluators[rank]
                    if !ev.matchFeatures.isEmpty { state.unsupported.formUnion(ev.matchFeatures) }
                    guard ev.applies(to: ctx, state) else { continue }
                    if visit(ev, ev.matchType(ctx, isTagRequest: false)) { break }
                }
            }
            if !result.isAccessDetermined {
                if deniedByTags {
                    result.setAllowed(false)
                } else if allowedByTags {
                    result.isAllowed = true
                }
                if !result.isAllowed { result.setAllowed(false) }
            }
            if result.isAllowed { result.isAccessDetermined = true }
        }
        return result
    }

    private func evaluate(
        _ ev: PolicyEvaluator, _ type: Policy.PolicyType, _ ctx: RequestContext, _ mt: MatchType, _ result: inout WorkingResult, _ state: EvalState
    ) {
        switch type {
        case .dataMask:
            if !result.isAccessDetermined, result.isAllowed, ev.priority > result.policyPriority {
                // A strictly higher-priority mask replaces the current one (Ranger's per-access-type merge).
                var fresh = result
                fresh.isAllowed = false
                fresh.maskType = nil
                ev.evaluateDataMask(ctx, &fresh, state)
                if fresh.isAllowed {
                    result = fresh
                } else {
                    result.isAudited = fresh.isAudited
                    result.isAuditedDetermined = fresh.isAuditedDetermined
                }
            } else {
                ev.evaluateDataMask(ctx, &result, state)
            }
        case .rowFilter:
            if !result.isAccessDetermined, result.isAllowed, ev.priority > result.policyPriority {
                var fresh = result
                fresh.isAllowed = false
                fresh.filterExpr = nil
                ev.evaluateRowFilter(ctx, &fresh, state)
                if fresh.isAllowed {
                    result = fresh
                } else {
                    result.isAudited = fresh.isAudited
                    result.isAuditedDetermined = fresh.isAuditedDetermined
                }
            } else {
                ev.evaluateRowFilter(ctx, &result, state)
            }
        default:
            ev.evaluateAccess(ctx, matchType: mt, &result, state)
        }
    }

    private func evaluateTagPolicies(
        _ ctx: RequestContext, _ type: Policy.PolicyType, _ repo: PolicyRepository, _ result: inout WorkingResult, _ state: EvalState
    ) {
        guard let tagNames = tagEngine?.serviceDef.resourceNames else { return }
        var pairs: [(ev: PolicyEvaluator, tag: TagForEval, tagIndex: Int)] = []
        for (i, tag) in ctx.allTags.enumerated() {
            let tagResource = PreparedResource(value: tag.type, for: "tag", names: tagNames)
            let tokens = ctx.tokens
            for ev in repo.candidates(tagResource) where ev.applies(to: ctx, state) {
                let matched = ev.resourceMatchers.contains { m in
                    let t = m.matchType(tagResource, tokens)
                    return t == .selfMatch || t == .selfAndAllDescendants
                }
                if matched { pairs.append((ev, tag, i)) }
            }
        }
        switch type {
        case .dataMask:
            pairs.sort { a, b in
                if a.tag.matchType.tagOrder != b.tag.matchType.tagOrder { return a.tag.matchType.tagOrder < b.tag.matchType.tagOrder }
                if a.ev.name != b.ev.name { return a.ev.name < b.ev.name }
                return a.tagIndex < b.tagIndex
            }
        case .rowFilter:
            pairs.sort { a, b in a.ev.name != b.ev.name ? a.ev.name < b.ev.name : a.tagIndex < b.tagIndex }
        default:
            pairs.sort { a, b in
                if a.ev === b.ev { return a.tagIndex < b.tagIndex }
                if PolicyRepository.evalOrderPrecedes(a.ev, b.ev) { return true }
                if PolicyRepository.evalOrderPrecedes(b.ev, a.ev) { return false }
                return a.tagIndex < b.tagIndex
            }
        }
        for (ev, tag, _) in pairs {
            var tagCtx = ctx
            tagCtx.tag = tag
            let mt = tag.matchType
            var tagResult = WorkingResult()
            switch options.auditMode {
            case .all: tagResult.setAudited(true)
            case .none: tagResult.setAudited(false)
            case .policyDefined: break
            }
            // setAccessResultFrom / setAuditResultFrom(result)
            tagResult.isAllowed = result.isAllowed
            tagResult.isAccessDetermined = result.isAccessDetermined
            tagResult.policyId = result.policyId
            tagResult.policyVersion = result.policyVersion
            tagResult.policyPriority = result.policyPriority
            tagResult.reason = result.reason
            tagResult.maskType = result.maskType
            tagResult.maskCondition = result.maskCondition
            tagResult.maskedValue = result.maskedValue
            tagResult.filterExpr = result.filterExpr
            tagResult.isAudited = result.isAudited
            tagResult.isAuditedDetermined = result.isAuditedDetermined
            tagResult.auditPolicyId = result.auditPolicyId
            if tagCtx.accepts(mt, isTagRequest: true) {
                evaluate(ev, type, tagCtx, mt, &tagResult, state)
            }
            if tagResult.isAllowed && !ev.hasDeny { tagResult.isAccessDetermined = true }
            if tagResult.isAudited {
                result.isAudited = tagResult.isAudited
                result.isAuditedDetermined = tagResult.isAuditedDetermined
                result.auditPolicyId = tagResult.auditPolicyId
            }
            if !result.isAccessDetermined {
                if tagResult.isAccessDetermined || (!result.isAllowed && tagResult.isAllowed) {
                    result.isAllowed = tagResult.isAllowed
                    result.isAccessDetermined = tagResult.isAccessDetermined
                    result.policyId = tagResult.policyId
                    result.policyVersion = tagResult.policyVersion
                    result.policyPriority = tagResult.policyPriority
                    result.reason = tagResult.reason
                    result.maskType = tagResult.maskType
                    result.maskCondition = tagResult.maskCondition
                    result.maskedValue = tagResult.maskedValue
                    result.filterExpr = tagResult.filterExpr
                }
            }
            if result.isAuditedDetermined && result.isAccessDetermined { break }
        }
        if result.isAllowed { result.isAccessDetermined = true }
    }

    private func applyAuditFilters(_ ctx: RequestContext, _ r: inout WorkingResult) {
        guard !auditFilters.isEmpty || !tagAuditFilters.isEmpty else { return }
        // Tag-service filters first (once per tag), then the resource service's.
        if let tagNames = tagEngine?.serviceDef.resourceNames {
            for tag in ctx.allTags {
                let tagResource = PreparedResource(value: tag.type, for: "tag", names: tagNames)
                for f in tagAuditFilters where f.matches(ctx, resource: tagResource, result: r) {
                    r.setAudited(f.isAudited)
                    return
                }
            }
        }
        for f in auditFilters where f.matches(ctx, resource: ctx.prepared, result: r) {
            r.setAudited(f.isAudited)
            return
        }
    }
}
