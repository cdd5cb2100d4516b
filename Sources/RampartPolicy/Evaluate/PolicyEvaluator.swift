// SPDX-License-Identifier: Apache-2.0

import Foundation

/// One policy, precomputed for evaluation (`RangerDefaultPolicyEvaluator` +
/// `RangerOptimizedPolicyEvaluator`).
final class PolicyEvaluator: Sendable {
    let policy: Policy
    let id: Int64
    let version: Int64?
    let name: String
    let type: Policy.PolicyType
    let priority: Int
    let isAuditEnabled: Bool
    let isDenyAllElse: Bool
    let resourceMatchers: [PolicyResourceMatcher]
    let conditions: [ConditionEvaluator]
    let allowItems: [PolicyItemEvaluator]
    let denyItems: [PolicyItemEvaluator]
    let allowExceptions: [PolicyItemEvaluator]
    let denyExceptions: [PolicyItemEvaluator]
    let maskItems: [PolicyItemEvaluator]
    let rowFilterItems: [PolicyItemEvaluator]
    let evalOrder: Int
    /// Has deny items or is deny-all-else: a later allow cannot be taken as final.
    let hasDeny: Bool
    let unsupportedFeatures: Set<String>
    /// Features needed just to match the policy's resources (reported even when it does not match).
    let matchFeatures: Set<String>
    /// When the policy applies; `nil`: always.
    let validity: ValidityWindow?

    init(policy: Policy, serviceDef: CompiledServiceDef, scheduleZone: TimeZone) {
        self.policy = policy
        id = policy.id ?? -1
        version = policy.version
        name = policy.name
        type = policy.policyType
        priority = policy.policyPriority
        isAuditEnabled = policy.isAuditEnabled
        isDenyAllElse = policy.isDenyAllElse && policy.policyType == .access
        var sets = [policy.resources]
        sets.append(contentsOf: policy.additionalResources)
        resourceMatchers = sets.map { PolicyResourceMatcher(serviceDef: serviceDef, policyType: policy.policyType, resources: $0) }
        conditions = policy.conditions.map { ConditionEvaluator(condition: $0, serviceDef: serviceDef) }
        func items(_ list: [PolicyItem], sorted: Bool) -> [PolicyItemEvaluator] {
            let evs = list.map { PolicyItemEvaluator(item: $0, serviceDef: serviceDef) }
            guard sorted else { return evs }
            return evs.enumerated().sorted { ($0.element.evalOrder, $0.offset) < ($1.element.evalOrder, $1.offset) }.map(\.element)
        }
        allowItems = items(policy.policyItems, sorted: true)
        if serviceDef.enableDenyAndExceptions {
            denyItems = items(policy.denyPolicyItems, sorted: true)
            allowExceptions = items(policy.allowExceptions, sorted: true)
            denyExceptions = items(policy.denyExceptions, sorted: true)
        } else {
            denyItems = []
            allowExceptions = []
            denyExceptions = []
        }
        maskItems = items(policy.dataMaskPolicyItems, sorted: false)
        rowFilterItems = items(policy.rowFilterPolicyItems, sorted: false)
        hasDeny = !denyItems.isEmpty || isDenyAllElse
        let matchFeatures = resourceMatchers.reduce(into: Set<String>()) { $0.formUnion($1.unsupportedFeatures) }
        self.matchFeatures = matchFeatures
        validity = ValidityWindow(policy.validitySchedules, canDeny: hasDeny, defaultZone: scheduleZone)
        var unsupported = matchFeatures
        if validity?.hasUnreadableRecurrence == true { unsupported.insert("validity-schedules") }
        unsupportedFeatures = unsupported
        evalOrder = Self.computeEvalOrder(policy, serviceDef: serviceDef, dynamic: resourceMatchers.contains { $0.needsDynamicEval })
    }

    /// Ranger's eval-order score; lower is evaluated earlier among equal priorities.
    private static func computeEvalOrder(_ p: Policy, serviceDef: CompiledServiceDef, dynamic: Bool) -> Int {
        var score = 10000
        if dynamic { score += 20 }
        var resScore = 0
        for (_, r) in p.resources {
            if r.values.contains(where: { $0.isEmpty || $0 == "*" }) {
                resScore += 25
            } else if r.values.contains(where: { $0.contains("*") }) {
                resScore += 10
            } else if r.values.contains(where: { $0.contains("?") }) {
                resScore += 5
            }
            if r.isExcludes { resScore += 5 }
            if r.isRecursive { resScore += 5 }
        }
        score -= min(100, resScore)
        let allItems = p.policyItems + p.denyPolicyItems + p.allowExceptions + p.denyExceptions + p.dataMaskPolicyItems + p.rowFilterPolicyItems
        var users: Set<String> = []
        var groups: Set<String> = []
        var accessTypes: Set<String> = []
        var conditionCount = p.conditions.count
        for item in allItems {
            users.formUnion(item.users)
            groups.formUnion(item.groups)
            for a in item.accesses where a.isAllowed { accessTypes.insert(a.type) }
            conditionCount += item.conditions.count
        }
        if groups.contains(PolicyItemEvaluator.groupPublic) || users.contains(PolicyItemEvaluator.userCurrent) || p.isDenyAllElse {
            score -= 25
        } else {
            score -= min(25, users.count + groups.count)
        }
        let typeCount = max(1, serviceDef.accessTypes.count)
        score -= Int((25.0 * Double(accessTypes.count) / Double(typeCount)).rounded())
        score -= max(0, 25 - 5 * conditionCount)
        return score
    }

