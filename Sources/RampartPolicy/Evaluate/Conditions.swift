// SPDX-License-Identifier: Apache-2.0

/// What a condition can look at: the request, and for tag policies the current tag.
struct ConditionInput {
    let request: AccessRequest
    let clientIP: String?
    let tag: TagForEval?
    let allTags: [TagForEval]
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
        /// Known evaluators Rampart does not implement yet; evaluation reports the feature.
        case unsupported(feature: String)
        /// Conditions whose type the service definition does not know: Ranger ignores them.
        case ignored
    }

    let kind: Kind
    let values: [String]

    init(condition: PolicyItemCondition, serviceDef: CompiledServiceDef) {
        values = condition.values
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
            kind = .unsupported(feature: "script-conditions")
        case "RangerScriptTemplateConditionEvaluator":
            kind = .unsupported(feature: "script-template-conditions")
        case "RangerHiveResourcesAccessedTogetherCondition", "RangerHiveResourcesNotAccessedTogetherCondition":
            kind = .unsupported(feature: "hive-accessed-together-conditions")
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
        case .tagsAllPresent:
            let present = Set(input.allTags.map(\.type))
            return values.allSatisfy { present.contains($0) }
        }
    }
}

/// Mutable scratch state of one evaluation (never shared between requests).
final class EvalState {
    /// Per access type outcome, shared by tag and resource policies (Ranger's `ACCESSTYPE_RESULTS`).
    var accessTypeResults: [String: TypeResult] = [:]
    var unsupported: Set<String> = []
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
