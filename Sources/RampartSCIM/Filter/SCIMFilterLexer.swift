// SPDX-License-Identifier: Apache-2.0

/// Splits a filter into tokens.
///
/// Words are runs of anything but whitespace, brackets, parentheses and quotes; the parser
/// decides whether a word is an attribute path, an operator, `and`/`or`/`not`, or a literal,
/// because only its position tells (`title eq "x"` vs a sub-attribute named `eq`).
struct SCIMFilterLexer {
    enum Kind: Equatable {
        case word(String)
        case string(String)
        case openParen, closeParen, openBracket, closeBracket
        case end
    }

    struct Token: Equatable {
        var kind: Kind
        /// Byte offset in the filter, for error messages.
        var offset: Int
    }

    /// Tokenises `text` entirely.
    ///
    /// - Throws: ``SCIMError`` `invalidFilter` for an unterminated string or a bad escape.
    static func tokens(_ text: String) throws(SCIMError) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D:
                i += 1
            case UInt8(ascii: "("):
                tokens.append(Token(kind: .openParen, offset: i))
                i += 1
            case UInt8(ascii: ")"):
                tokens.append(Token(kind: .closeParen, offset: i))
                i += 1
            case UInt8(ascii: "["):
                tokens.append(Token(kind: .openBracket, offset: i))
                i += 1
            case UInt8(ascii: "]"):
                tokens.append(Token(kind: .closeBracket, offset: i))
                i += 1
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                // Find the closing quote, then let the JSON parser decode the escapes: SCIM
                // string literals are JSON strings (RFC 7644 §3.4.2.2).
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard i < bytes.count else {
                    throw SCIMError(.invalidFilter, "unterminated string starting at offset \(start)")
                }
                i += 1
                let literal: SCIMValue
                do {
                    literal = try SCIMJSON.parse(bytes[start..<i])
                } catch {
                    throw SCIMError(.invalidFilter, "invalid string literal at offset \(start)")
                }
                tokens.append(Token(kind: .string(literal.stringValue ?? ""), offset: start))
            default:
                let start = i
                while i < bytes.count {
                    let d = bytes[i]
                    if d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D || d == UInt8(ascii: "(") || d == UInt8(ascii: ")")
                        || d == UInt8(ascii: "[") || d == UInt8(ascii: "]") || d == UInt8(ascii: "\"")
                    {
                        break
                    }
                    i += 1
                }
                tokens.append(Token(kind: .word(String(decoding: bytes[start..<i], as: UTF8.self)), offset: start))
            }
        }
        tokens.append(Token(kind: .end, offset: bytes.count))
        return tokens
    }
}
