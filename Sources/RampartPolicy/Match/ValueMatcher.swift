// SPDX-License-Identifier: Apache-2.0

/// A requested value with its lower-cased form computed once per request.
struct PreparedValue: Sendable, Hashable {
    let original: String
    let lowered: String

    init(_ s: String) {
        original = s
        lowered = s.lowercased()
    }
}

/// A requested element value, prepared for matching.
enum PreparedElement: Sendable, Hashable {
    case single(PreparedValue)
    case list([PreparedValue])

    init(_ v: ResourceValue) {
        switch v {
        case .single(let s): self = .single(PreparedValue(s))
        case .list(let l): self = .list(l.map(PreparedValue.init))
        }
    }
}

/// How a matcher compares case.
enum CaseMode: Sendable, Hashable {
    case sensitive
    case insensitive
    /// Case-insensitive, except for request values starting with one of these quote characters.
    case quoted(String)
}

/// Matches one policy value against requested values (one `ResourceMatcher` in Ranger).
struct ValueMatcher: Sendable {
    enum Kind: Sendable, Hashable {
        case exact
        case startsWith
        case endsWith
        case wildcard
        case recursiveExact
        case recursiveWildcard
        case urlRecursiveWildcard
    }

    let kind: Kind
    /// The string compared (for `startsWith`/`endsWith` only the fixed part).
    let value: String
    let loweredValue: String
    /// The whole policy value, used for the parent computation of `SELF_OR_CHILD`.
    let fullValue: String
    let caseMode: CaseMode
    let replacer: TokenReplacer?
    /// `${{…}}` parts of `value` and `fullValue`, expanded per request before tokens.
    let expression: RequestExpression?
    let fullExpression: RequestExpression?
    let isPathMatcher: Bool
    let separator: Character
    let priority: Int

    init(
        kind: Kind, value: String, fullValue: String, caseMode: CaseMode, replacer: TokenReplacer?, expandsRequestExpressions: Bool = false,
        isPathMatcher: Bool, separator: Character
    ) {
        self.kind = kind
        self.expression = expandsRequestExpressions ? RequestExpression(value) : nil
        self.fullExpression = expandsRequestExpressions ? RequestExpression(fullValue) : nil
        self.value = value
        self.loweredValue = value.lowercased()
        self.fullValue = fullValue
        self.caseMode = caseMode
        self.isPathMatcher = isPathMatcher
        self.separator = separator
        // Only values that really contain a token pay for expansion.
        if let r = replacer,
            TokenReplacer.hasToken(value, start: r.start, end: r.end, escape: r.escape)
                || TokenReplacer.hasToken(fullValue, start: r.start, end: r.end, escape: r.escape)
        {
            self.replacer = r
        } else {
            self.replacer = nil
        }
        let sensitive = caseMode == .sensitive
        var p: Int
        switch kind {
        case .exact: p = sensitive ? 1 : 2
        case .startsWith, .endsWith: p = sensitive ? 3 : 4
        case .wildcard: p = sensitive ? 5 : 6
        case .recursiveExact, .recursiveWildcard, .urlRecursiveWildcard: p = sensitive ? 7 : 8
        }
        if self.replacer != nil || self.expression != nil { p += 8 }
        self.priority = p
    }

    var needsDynamicEval: Bool { replacer != nil || expression != nil || fullExpression != nil }

    /// Ranger treats an empty (after stripping `*`) value as match-any.
    var isMatchAny: Bool { value.isEmpty && (kind == .endsWith || kind == .exact) }

    private func isSensitive(_ input: PreparedValue) -> Bool {
        switch caseMode {
        case .sensitive: return true
        case .insensitive: return false
        case .quoted(let q):
            guard let f = input.original.first else { return false }
            return q.contains(f)
        }
    }

    /// The value compared for this request: request expressions, then tokens, expanded; `nil`
    /// when an expression has no value for the request (the value then matches nothing).
    private func pattern(_ base: String, lowered: String, sensitive: Bool, _ tokens: TokenContext) -> String? {
        var base = base
        if let expression {
            guard let expanded = expression.expand(tokens.scriptInput, placing: .resourceValue) else { return nil }
            base = expanded
        } else if replacer == nil {
            return sensitive ? base : lowered
        }
        if let r = replacer { base = r.replace(base, tokens) }
        return sensitive ? base : base.lowercased()
    }

