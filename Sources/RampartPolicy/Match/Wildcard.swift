// SPDX-License-Identifier: Apache-2.0

/// Glob matching with `*` (any run, including `/` and the empty string) and `?` (one character),
/// over whole strings, as Commons-IO `FilenameUtils.wildcardMatch` does for Ranger.
package enum Wildcard {
    /// Whether all of `text` matches `pattern`. Both must already be case-normalised by the caller.
    package static func match(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text.unicodeScalars)
        let p = Array(pattern.unicodeScalars)
        return match(t, p)
    }

    static func match(_ t: [Unicode.Scalar], _ p: [Unicode.Scalar]) -> Bool {
        var ti = 0
        var pi = 0
        var starP = -1
        var starT = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || (p[pi] != "*" && p[pi] == t[ti]) {
                ti += 1
                pi += 1
            } else if pi < p.count, p[pi] == "*" {
                starP = pi
                starT = ti
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starT += 1
                ti = starT
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Whether `value` is a prefix of some string that `pattern` matches (Ranger's
    /// `ResourceMatcher.wildcardPrefixMatch`, used for the `SELF_OR_PREFIX` element scope).
    static func prefixMatch(_ value: String, _ pattern: String) -> Bool {
        let text = Array(value.unicodeScalars)
        let tokens = splitOnTokens(Array(pattern.unicodeScalars))
        var anyChars = false
        var textIdx = 0
        var wcsIdx = 0
        var backtrack: [(Int, Int)] = []
        repeat {
            if let (w, t) = backtrack.popLast() {
                wcsIdx = w
                textIdx = t
                anyChars = true
            }
            while wcsIdx < tokens.count {
                var token = tokens[wcsIdx]
                if token == ["?"] {
                    textIdx += 1
                    if textIdx > text.count { break }
                    anyChars = false
                } else if token == ["*"] {
                    anyChars = true
                    if wcsIdx == tokens.count - 1 { textIdx = text.count }
                } else {
                    if token.count > text.count - textIdx {
                        token = Array(token[0..<max(0, text.count - textIdx)])
                    }
                    if anyChars {
                        guard let found = indexOf(text, token, from: textIdx) else { break }
                        textIdx = found
                        if let repeatIdx = indexOf(text, token, from: textIdx + 1) {
                            backtrack.append((wcsIdx, repeatIdx))
                        }
                    } else if !regionMatches(text, textIdx, token) {
                        break
                    }
                    textIdx += token.count
                    anyChars = false
                }
                wcsIdx += 1
            }
            if wcsIdx == tokens.count || textIdx == text.count {
                return true
            }
        } while !backtrack.isEmpty
        return anyChars
    }

    private static func splitOnTokens(_ p: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        if !p.contains("?") && !p.contains("*") { return [p] }
        var list: [[Unicode.Scalar]] = []
        var buffer: [Unicode.Scalar] = []
        var prev: Unicode.Scalar = "\0"
        for ch in p {
            if ch != "?" && ch != "*" {
                buffer.append(ch)
            } else {
                if !buffer.isEmpty {
                    list.append(buffer)
                    buffer = []
                }
                if ch == "?" {
                    list.append(["?"])
                } else if prev != "*" {
                    list.append(["*"])
                }
            }
            prev = ch
        }
        if !buffer.isEmpty { list.append(buffer) }
        return list
    }

    private static func indexOf(_ text: [Unicode.Scalar], _ token: [Unicode.Scalar], from: Int) -> Int? {
        if token.isEmpty { return from <= text.count ? from : nil }
        var i = max(0, from)
        while i + token.count <= text.count {
            if regionMatches(text, i, token) { return i }
            i += 1
        }
        return nil
    }

    private static func regionMatches(_ text: [Unicode.Scalar], _ at: Int, _ token: [Unicode.Scalar]) -> Bool {
        if at < 0 || at + token.count > text.count { return false }
        for (k, c) in token.enumerated() where text[at + k] != c { return false }
        return true
    }
}
