// SPDX-License-Identifier: Apache-2.0

/// Which element matcher a resource def uses (by the simple name of its Java class).
enum MatcherKind: Sendable, Hashable {
    case defaultMatcher
    case path
    case url

    init(className: String?) {
        let simple = className?.split(separator: ".").last.map(String.init) ?? ""
        switch simple {
        case "RangerPathResourceMatcher": self = .path
        case "RangerURLResourceMatcher": self = .url
        default: self = .defaultMatcher
        }
    }
}

/// Parsed `matcherOptions` of a resource def (`RangerAbstractResourceMatcher` option names and defaults).
struct MatcherOptions: Sendable, Hashable {
    var kind: MatcherKind
    var ignoreCase: Bool
    var quotedCaseSensitive: Bool
    var quoteChars: String
    var wildCard: Bool
    var replaceTokens: Bool
    var tokenStart: Character
    var tokenEnd: Character
    var tokenEscape: Character
    var tokenPrefix: String
    var replaceReqExpressions: Bool
    var pathSeparator: Character

    init(resourceDef: ResourceDef) {
        self.init(matcher: resourceDef.matcher, options: resourceDef.matcherOptions)
    }

    init(matcher: String?, options o: [String: String]) {
        func bool(_ k: String, _ d: Bool) -> Bool {
            guard let v = o[k], !v.isEmpty else { return d }
            return v.lowercased() == "true"
        }
        func char(_ k: String, _ d: Character) -> Character {
            guard let v = o[k], let f = v.first else { return d }
            return f
        }
        func str(_ k: String, _ d: String) -> String {
            guard let v = o[k], !v.isEmpty else { return d }
            return v
        }
        kind = MatcherKind(className: matcher)
        ignoreCase = bool("ignoreCase", true)
        quotedCaseSensitive = bool("quotedCaseSensitive", false)
        quoteChars = str("quoteChars", "\"")
        wildCard = bool("wildCard", true)
        replaceTokens = bool("replaceTokens", true)
        tokenStart = char("tokenDelimiterStart", "{")
        tokenEnd = char("tokenDelimiterEnd", "}")
        tokenEscape = char("tokenDelimiterEscape", "\\")
        tokenPrefix = str("tokenDelimiterPrefix", "")
        replaceReqExpressions = bool("replaceReqExpressions", true)
        pathSeparator = char("pathSeparatorChar", "/")
        if replaceTokens {
            // Ranger disables token replacement when the delimiters clash.
            if tokenEscape == tokenStart || tokenEscape == tokenEnd || tokenPrefix.contains(tokenEscape)
                || tokenPrefix.contains(tokenStart) || tokenPrefix.contains(tokenEnd)
            {
                replaceTokens = false
            }
        }
    }

    var tokenReplacer: TokenReplacer {
        TokenReplacer(start: tokenStart, end: tokenEnd, escape: tokenEscape, prefix: tokenPrefix)
    }
}
