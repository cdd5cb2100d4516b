// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Where matchers look up `{TOKEN}` values: `token:USER`, `token:OWNER` and any `token:<name>`
/// context entry (`RangerAccessRequestUtil.getTokenFromContext`).
public struct TokenContext: Sendable {
    let user: String?
    let owner: String?
    let context: [String: String]
    /// What `${{…}}` request expressions in resource values read besides the user: the user's
    /// attributes, groups and roles, and the instant the request is judged at.
    var userAttributes: [String: String] = [:]
    var groups: Set<String> = []
    var roles: Set<String> = []
    var accessTime = Date(timeIntervalSince1970: 0)

    /// Tokens from an explicit map whose keys are `token:<name>` (the matcher tests' `evalContext`).
    public init(_ context: [String: String]) {
        self.user = nil
        self.owner = nil
        self.context = context
    }

    init(user: String?, owner: String?, context: [String: String]) {
        self.user = user
        self.owner = owner
        self.context = context
    }

    /// What a `${{…}}` request expression reads.
    var scriptInput: ScriptInput {
        ScriptInput(
            user: user ?? "", userAttributes: userAttributes, context: context, accessTime: accessTime, groups: groups, roles: roles, tag: nil,
            allTags: [])
    }

    /// Ranger skips replacement entirely when the context map is empty.
    var isEmpty: Bool { user == nil && owner == nil && context.isEmpty }

    func token(_ name: String) -> String? {
        if name == "USER", let user { return user }
        if name == "OWNER", let owner { return owner }
        return context["token:" + name]
    }
}

/// Replaces `{name}` tokens in policy values (`StringTokenReplacer`): escape char escapes
/// delimiters, an optional prefix must start the token name, unknown tokens stay verbatim.
struct TokenReplacer: Sendable, Hashable {
    let start: Character
    let end: Character
    let escape: Character
    let prefix: String

    /// Whether a value may contain a token, so that it needs expansion per request.
    static func hasToken(_ value: String, start: Character, end: Character, escape: Character) -> Bool {
        value.contains(start) && value.contains(end)
    }

    func replace(_ value: String, _ tokens: TokenContext) -> String {
        if tokens.isEmpty || value.isEmpty { return value }
        if !value.contains(start) && !value.contains(end) && !value.contains(escape) { return value }
        var ret = ""
        var token: String? = nil
        let chars = Array(value)
        var i = 0
        while i < chars.count {
            var c = chars[i]
            if c == escape {
                i += 1
                if i < chars.count {
                    c = chars[i]
                    if token != nil {
                        if c != escape && c != end { token!.append(escape) }
                        token!.append(c)
                    } else {
                        if c != escape && c != start { ret.append(escape) }
                        ret.append(c)
                    }
                } else {
                    if token != nil { token!.append(escape) } else { ret.append(escape) }
                }
                i += 1
                continue
            }
            if let t = token {
                if c == end {
                    if prefix.isEmpty || t.hasPrefix(prefix) {
                        if let replaced = tokens.token(String(t.dropFirst(prefix.count))) {
                            ret += replaced
                        } else {
                            ret.append(start)
                            ret += t
                            ret.append(end)
                        }
                    } else {
                        ret.append(start)
                        ret += t
                        ret.append(end)
                    }
                    token = nil
                } else {
                    token!.append(c)
                }
            } else if c == start {
                token = ""
            } else {
                ret.append(c)
            }
            i += 1
        }
        if let t = token {
            ret.append(start)
            ret += t
        }
        return ret
    }
}
