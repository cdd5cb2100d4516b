// SPDX-License-Identifier: Apache-2.0

/// Which roles users and groups are in, including roles that contain other roles
/// (`RangerRolesUtil`).
package struct RoleIndex: Sendable {
    /// The group every user is in.
    package static let publicGroup = PolicyItemEvaluator.groupPublic

    let userRoles: [String: Set<String>]
    let groupRoles: [String: Set<String>]

    package init(_ roles: [Role]) {
        var directUser: [String: Set<String>] = [:]
        var directGroup: [String: Set<String>] = [:]
        var parents: [String: Set<String>] = [:]  // role → roles that list it as a member
        for r in roles {
            for u in r.users { directUser[u.name, default: []].insert(r.name) }
            for g in r.groups { directGroup[g.name, default: []].insert(r.name) }
            for m in r.roles { parents[m.name, default: []].insert(r.name) }
        }
        func close(_ s: Set<String>) -> Set<String> {
            var out = s
            var work = Array(s)
            while let r = work.popLast() {
                for p in parents[r] ?? [] where !out.contains(p) {
                    out.insert(p)
                    work.append(p)
                }
            }
            return out
        }
        userRoles = directUser.mapValues(close)
        groupRoles = directGroup.mapValues(close)
    }

    /// The roles `user` is in, directly, through `groups` or `public`, or through nested roles.
    package func roles(user: String, groups: Set<String>) -> Set<String> {
        // Most services define no roles: skip hashing the user and every group.
        if userRoles.isEmpty && groupRoles.isEmpty { return [] }
        var out = userRoles[user] ?? []
        for g in groups { out.formUnion(groupRoles[g] ?? []) }
        out.formUnion(groupRoles[PolicyItemEvaluator.groupPublic] ?? [])
        return out
    }
}
