// SPDX-License-Identifier: Apache-2.0

/// What deciding a request reads of its resource: the policies of one type that apply to it, in
/// evaluation order, and how each of their resource sets matches it.
///
/// Evaluation reads the resource only to find these policies and match types, so two requests
/// that differ only in their resource (and element matching scopes) are decided alike — allowed
/// or not, by the same policy, for the same reason, with the same mask or row filter and the same
/// unsupported features — when their footprints for that policy type are equal. Only auditing
/// may differ: audit filters match the resource itself. A caller deciding many resources for one
/// principal can decide once per footprint (the sync does, for every column of every table), and
/// pass the footprint to ``PolicySnapshot/evaluate(_:footprint:)`` to skip finding the policies again.
///
/// Footprints compare within one snapshot only.
public struct ResourceFootprint: Hashable, Sendable {
    /// One candidate policy, in evaluation order: how each of its resource sets matches, and the
    /// features matching it needs that Rampart lacks (reported whether or not it matches).
    struct Entry: Hashable, Sendable {
        let evaluator: PolicyEvaluator
        /// One per resource set (``Policy/resources``, then the additional ones).
        let types: [MatchType]
        let features: Set<String>
        /// Whether any resource set matches in some way.
        let matches: Bool

        static func == (a: Entry, b: Entry) -> Bool { a.evaluator === b.evaluator && a.types == b.types && a.features == b.features }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(evaluator))
            hasher.combine(types)
        }
    }

    let snapshot: ObjectIdentifier
    let type: Policy.PolicyType
    /// `{OWNER}` in a policy item matches the resource's owner.
    let owner: String?
    /// Candidates that match or report a feature; the others change nothing.
    let entries: [Entry]

    /// How many policies apply in some way.
    public var policyCount: Int { entries.filter(\.matches).count }
}

extension PolicySnapshot {
    /// The footprint of `request`'s resource for policies of `type`, or `nil` when a decision
    /// depends on the resource in other ways too: with security zones (chosen by resource), a tag
    /// service (tags are looked up by resource), or a candidate policy whose resource values hold
    /// tokens such as `{USER}` (matched per request).
    public func footprint(of request: AccessRequest, type: Policy.PolicyType) -> ResourceFootprint? {
        guard zones.isEmpty, tagEngine == nil else { return nil }
        let prepared = PreparedResource(request.resource, scopes: request.resourceElementMatchingScopes, names: compiled.resourceNames)
        // No token is read: a matcher that would read one makes the footprint `nil`.
        let tokens = TokenContext(user: nil, owner: nil, context: [:])
        var entries: [ResourceFootprint.Entry] = []
        for evaluator in unzoned.repository(type).candidates(prepared) {
            var types: [MatchType] = []
            types.reserveCapacity(evaluator.resourceMatchers.count)
            for matcher in evaluator.resourceMatchers {
                if matcher.needsDynamicEval { return nil }
                types.append(matcher.matchType(prepared, tokens))
            }
            let matches = types.contains { $0 != .none }
            if matches || !evaluator.matchFeatures.isEmpty {
                entries.append(ResourceFootprint.Entry(evaluator: evaluator, types: types, features: evaluator.matchFeatures, matches: matches))
            }
        }
        return ResourceFootprint(snapshot: ObjectIdentifier(self), type: type, owner: request.resource.ownerUser, entries: entries)
    }

    /// Whether `footprint` was found by this snapshot for policies of `type`.
    func accepts(_ footprint: ResourceFootprint?, for type: Policy.PolicyType) -> ResourceFootprint? {
        guard let footprint, footprint.snapshot == ObjectIdentifier(self), footprint.type == type, zones.isEmpty, tagEngine == nil else {
            return nil
        }
        return footprint
    }
}
