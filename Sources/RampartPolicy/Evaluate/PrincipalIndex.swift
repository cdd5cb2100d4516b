// SPDX-License-Identifier: Apache-2.0

/// A repository's policies by the principals their items name, so a request can tell the
/// candidates that may apply to its user from those that cannot.
///
/// In a large deployment a request's resource matches many policies (a hundred or more when
/// database-level wildcards are common), and nearly all of them name other users and groups.
/// Such a policy can still decide auditing, and nothing else: none of its items matches the
/// user, so it adds no allow and no deny. The evaluation loop skips it once auditing is decided
/// and nothing has been allowed yet (see ``PolicySnapshot``), without matching its resources.
///
/// A policy "may apply to everyone" (and is never skipped) when an item names `public`, `{USER}`
/// or `{OWNER}`, when it is deny-all-else, when it has policy-level conditions (evaluated
/// before any item), or when it needs a feature this engine reports as unsupported.
struct PrincipalIndex: Sendable {
    private let byUser: [String: [Int32]]
    private let byGroup: [String: [Int32]]
    private let byRole: [String: [Int32]]
    /// Ranks of the policies that may apply to everyone.
    private let everyone: [Int32]
    private let count: Int

    /// Indexes `evaluators` by their rank (their index in the list).
    init(_ evaluators: [PolicyEvaluator]) {
        var byUser: [String: [Int32]] = [:]
        var byGroup: [String: [Int32]] = [:]
        var byRole: [String: [Int32]] = [:]
        var everyone: [Int32] = []
        for (rank, ev) in evaluators.enumerated() {
            let rank = Int32(rank)
            let items = ev.allowItems + ev.denyItems + ev.allowExceptions + ev.denyExceptions + ev.maskItems + ev.rowFilterItems
            let forEveryone =
                ev.isDenyAllElse || !ev.conditions.isEmpty || !ev.unsupportedFeatures.isEmpty
                || items.contains { $0.hasPublic || $0.hasCurrentUser || $0.hasOwner }
            if forEveryone {
                everyone.append(rank)
                continue
            }
            var users: Set<String> = []
            var groups: Set<String> = []
            var roles: Set<String> = []
            for item in items {
                users.formUnion(item.users)
                groups.formUnion(item.groups)
                roles.formUnion(item.roles)
            }
            for user in users { byUser[user, default: []].append(rank) }
            for group in groups { byGroup[group, default: []].append(rank) }
            for role in roles { byRole[role, default: []].append(rank) }
        }
        self.byUser = byUser
        self.byGroup = byGroup
        self.byRole = byRole
        self.everyone = everyone
        count = evaluators.count
    }

    /// The ranks of the policies that may apply to the request's user, groups and roles.
    func applicable(to ctx: RequestContext) -> Bitset {
        applicable(to: ctx, atMost: .max) ?? Bitset(count: count)
    }

    /// ``applicable(to:)``, or `nil` when the principals' lists hold more than `limit` ranks:
    /// a caller that only wants the set to save work it would otherwise do on `limit` ranks
    /// is better off without it then.
    ///
    /// Runs once per decision: the words are written through one buffer pointer, not with a
    /// checked insert per rank.
    func applicable(to ctx: RequestContext, atMost limit: Int) -> Bitset? {
        var lists: [[Int32]] = [everyone]
        var total = everyone.count
        func add(_ ranks: [Int32]?) {
            guard let ranks else { return }
            lists.append(ranks)
            total += ranks.count
        }
        add(byUser[ctx.request.user])
        for group in ctx.groups { add(byGroup[group]) }
        for role in ctx.roles { add(byRole[role]) }
        guard total <= limit else { return nil }
        var bits = Bitset(count: count)
        bits.words.withUnsafeMutableBufferPointer { words in
            for ranks in lists {
                for rank in ranks { words[Int(rank) >> 6] |= 1 << UInt64(Int(rank) & 63) }
            }
        }
        return bits
    }
}
