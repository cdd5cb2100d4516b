// SPDX-License-Identifier: Apache-2.0

import Foundation

/// What a condition can look at: the request, and for tag policies the current tag.
struct ConditionInput {
    let request: AccessRequest
    let clientIP: String?
    let tag: TagForEval?
    let allTags: [TagForEval]
    let groups: Set<String>
    let roles: Set<String>
    let accessTime: Date

    var script: ScriptInput {
        ScriptInput(
            user: request.user, userAttributes: request.userAttributes, context: request.context, accessTime: accessTime,
            groups: groups, roles: roles, tag: tag, allTags: allTags)
    }
}

/// One condition of a policy or policy item, bound to its evaluator from the service definition.
struct ConditionEvaluator: Sendable {
    enum Kind: Sendable {
        /// Test-only `RangerSimpleMatcher`: a context value must wildcard-match a value.
        case simpleMatcher(contextName: String)
        /// `RangerIpMatcher`: client IP equals a value or starts with a `prefix.*` value.
        case ipMatcher
        /// `RangerTagsAllPresentConditionEvaluator`.
        case tagsAllPresent
        /// `RangerScriptConditionEvaluator` in the subset ``ConditionScript`` covers.
        case script(ConditionScript)
        /// `RangerScriptTemplateConditionEvaluator`: the definition's script; a condition value of
        /// `no` or `false` asks for it not to hold.
        case scriptTemplate(ConditionScript, expected: Bool)
        /// `RangerHiveResourcesAccessedTogetherCondition` (`together`) and its `NotAccessedTogether`
        /// counterpart: whether two of the query's resources match the condition's patterns.
        case accessedTogether([PolicyResourceMatcher], names: ResourceNames, together: Bool)
        /// Known evaluators Rampart does not implement yet; evaluation reports the feature.
        case unsupported(feature: String)
        /// Conditions whose type the service definition does not know: Ranger ignores them.
        case ignored
    }

    let kind: Kind
    let values: [String]
    /// Reported as unsupported when a script reads a context attribute the request lacks: one of
    /// these enrichers would have added it.
    let unimplementedEnrichers: [String]

    init(condition: PolicyItemCondition, serviceDef: CompiledServiceDef) {
        values = condition.values
        unimplementedEnrichers = serviceDef.unimplementedEnrichers
        guard let def = serviceDef.conditionDefs[condition.type] else {
            kind = .ignored
            return
        }
        let cls = def.evaluator?.split(separator: ".").last.map(String.init) ?? ""
        switch cls {
        case "RangerSimpleMatcher":
            kind = .simpleMatcher(contextName: def.evaluatorOptions["CONTEXT_NAME"] ?? condition.type)
        case "RangerIpMatcher":
            kind = .ipMatcher
        case "RangerTagsAllPresentConditionEvaluator":
            kind = .tagsAllPresent
        case "RangerScriptConditionEvaluator", "ScriptConditionEvaluator":
            let source = condition.values.joined(separator: " ")
            kind = ConditionScript(source).map { .script($0) } ?? .unsupported(feature: "script-conditions")
        case "RangerScriptTemplateConditionEvaluator":
            let expected = !["no", "false"].contains(condition.values.first?.lowercased() ?? "yes")
            kind =
                ConditionScript(def.evaluatorOptions["scriptTemplate"] ?? "").map { .scriptTemplate($0, expected: expected) }
                ?? .unsupported(feature: "script-template-conditions")
        case "RangerHiveResourcesAccessedTogetherCondition", "RangerHiveResourcesNotAccessedTogetherCondition":
            let matchers = condition.values.map {
                PolicyResourceMatcher(serviceDef: serviceDef, policyType: .access, resources: RequestedResources.pattern($0))
            }
            kind = .accessedTogether(matchers, names: serviceDef.resourceNames, together: cls == "RangerHiveResourcesAccessedTogetherCondition")
        case "RangerContextAttributeValueInCondition", "RangerContextAttributeValueNotInCondition":
            kind = .unsupported(feature: "context-attribute-conditions")
        case "":
            kind = .ignored
        default:
            kind = .unsupported(feature: "condition:\(cls)")
        }
    }

    func evaluate(_ input: ConditionInput, _ state: EvalState) -> Bool {
        switch kind {
        case .ignored:
            return true
        case .unsupported(let feature):
            state.unsupported.insert(feature)
            return true
        case .simpleMatcher(let name):
            if values.isEmpty { return true }
            guard let v = input.request.context[name] else { return false }
            return values.contains { Wildcard.match(v, $0) }
        case .ipMatcher:
            guard let ip = input.clientIP, !ip.isEmpty else { return true }
            if values.isEmpty { return true }
            for v in values {
                if v == "*" || v.isEmpty { return true }
                if v.hasSuffix(".*") || v.hasSuffix(":*") {
                    if ip.hasPrefix(String(v.dropLast())) { return true }
                } else if ip == v {
                    return true
                }
            }
            return false
        case .accessedTogether(let matchers, let names, let together):
            let requested = state.requestedResources ?? RequestedResources.of(input.request)
            state.requestedResources = requested
            let excluded = RequestedResources.areMutuallyExcluded(requested, by: matchers, names: names)
            return together ? !excluded : excluded
        case .tagsAllPresent:
            let present = Set(input.allTags.map(\.type))
            return values.allSatisfy { present.contains($0) }
        case .script(let script):
            // An empty script holds, as Ranger's does.
            guard !script.statements.isEmpty else { return true }
            return enriched(script.evaluate(input.script), state)
        case .scriptTemplate(let script, let expected):
            return enriched(script.evaluate(input.script), state) == expected
        }
    }
}

extension ConditionEvaluator {
    /// A script's answer, noting an enricher Rampart does not run when the script looked for what
    /// it would have added.
    fileprivate func enriched(_ outcome: ConditionScript.Outcome, _ state: EvalState) -> Bool {
        if outcome.readMissingContext {
            for enricher in unimplementedEnrichers { state.unsupported.insert("context-enricher:\(enricher)") }
        }
        return outcome.holds
    }
}

/// Mutable scratch state of one evaluation (never shared between requests).
final class EvalState {
    /// Per access type outcome, shared by tag and resource policies (Ranger's `ACCESSTYPE_RESULTS`).
    var accessTypeResults: [String: TypeResult] = [:]
    var unsupported: Set<String> = []
    /// The request's ``RequestedResources``, read on first need (an accessed-together condition
    /// may stand in many policy items).
    var requestedResources: [AccessResource]?
}

/// The outcome for one access type.
struct TypeResult {
    var isAllowed: Bool
    var isDetermined: Bool
    var policyId: Int64
    var policyVersion: Int64?
    var priority: Int
    var reason: String?
}
