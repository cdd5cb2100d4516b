// SPDX-License-Identifier: Apache-2.0

/// A token of a condition script.
enum ScriptToken: Sendable, Equatable {
    case name(String)
    case string(String)
    case number(Double)
    /// Operators and punctuation: `( ) { } [ ] . , ; = == === != !== ! < <= > >= && || -`.
    case symbol(String)
}

/// Splits a condition script into tokens; `nil` for anything outside the subset.
enum ScriptLexer {
    static func tokens(_ source: String) -> [ScriptToken]? {
        let chars = Array(source.unicodeScalars)
        var tokens: [ScriptToken] = []
        var i = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
            } else if c == "/" && peek(1) == "/" {
                while let n = peek(), n != "\n" { i += 1 }
            } else if c.properties.isAlphabetic || c == "_" || c == "$" {
                var name = ""
                while let n = peek(), n.properties.isAlphabetic || n == "_" || n == "$" || ("0"..."9").contains(n) {
                    name.unicodeScalars.append(n)
                    i += 1
                }
                tokens.append(.name(name))
            } else if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
                var text = ""
                while let n = peek(), ("0"..."9").contains(n) || n == "." || n == "e" || n == "E" {
                    text.unicodeScalars.append(n)
                    i += 1
                }
                guard let value = Double(text) else { return nil }
                tokens.append(.number(value))
            } else if c == "'" || c == "\"" {
                i += 1
                var text = ""
                while true {
                    guard let n = peek() else { return nil }
                    i += 1
                    if n == c { break }
                    if n == "\\" {
                        guard let escaped = peek() else { return nil }
                        i += 1
                        switch escaped {
                        case "n": text += "\n"
                        case "t": text += "\t"
                        default: text.unicodeScalars.append(escaped)
                        }
                    } else {
                        text.unicodeScalars.append(n)
                    }
                }
                tokens.append(.string(text))
            } else {
                let three = String(String.UnicodeScalarView(chars[i..<min(i + 3, chars.count)]))
                let two = String(three.unicodeScalars.prefix(2))
                if three == "===" || three == "!==" {
                    tokens.append(.symbol(three))
                    i += 3
                } else if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                    tokens.append(.symbol(two))
                    i += 2
                } else if "(){}[].,;=!<>-".unicodeScalars.contains(c) {
                    tokens.append(.symbol(String(c)))
                    i += 1
                } else {
                    return nil
                }
            }
        }
        return tokens
    }
}