    /// The best match type over all resource sets of the policy.
    func matchType(_ ctx: RequestContext, isTagRequest: Bool) -> MatchType {
        var best: MatchType = .none
        for m in resourceMatchers {
            let t = m.matchType(ctx.prepared, ctx.tokens)
            if ctx.accepts(t, isTagRequest: isTagRequest) { return t }
            if best == .none { best = t }
        }
        return best
    }

    /// ``matchType(_:isTagRequest:)`` from match types already found, one per resource set.
    func matchType(_ types: [MatchType], _ ctx: RequestContext, isTagRequest: Bool) -> MatchType {
        var best: MatchType = .none
        for t in types {
            if ctx.accepts(t, isTagRequest: isTagRequest) { return t }
            if best == .none { best = t }
        }
        return best
    }

    func conditionsPass(_ ctx: RequestContext, _ state: EvalState) -> Bool {
        for c in conditions where !c.evaluate(ctx.conditionInput, state) { return false }
        return true
    }

    /// Evaluates an access policy for a request whose match type is already known to apply.
    func evaluateAccess(_ ctx: RequestContext, matchType: MatchType, _ result: inout WorkingResult, _ state: EvalState) {
        state.unsupported.formUnion(unsupportedFeatures)
        guard conditionsPass(ctx, state) else { return }
        if !result.isAuditedDetermined, isAuditEnabled {
            result.setAudited(true)
            result.auditPolicyId = id
        }
        if !result.isAccessDetermined {
            evaluateItems(ctx, matchType, &result, state)
        }
    }

    /// Whether one of `items` matches and none of `exceptions` does.
    private func hasMatchingItem(
        _ ctx: RequestContext, _ accessType: String, _ items: [PolicyItemEvaluator], _ exceptions: [PolicyItemEvaluator], _ state: EvalState
    ) -> Bool {
        guard items.contains(where: { $0.isMatch(ctx, accessType: accessType, state) }) else { return false }
        return !exceptions.contains { $0.isMatch(ctx, accessType: accessType, state) }
    }

    private func evaluateItems(_ ctx: RequestContext, _ matchType: MatchType, _ result: inout WorkingResult, _ state: EvalState) {
        let descendantDenyIgnored = matchType == .descendant && ctx.ignoresDescendantDeny
        for accessType in ctx.requestedTypes {
            var outcome: TypeResult? = nil
            if hasMatchingItem(ctx, accessType, denyItems, denyExceptions, state) {
                if !descendantDenyIgnored {
                    outcome = TypeResult(
                        isAllowed: false, isDetermined: true, policyId: id, policyVersion: version, priority: priority, reason: "matched deny item")
                }
            } else if hasMatchingItem(ctx, accessType, allowItems, allowExceptions, state) {
                outcome = TypeResult(
                    isAllowed: true, isDetermined: false, policyId: id, policyVersion: version, priority: priority, reason: "matched allow item")
            } else if isDenyAllElse {
                if !descendantDenyIgnored {
                    outcome = TypeResult(
                        isAllowed: false, isDetermined: true, policyId: id, policyVersion: version, priority: priority,
                        reason: "matched deny-all-else policy")
                }
            }
            guard let outcome else { continue }
            if let old = state.accessTypeResults[accessType] {
                if old.isAllowed {
                    if !outcome.isAllowed {
                        if priority >= old.priority { state.accessTypeResults[accessType] = outcome }
                    } else if priority > old.priority {
                        state.accessTypeResults[accessType] = outcome
                    }
                } else {
                    if priority >= old.priority && outcome.isAllowed && ctx.isAnyForMerge {
                        state.accessTypeResults[accessType] = outcome
                    } else if priority > old.priority {
                        state.accessTypeResults[accessType] = outcome
                    }
                }
            } else {
                state.accessTypeResults[accessType] = outcome
            }
            if ctx.isAnyForMerge {
                if ctx.ignoresDescendantDeny && outcome.isAllowed { break }
                if !ctx.ignoresDescendantDeny && !outcome.isAllowed { break }
            }
        }
        if let composite = Self.composite(ctx, state) {
            result.apply(composite)
        }
    }

