// SPDX-License-Identifier: Apache-2.0

/// Public entry point to Ranger's hierarchy matcher: how one policy's resources relate to a
/// requested resource or to another policy's resources.
public struct PolicyResourceMatch: Sendable {
    let matcher: PolicyResourceMatcher

    /// Builds a matcher for `resources` of a policy of `policyType` under `serviceDef`.
    public init(serviceDef: ServiceDef, policyType: Policy.PolicyType = .access, resources: [String: PolicyResource]) {
        matcher = PolicyResourceMatcher(serviceDef: CompiledServiceDef(serviceDef), policyType: policyType, resources: resources)
    }

    /// The match type for `resource`; `tokens` supplies `token:<name>` values.
    public func matchType(_ resource: AccessResource, scopes: [String: ElementMatchingScope] = [:], tokens: [String: String] = [:]) -> MatchType {
        matcher.matchType(PreparedResource(resource, scopes: scopes, names: matcher.names), TokenContext(tokens))
    }

    /// Whether `resource` matches within `scope`.
    public func isMatch(_ resource: AccessResource, scope: MatchScope, tokens: [String: String] = [:]) -> Bool {
        scope.accepts(matchType(resource, tokens: tokens))
    }

    /// Whether another policy's resources fall within `scope` of this policy's resources.
    public func isMatch(policyResources: [String: PolicyResource], scope: MatchScope, tokens: [String: String] = [:]) -> Bool {
        matcher.matches(policyResources: policyResources, scope: scope, TokenContext(tokens))
    }
}
