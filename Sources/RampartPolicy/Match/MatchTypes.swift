// SPDX-License-Identifier: Apache-2.0

/// How a policy's resources relate to a requested resource
/// (`RangerPolicyResourceMatcher.MatchType`).
public enum MatchType: Sendable, Hashable {
    /// No match.
    case none
    /// The policy covers exactly the requested resource.
    case selfMatch
    /// The policy covers the requested resource and, with match-any lower levels, all of its descendants.
    case selfAndAllDescendants
    /// The policy is on an ancestor of the requested resource (fewer levels).
    case ancestor
    /// The policy is on a descendant of the requested resource (more levels).
    case descendant

    /// Ranger's enum constant name.
    public var rangerName: String {
        switch self {
        case .none: "NONE"
        case .selfMatch: "SELF"
        case .selfAndAllDescendants: "SELF_AND_ALL_DESCENDANTS"
        case .ancestor: "ANCESTOR"
        case .descendant: "DESCENDANT"
        }
    }

    /// Parses Ranger's enum constant name.
    public init?(rangerName: String) {
        switch rangerName.uppercased() {
        case "NONE": self = .none
        case "SELF": self = .selfMatch
        case "SELF_AND_ALL_DESCENDANTS": self = .selfAndAllDescendants
        case "ANCESTOR": self = .ancestor
        case "DESCENDANT": self = .descendant
        default: return nil
        }
    }

    /// Tag evaluation order of match types (SELF < SELF_AND_ALL_DESCENDANTS < ANCESTOR < DESCENDANT).
    var tagOrder: Int {
        switch self {
        case .selfMatch: 0
        case .selfAndAllDescendants: 1
        case .ancestor: 2
        case .descendant: 3
        case .none: 4
        }
    }
}

/// Which match types a caller accepts (`RangerPolicyResourceMatcher.MatchScope`).
public enum MatchScope: Sendable, Hashable {
    case selfScope
    case ancestor
    case descendant
    case selfOrAncestor
    case selfOrDescendant
    /// Any match type other than ``MatchType/none``.
    case any

    /// Whether `type` is accepted by this scope.
    public func accepts(_ type: MatchType) -> Bool {
        switch self {
        case .selfScope: type == .selfMatch || type == .selfAndAllDescendants
        case .ancestor: type == .ancestor
        case .descendant: type == .descendant
        case .selfOrAncestor: type == .selfMatch || type == .selfAndAllDescendants || type == .ancestor
        case .selfOrDescendant: type == .selfMatch || type == .selfAndAllDescendants || type == .descendant
        case .any: type != .none
        }
    }
}

/// How one requested resource element may match (`ResourceElementMatchingScope`).
public enum ElementMatchingScope: Sendable, Hashable {
    /// The value itself must match.
    case selfScope
    /// Also match when the requested value is the parent of a policy value (path resources).
    case selfOrChild
    /// Also match when the requested value is a prefix of what a policy value matches.
    case selfOrPrefix

    /// Parses Ranger's enum constant name.
    public init?(rangerName: String) {
        switch rangerName.uppercased() {
        case "SELF": self = .selfScope
        case "SELF_OR_CHILD": self = .selfOrChild
        case "SELF_OR_PREFIX": self = .selfOrPrefix
        default: return nil
        }
    }
}

/// How one element matched (`ResourceElementMatchType`).
enum ElementMatchType: Sendable, Hashable {
    case none
    case selfMatch
    case child
    case prefix
}

/// Whether a request is about the resource itself or also its descendants
/// (`RangerAccessRequest.ResourceMatchingScope`).
public enum ResourceMatchingScope: Sendable, Hashable {
    case selfScope
    case selfOrDescendants

    /// Parses Ranger's enum constant name; unknown names (as Gson does) yield `nil`.
    public init?(rangerName: String) {
        switch rangerName.uppercased() {
        case "SELF": self = .selfScope
        case "SELF_OR_DESCENDANTS": self = .selfOrDescendants
        default: return nil
        }
    }
}