    func matchType(_ input: PreparedValue, _ scope: ElementMatchingScope, _ tokens: TokenContext) -> ElementMatchType {
        let sensitive = isSensitive(input)
        let text = sensitive ? input.original : input.lowered
        guard let p = pattern(value, lowered: loweredValue, sensitive: sensitive, tokens) else { return .none }
        if isMatch(text, p) { return .selfMatch }
        switch scope {
        case .selfOrPrefix:
            return isPrefixMatch(text, p) ? .prefix : .none
        case .selfOrChild:
            return isChildMatch(text, sensitive: sensitive, tokens) ? .child : .none
        case .selfScope:
            return .none
        }
    }

    private func isMatch(_ text: String, _ p: String) -> Bool {
        switch kind {
        case .exact: return text == p
        case .startsWith: return text.hasPrefix(p)
        case .endsWith: return text.hasSuffix(p)
        case .wildcard: return Wildcard.match(text, p)
        case .recursiveExact:
            let noSep = p.last == separator ? String(p.dropLast()) : p
            return text == noSep || text.hasPrefix(noSep + String(separator))
        case .recursiveWildcard: return Self.recursiveWildcardMatch(text, p, separator)
        case .urlRecursiveWildcard: return Self.urlRecursiveWildcardMatch(text, p, separator)
        }
    }

    private func isPrefixMatch(_ text: String, _ p: String) -> Bool {
        switch kind {
        case .exact, .startsWith, .recursiveExact: return p.hasPrefix(text)
        case .endsWith: return true
        case .wildcard, .recursiveWildcard, .urlRecursiveWildcard: return Wildcard.prefixMatch(text, p)
        }
    }

    /// `SELF_OR_CHILD`: the requested value is the parent of what the policy value names.
    private func isChildMatch(_ text: String, sensitive: Bool, _ tokens: TokenContext) -> Bool {
        guard isPathMatcher else { return false }
        var full = fullValue
        if let fullExpression {
            guard let expanded = fullExpression.expand(tokens.scriptInput, placing: .resourceValue) else { return false }
            full = expanded
        }
        if let replacer { full = replacer.replace(full, tokens) }
        if !sensitive { full = full.lowercased() }
        if full.count > 1, full.last == separator { full.removeLast() }
        guard let idx = full.lastIndex(of: separator) else { return false }
        let parent = String(full[full.startIndex..<idx])
        var t = text
        if t.last == separator { t.removeLast() }
        if parent.contains("*") || parent.contains("?") {
            return Wildcard.match(t, parent)
        }
        return t == parent
    }

    /// Ranger's `RangerPathResourceMatcher.isRecursiveWildCardMatch`: any prefix of the path,
    /// cut at separators, matching the pattern.
    static func recursiveWildcardMatch(_ path: String, _ pattern: String, _ sep: Character) -> Bool {
        if path.isEmpty { return false }
        let elements = path.split(separator: sep, omittingEmptySubsequences: true)
        if elements.isEmpty { return Wildcard.match(path, pattern) }
        let p = Array(pattern.unicodeScalars)
        var sb = ""
        if path.first == sep { sb.append(sep) }
        for e in elements {
            sb += e
            if Wildcard.match(Array(sb.unicodeScalars), p) { return true }
            sb.append(sep)
        }
        // A request ending in the separator ("/home/") is also tried as a whole.
        if path.last == sep { return Wildcard.match(Array(path.unicodeScalars), p) }
        return false
    }

    static func urlRecursiveWildcardMatch(_ url: String, _ pattern: String, _ sep: Character) -> Bool {
        let trimmed = trimSpaces(url)
        guard !trimmed.isEmpty, isPathURLType(trimmed), let colon = trimmed.firstIndex(of: ":") else { return false }
        let colonOffset = trimmed.distance(from: trimmed.startIndex, to: colon)
        let chars = Array(trimmed)
        let schemeEnd = min(chars.count, colonOffset + 3)
        let scheme = String(chars[0..<schemeEnd])
        if scheme.isEmpty { return false }
        let pathStart = min(chars.count, colonOffset + 2)
        let path = String(chars[pathStart...])
        let elements = path.split(separator: sep, omittingEmptySubsequences: true)
        if elements.isEmpty { return Wildcard.match(url, pattern) }
        let p = Array(pattern.unicodeScalars)
        var sb = scheme
        if url.first == sep { sb.append(sep) }
        for e in elements {
            sb += e
            if Wildcard.match(Array(sb.unicodeScalars), p) { return true }
            sb.append(sep)
        }
        // A request ending in the separator ("/home/") is also tried as a whole.
        if url.last == sep { return Wildcard.match(Array(url.unicodeScalars), p) }
        return false
    }

    /// Contains `://` but not `:///`.
    static func isPathURLType(_ url: String) -> Bool {
        url.contains("://") && !url.contains(":///")
    }
}
