// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Everything derived from a request once, before policies are visited (Ranger's
/// `RangerDefaultRequestProcessor.preProcess`).
struct RequestContext {
    let request: AccessRequest
    let prepared: PreparedResource
    let tokens: TokenContext
    let groups: Set<String>
    let roles: Set<String>
    let clientIP: String?
    /// Concrete access types to evaluate (lower-cased), e.g. all service types for `_any`.
    let requestedTypes: [String]
    let typeGroups: [[String]]?
    /// The request asks for any access (`_any` or empty access type).
    let isAny: Bool
    /// `_any`, or the context flag `ISANYACCESS` (used when merging per-access-type outcomes).
    let isAnyForMerge: Bool
    /// For tag policies: the tag being evaluated.
    var tag: TagForEval?
    let allTags: [TagForEval]
    /// The instant the request is judged at: its own, or the clock read once when prepared.
    let accessTime: Date

    var conditionInput: ConditionInput {
        ConditionInput(request: request, clientIP: clientIP, tag: tag, allTags: allTags, groups: groups, roles: roles, accessTime: accessTime)
    }

    var ignoresDescendantDeny: Bool { request.isDescendantDenyIgnored }

    /// Whether a policy whose resources relate to the request by `matchType` applies.
    func accepts(_ matchType: MatchType, isTagRequest: Bool) -> Bool {
        switch matchType {
        case .selfMatch, .selfAndAllDescendants: return true
        case .descendant: return isAny || request.resourceMatchingScope == .selfOrDescendants
        case .ancestor: return isTagRequest
        case .none: return false
        }
    }
}
