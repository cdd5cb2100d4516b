// SPDX-License-Identifier: Apache-2.0

/// One entry of `ranger.plugin.audit.filters` (`AuditFilter`): when it matches a decided request,
/// it overrides whether the request is audited. Empty criteria match anything.
struct AuditFilter: Sendable {
    enum AccessResultCriterion: Sendable {
        case denied, allowed, notDetermined
    }

    let accessResult: AccessResultCriterion?
    let resources: PolicyResourceMatcher?
    let users: Set<String>
    let groups: Set<String>
    let roles: Set<String>
    let actions: Set<String>
    let accessTypes: Set<String>
    let isAudited: Bool

    /// Parses the (single-quoted) JSON list Ranger keeps in the service config; bad input yields no filters.
    static func parse(_ text: String?, serviceDef: CompiledServiceDef) -> [AuditFilter] {
        guard let text, !text.isEmpty, let v = try? LenientJSON.parse(text), let list = v.arrayValue else { return [] }
        return list.compactMap { f in
            guard case .object(let o) = f else { return nil }
            func strings(_ k: String) -> Set<String> { Set((o[k]?.arrayValue ?? []).compactMap(\.stringValue)) }
            var res: PolicyResourceMatcher? = nil
            if case .object(let r)? = o["resources"], !r.isEmpty {
                var map: [String: PolicyResource] = [:]
                for (name, spec) in r {
                    map[name] = PolicyResource(
                        values: (spec["values"]?.arrayValue ?? []).compactMap(\.stringValue),
                        isExcludes: spec["isExcludes"]?.boolValue ?? false, isRecursive: spec["isRecursive"]?.boolValue ?? false)
                }
                res = PolicyResourceMatcher(serviceDef: serviceDef, policyType: .access, resources: map)
            }
            let ar: AccessResultCriterion?
            switch o["accessResult"]?.stringValue?.uppercased() {
            case "DENIED": ar = .denied
            case "ALLOWED": ar = .allowed
            case "NOT_DETERMINED": ar = .notDetermined
            default: ar = nil
            }
            return AuditFilter(
                accessResult: ar, resources: res, users: strings("users"), groups: strings("groups"), roles: strings("roles"),
                actions: strings("actions"), accessTypes: Set(strings("accessTypes").map { $0.lowercased() }),
                isAudited: o["isAudited"]?.boolValue ?? false)
        }
    }

    func matches(_ ctx: RequestContext, resource: PreparedResource, result: WorkingResult) -> Bool {
        if let ar = accessResult {
            switch ar {
            case .denied: if result.isAllowed || !result.isAccessDetermined { return false }
            case .allowed: if !result.isAllowed { return false }
            case .notDetermined: if result.isAccessDetermined { return false }
            }
        }
        if let m = resources {
            let t = m.matchType(resource, ctx.tokens)
            if !ctx.accepts(t, isTagRequest: false) { return false }
        }
        if !users.isEmpty || !groups.isEmpty || !roles.isEmpty {
            let userMatch =
                users.contains(ctx.request.user) || users.contains(PolicyItemEvaluator.userCurrent)
                || groups.contains(PolicyItemEvaluator.groupPublic) || !groups.isDisjoint(with: ctx.groups) || !roles.isDisjoint(with: ctx.roles)
            if !userMatch { return false }
        }
        // Actions and access types are alternatives: either one matching is enough.
        if !actions.isEmpty || !accessTypes.isEmpty {
            let actionMatch = !actions.isEmpty && ctx.request.action.map { actions.contains($0) } == true
            let typeMatch = !accessTypes.isEmpty && ctx.requestedTypes.contains(where: { accessTypes.contains($0) })
            if !actionMatch && !typeMatch { return false }
        }
        return true
    }
}
