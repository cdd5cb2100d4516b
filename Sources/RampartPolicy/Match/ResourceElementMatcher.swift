// SPDX-License-Identifier: Apache-2.0

/// Matches the values of one resource type of a policy against a requested element
/// (`RangerDefaultResourceMatcher` / `RangerPathResourceMatcher` / `RangerURLResourceMatcher`).
final class ResourceElementMatcher: Sendable {
    let matchers: [ValueMatcher]
    let isMatchAny: Bool
    let isExcludes: Bool
    let isRecursive: Bool
    let options: MatcherOptions
    /// Policy values (non-empty), as written.
    let values: [String]
    /// Features this matcher would need but Rampart lacks (e.g. `${{…}}` request expressions).
    let unsupportedFeatures: Set<String>

    init(options: MatcherOptions, resource: PolicyResource) {
        self.options = options
        self.isExcludes = resource.isExcludes
        self.isRecursive = resource.isRecursive && options.kind != .defaultMatcher
        let values = resource.values.filter { !$0.isEmpty }
        self.values = values
        var unsupported: Set<String> = []
        var built: [ValueMatcher] = []
        var matchAny = false
        for v in values {
            if options.replaceReqExpressions, RequestExpression.failedToParse(v, RequestExpression(v)) {
                unsupported.insert("request-expressions")
            }
            var pv = v
            if options.wildCard, isRecursive, pv.last == options.pathSeparator {
                pv += "*"
            }
            let m = Self.makeMatcher(pv, options: options, recursive: isRecursive)
            if m.isMatchAny {
                matchAny = true
                built.removeAll()
                break
            }
            built.append(m)
        }
        if built.isEmpty { matchAny = true }
        self.isMatchAny = matchAny
        self.matchers = matchAny ? [] : built.sorted { $0.priority < $1.priority }
        self.unsupportedFeatures = unsupported
    }

    var needsDynamicEval: Bool { matchers.contains { $0.needsDynamicEval } }

    static func makeMatcher(_ value: String, options o: MatcherOptions, recursive: Bool) -> ValueMatcher {
        let caseMode: CaseMode = o.ignoreCase ? (o.quotedCaseSensitive ? .quoted(o.quoteChars) : .insensitive) : .sensitive
        let replacer = o.replaceTokens ? o.tokenReplacer : nil
        let isPath = o.kind != .defaultMatcher
        func make(_ kind: ValueMatcher.Kind, _ v: String, _ cm: CaseMode = caseMode) -> ValueMatcher {
            ValueMatcher(
                kind: kind, value: v, fullValue: value, caseMode: cm, replacer: replacer, expandsRequestExpressions: o.replaceReqExpressions,
                isPathMatcher: isPath, separator: o.pathSeparator)
        }
        if recursive {
            if o.wildCard, value == "*" {
                return make(.exact, "", .insensitive)
            }
            let hasWildcard = o.wildCard && (value.contains("*") || value.contains("?"))
            // Recursive matchers have no quoted-case-sensitive flavour in Ranger.
            let cm: CaseMode = o.ignoreCase ? .insensitive : .sensitive
            if hasWildcard {
                return make(o.kind == .url ? .urlRecursiveWildcard : .recursiveWildcard, value, cm)
            }
            return make(.recursiveExact, value, cm)
        }
        var startIdx = -1
        var endIdx = -1
        var needWildcard = false
        let chars = Array(value)
        if o.wildCard {
            for (i, c) in chars.enumerated() {
                if c == "?" {
                    needWildcard = true
                    break
                } else if c == "*" {
                    if endIdx == -1 || endIdx == i - 1 {
                        endIdx = i
                        if startIdx == -1 { startIdx = i }
                    } else {
                        needWildcard = true
                        break
                    }
                }
            }
        }
        if needWildcard {
            return make(.wildcard, value)
        } else if startIdx == -1 {
            return make(.exact, value)
        } else if startIdx == 0 {
            return make(.endsWith, String(chars[(endIdx + 1)...]))
        } else if endIdx != chars.count - 1 {
            return make(.wildcard, value)
        } else {
            return make(.startsWith, String(chars[0..<startIdx]))
        }
    }

    /// Element match type, with excludes applied (`getMatchType`).
    func matchType(_ element: PreparedElement?, _ scope: ElementMatchingScope, _ tokens: TokenContext) -> ElementMatchType {
        let allValuesRequested: Bool
        switch element {
        case nil: allValuesRequested = true
        case .single(let v)?: allValuesRequested = v.original.isEmpty || v.original == "*"
        case .list?: allValuesRequested = false
        }
        var ret = ElementMatchType.none
        if isMatchAny || (allValuesRequested && scope != .selfOrPrefix) {
            ret = isMatchAny ? .selfMatch : .none
        } else if let element {
            switch element {
            case .single(let v):
                for m in matchers {
                    let t = m.matchType(v, scope, tokens)
                    if t != .none { ret = t }
                    if ret == .selfMatch { break }
                }
            case .list(let vs):
                outer: for m in matchers {
                    for v in vs {
                        let t = m.matchType(v, scope, tokens)
                        if t != .none { ret = t }
                        if ret == .selfMatch { break outer }
                    }
                }
            }
        }
        if !isExcludes { return ret }
        if allValuesRequested && !isMatchAny { return ret }
        return ret == .none ? .selfMatch : .none
    }

    /// Whether the element matches under `scope` (`ResourceMatcher.isMatch(matchType, scope)`).
    func isMatch(_ element: PreparedElement?, _ scope: ElementMatchingScope, _ tokens: TokenContext) -> Bool {
        switch matchType(element, scope, tokens) {
        case .selfMatch: true
        case .child: scope == .selfOrChild
        case .prefix: scope == .selfOrPrefix
        case .none: false
        }
    }
}

/// Public entry point for matching one policy resource against one value, as the element-matcher
/// tests of Ranger do.
public struct ResourceValueMatcher: Sendable {
    let matcher: ResourceElementMatcher

    /// Builds a matcher from a resource def (its `matcher` class and `matcherOptions`) and the
    /// policy's values for that resource.
    public init(resourceDef: ResourceDef, policyResource: PolicyResource) {
        matcher = ResourceElementMatcher(options: MatcherOptions(resourceDef: resourceDef), resource: policyResource)
    }

    /// Whether `value` matches; `tokens` supplies `token:<name>` values for `{name}` tokens.
    public func isMatch(_ value: String?, scope: ElementMatchingScope = .selfScope, tokens: [String: String] = [:]) -> Bool {
        matcher.isMatch(value.map { .single(PreparedValue($0)) }, scope, TokenContext(tokens))
    }
}