    private static func derive(_ types: [String], _ state: EvalState) -> TypeResult? {
        var determined = true
        var denied = false
        var deniedResult: TypeResult? = nil
        for t in types {
            if let r = state.accessTypeResults[t] {
                if r.isAllowed { return r }
                denied = true
                if deniedResult == nil { deniedResult = r }
            } else {
                determined = false
            }
        }
        return determined && denied ? deniedResult : nil
    }

    /// Combines per-access-type outcomes (`getCompositeAccessResult`).
    static func composite(_ ctx: RequestContext, _ state: EvalState) -> TypeResult? {
        guard let groups = ctx.typeGroups, !groups.isEmpty else {
            return derive(ctx.requestedTypes, state)
        }
        var determined = true
        var allowed = false
        var allowResult: TypeResult? = nil
        for g in groups {
            if let r = derive(g, state) {
                if !r.isAllowed { return r }
                allowed = true
                if allowResult == nil { allowResult = r }
            } else {
                determined = false
            }
        }
        return determined && allowed ? allowResult : nil
    }

    /// Evaluates a data-mask policy: the first matching item (in JSON order) masks.
    func evaluateDataMask(_ ctx: RequestContext, _ result: inout WorkingResult, _ state: EvalState) {
        state.unsupported.formUnion(unsupportedFeatures)
        guard conditionsPass(ctx, state) else { return }
        if !result.isAuditedDetermined, isAuditEnabled {
            result.setAudited(true)
            result.auditPolicyId = id
        }
        guard !result.isAccessDetermined else { return }
        for item in maskItems where item.matchesUser(ctx) && ctx.requestedTypes.contains(where: item.matchesAccess) && item.conditionsPass(ctx, state)
        {
            if item.hasUnsupportedExpression { state.unsupported.insert("request-expressions") }
            if result.maskType == nil, let info = item.dataMaskInfo {
                let condition = Self.place(info.conditionExpr, item.maskConditionExpression, ctx)
                let value = Self.place(info.valueExpr, item.maskValueExpression, ctx)
                if condition.placed && value.placed {
                    result.maskType = info.dataMaskType
                    result.maskCondition = condition.text
                    result.maskedValue = value.text
                } else {
                    result.maskType = Self.strictestMask
                }
                setAllowed(&result)
            }
            return
        }
    }

    /// Evaluates a row-filter policy: the first matching item filters, unless its filter is null.
    func evaluateRowFilter(_ ctx: RequestContext, _ result: inout WorkingResult, _ state: EvalState) {
        state.unsupported.formUnion(unsupportedFeatures)
        guard conditionsPass(ctx, state) else { return }
        if !result.isAuditedDetermined, isAuditEnabled {
            result.setAudited(true)
            result.auditPolicyId = id
        }
        guard !result.isAccessDetermined else { return }
        for item in rowFilterItems
        where item.matchesUser(ctx) && ctx.requestedTypes.contains(where: item.matchesAccess) && item.conditionsPass(ctx, state) {
            if item.hasUnsupportedExpression { state.unsupported.insert("request-expressions") }
            if result.filterExpr == nil, let expr = item.rowFilterInfo?.filterExpr {
                let filter = Self.place(expr, item.filterExpression, ctx)
                result.filterExpr = filter.placed ? filter.text : Self.noRows
                setAllowed(&result)
            }
            return
        }
    }

    /// The mask a mask takes when its expressions cannot be placed: the value hidden.
    static let strictestMask = "MASK_NULL"
    /// The filter a row filter takes when its expressions cannot be placed: no row passes.
    static let noRows = "1 = 0"

    /// A mask or filter text with its `${{…}}` parts replaced for the request; `placed` is false
    /// when one has no value for the request or a value that cannot be placed safely
    /// (``RequestExpression/sqlValue(_:inLiteral:)``). The caller then takes the strictest answer
    /// rather than Ranger's empty or `null` value, with which a filter such as
    /// `dept = '${{USER.dept}}'` would let the rows of an empty department through.
    static func place(_ text: String?, _ expression: RequestExpression?, _ ctx: RequestContext) -> (text: String?, placed: Bool) {
        guard text != nil, let expression else { return (text, true) }
        guard let expanded = expression.expand(ctx.conditionInput.script, placing: .sql) else { return (nil, false) }
        return (expanded, true)
    }

    private func setAllowed(_ result: inout WorkingResult) {
        if !result.isAllowed {
            result.isAllowed = true
            result.policyId = id
            result.policyVersion = version
            result.policyPriority = priority
        }
    }

    /// Whether the policy applies at the request's access time (its ``validity``); one outside
    /// its window is skipped entirely. A window with a recurrence that cannot be read is reported
    /// in `state` whichever way it answers.
    func applies(to ctx: RequestContext, _ state: EvalState) -> Bool {
        guard let validity else { return true }
        if validity.hasUnreadableRecurrence { state.unsupported.insert("validity-schedules") }
        return validity.contains(ctx.accessTime)
    }
}
