// SPDX-License-Identifier: Apache-2.0

/// One policy item, prepared: principals as sets, accesses expanded with implied grants
/// (`RangerDefaultPolicyItemEvaluator`).
final class PolicyItemEvaluator: Sendable {
    static let userCurrent = "{USER}"
    static let userOwner = "{OWNER}"
    static let groupPublic = "public"

    let users: Set<String>
    let groups: Set<String>
    let roles: Set<String>
    let hasPublic: Bool
    let hasCurrentUser: Bool
    let hasOwner: Bool
    /// Allowed access types (lower-cased), including one level of implied grants.
    let accesses: Set<String>
    let delegateAdmin: Bool
    let conditions: [ConditionEvaluator]
    let evalOrder: Int
    let dataMaskInfo: DataMaskInfo?
    let rowFilterInfo: RowFilterInfo?
    /// `${{…}}` parts of the mask's value and condition and of the row filter, parsed once.
    let maskValueExpression: RequestExpression?
    let maskConditionExpression: RequestExpression?
    let filterExpression: RequestExpression?
    /// A `${{…}}` part did not parse, or the filter uses Ranger's `[[…]]` edits.
    let hasUnsupportedExpression: Bool

    init(item: PolicyItem, serviceDef: CompiledServiceDef) {
        users = Set(item.users)
        groups = Set(item.groups)
        roles = Set(item.roles)
        hasPublic = groups.contains(Self.groupPublic)
        hasCurrentUser = users.contains(Self.userCurrent)
        hasOwner = users.contains(Self.userOwner)
        var acc: Set<String> = []
        for a in item.accesses where a.isAllowed {
            let t = a.type.lowercased()
            acc.insert(t)
            if let implied = serviceDef.impliedGrants[t] { acc.formUnion(implied) }
        }
        accesses = acc
        delegateAdmin = item.delegateAdmin
        conditions = item.conditions.map { ConditionEvaluator(condition: $0, serviceDef: serviceDef) }
        dataMaskInfo = item.dataMaskInfo
        rowFilterInfo = item.rowFilterInfo
        maskValueExpression = item.dataMaskInfo?.valueExpr.flatMap(RequestExpression.init)
        maskConditionExpression = item.dataMaskInfo?.conditionExpr.flatMap(RequestExpression.init)
        filterExpression = item.rowFilterInfo?.filterExpr.flatMap(RequestExpression.init)
        hasUnsupportedExpression =
            RequestExpression.failedToParse(item.dataMaskInfo?.valueExpr, maskValueExpression)
            || RequestExpression.failedToParse(item.dataMaskInfo?.conditionExpr, maskConditionExpression)
            || RequestExpression.failedToParse(item.rowFilterInfo?.filterExpr, filterExpression)
            || (item.rowFilterInfo?.filterExpr ?? "").contains("[[")
        // Lower sorts first: items naming more principals, accesses and fewer conditions.
        let userScore = (hasPublic || hasCurrentUser) ? 100 : min(100, users.count + groups.count)
        let typeCount = max(1, serviceDef.accessTypes.count)
        let accessScore = Int((25.0 * Double(Set(item.accesses.map(\.type)).count) / Double(typeCount)).rounded())
        let condScore = max(0, 25 - 5 * item.conditions.count)
        evalOrder = 1000 - userScore - accessScore - condScore
    }

    func matchesUser(_ ctx: RequestContext) -> Bool {
        if hasPublic || hasCurrentUser { return true }
        if users.contains(ctx.request.user) { return true }
        if hasOwner, let owner = ctx.request.resource.ownerUser, owner == ctx.request.user { return true }
        if !groups.isEmpty, !groups.isDisjoint(with: ctx.groups) { return true }
        if !roles.isEmpty, !roles.isDisjoint(with: ctx.roles) { return true }
        return false
    }

    func matchesAccess(_ accessType: String) -> Bool {
        if accessType == AccessRequest.adminAccess { return delegateAdmin }
        return accesses.contains(accessType)
    }

    func conditionsPass(_ ctx: RequestContext, _ state: EvalState) -> Bool {
        for c in conditions where !c.evaluate(ctx.conditionInput, state) { return false }
        return true
    }

    func isMatch(_ ctx: RequestContext, accessType: String, _ state: EvalState) -> Bool {
        matchesUser(ctx) && matchesAccess(accessType) && conditionsPass(ctx, state)
    }
}
