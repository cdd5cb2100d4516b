// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Who the policies name for an access on a resource (Ranger's `RangerResourceAccessInfo`): the
/// users and groups an allow item grants it to and a deny item refuses it to, as an access review
/// or a "who can read this table?" page shows them.
public struct ResourceAccessInfo: Sendable, Hashable {
    /// Users an allow item names for the access, less exceptions and the denied.
    public var allowedUsers: Set<String> = []
    /// Groups an allow item names for the access, less exceptions and the denied.
    public var allowedGroups: Set<String> = []
    /// Users a deny item names for the access, less deny exceptions.
    public var deniedUsers: Set<String> = []
    /// Groups a deny item names for the access, less deny exceptions.
    public var deniedGroups: Set<String> = []

    public init() {}
}

extension PolicySnapshot {
    /// The users and groups the policies over `request.resource` name for `request.accessType`
    /// (every access type for `""` or `_any`), as Ranger's `getResourceAccessInfo` lists them.
    ///
    /// Each policy whose resources match, or lie below the resource, contributes its allow items'
    /// users and groups less its allow exceptions'; a policy that matches the resource itself or
    /// an ancestor also contributes its deny items' less its deny exceptions'. The denied are then
    /// taken out of the allowed. Names are listed as written: conditions, `public` and `{USER}` are
    /// not resolved, and a policy outside its validity schedule at the access time is left out.
    public func resourceAccessInfo(_ request: AccessRequest) -> ResourceAccessInfo {
        let state = EvalState()
        let ctx = prepare(request, state)
        let names = zones.isEmpty ? [] : resolveZones(ctx)
        let repositories =
            names.isEmpty
            ? [unzoned.repository(.access)]
            : names.sorted().map { name in (zones.first { $0.name == name }?.repositories ?? unzoned).repository(.access) }
        var info = ResourceAccessInfo()
        for repository in repositories {
            for policy in repository.candidates(ctx.prepared) where policy.applies(to: ctx, state) {
                let match = policy.matchType(ctx, isTagRequest: false)
                guard match != .none else { continue }
                let (allowedUsers, allowedGroups) = Self.principals(policy.allowItems, less: policy.allowExceptions, for: ctx.requestedTypes)
                info.allowedUsers.formUnion(allowedUsers)
                info.allowedGroups.formUnion(allowedGroups)
                guard match != .descendant else { continue }
                let (deniedUsers, deniedGroups) = Self.principals(policy.denyItems, less: policy.denyExceptions, for: ctx.requestedTypes)
                info.deniedUsers.formUnion(deniedUsers)
                info.deniedGroups.formUnion(deniedGroups)
            }
        }
        info.allowedUsers.subtract(info.deniedUsers)
        info.allowedGroups.subtract(info.deniedGroups)
        return info
    }

    /// The users and groups of the items granting one of `types`, less those of the exceptions.
    private static func principals(
        _ items: [PolicyItemEvaluator], less exceptions: [PolicyItemEvaluator], for types: [String]
    ) -> (users: Set<String>, groups: Set<String>) {
        func named(_ items: [PolicyItemEvaluator]) -> (Set<String>, Set<String>) {
            var users: Set<String> = []
            var groups: Set<String> = []
            for item in items where types.contains(where: item.matchesAccess) {
                users.formUnion(item.users)
                groups.formUnion(item.groups)
            }
            return (users, groups)
        }
        let (users, groups) = named(items)
        guard !exceptions.isEmpty, !users.isEmpty || !groups.isEmpty else { return (users, groups) }
        let (exceptUsers, exceptGroups) = named(exceptions)
        return (users.subtracting(exceptUsers), groups.subtracting(exceptGroups))
    }
}
