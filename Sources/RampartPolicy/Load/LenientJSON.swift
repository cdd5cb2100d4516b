// SPDX-License-Identifier: Apache-2.0

/// A forgiving JSON reader for Ranger *test data*, which upstream reads with Gson in lenient mode.
///
/// Accepts `#`, `//` and `/* */` comments, single-quoted strings, unquoted object keys and trailing
/// commas. Rampart's own API takes strict JSON; this exists for the conformance corpus and for the
/// single-quoted JSON that Ranger stores inside some configuration strings (audit filters).
package enum LenientJSON {
    package static func parse(_ text: String) throws(PolicyError) -> JSONValue {
        var p = Parser(bytes: Array(text.utf8))
        let v = try p.parseValue()
        p.skipTrivia()
        if p.pos < p.bytes.count {
            throw p.error("unexpected trailing content")
        }
        return v
    }

    package static func parse(_ bytes: [UInt8]) throws(PolicyError) -> JSONValue {
        var p = Parser(bytes: bytes)
        let v = try p.parseValue()
        return v
    }

    private struct Parser {
        let bytes: [UInt8]
        var pos = 0

        init(bytes: [UInt8]) {
            // Skip a UTF-8 byte-order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                self.bytes = Array(bytes.dropFirst(3))
            } else {
                self.bytes = bytes
            }
        }

        func error(_ msg: String) -> PolicyError {
            PolicyError(code: .invalidJSON, message: "\(msg) at byte \(pos)")
        }

        mutating func skipTrivia() {
            while pos < bytes.count {
                let c = bytes[pos]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                    pos += 1
                } else if c == UInt8(ascii: "#") {
                    while pos < bytes.count, bytes[pos] != 0x0A { pos += 1 }
                } else if c == UInt8(ascii: "/"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "/") {
                    while pos < bytes.count, bytes[pos] != 0x0A { pos += 1 }
                } else if c == UInt8(ascii: "/"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "*") {
                    pos += 2
                    while pos + 1 < bytes.count, !(bytes[pos] == UInt8(ascii: "*") && bytes[pos + 1] == UInt8(ascii: "/")) {
                        pos += 1
                    }
                    pos = min(bytes.count, pos + 2)
                } else {
                    return
                }
            }
        }

        mutating func parseValue() throws(PolicyError) -> JSONValue {
            skipTrivia()
            guard pos < bytes.count else { throw error("unexpected end of input") }
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try parseString())
            default:
                let word = parseBareWord()
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                case "": throw error("unexpected character")
                default:
                    if let d = Double(word) { return .number(d) }
                    // Gson's lenient mode reads unquoted words as strings.
                    return .string(word)
                }
            }
        }

        mutating func parseBareWord() -> String {
            let start = pos
            while pos < bytes.count {
                let c = bytes[pos]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == UInt8(ascii: ":")
                    || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09
                {
                    break
                }
                pos += 1
            }
            return String(decoding: bytes[start..<pos], as: UTF8.self)
        }

        mutating func parseString() throws(PolicyError) -> String {
            let quote = bytes[pos]
            pos += 1
            var out: [UInt8] = []
            while pos < bytes.count {
                let c = bytes[pos]
                if c == quote {
                    pos += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c == UInt8(ascii: "\\") {
                    pos += 1
                    guard pos < bytes.count else { break }
                    let e = bytes[pos]
                    pos += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard pos + 4 <= bytes.count,
                            let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16)
                        else { throw error("bad unicode escape") }
                        pos += 4
                        var scalarValue = v
                        // Surrogate pair.
                        if v >= 0xD800, v < 0xDC00, pos + 6 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"),
                            bytes[pos + 1] == UInt8(ascii: "u"),
                            let lo = UInt32(String(decoding: bytes[pos + 2..<pos + 6], as: UTF8.self), radix: 16),
                            lo >= 0xDC00, lo < 0xE000
                        {
                            pos += 6
                            scalarValue = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                        }
                        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: out.append(e)
                    }
                    continue
                }
                out.append(c)
                pos += 1
            }
            throw error("unterminated string")
        }

        mutating func parseArray() throws(PolicyError) -> JSONValue {
            pos += 1
            var items: [JSONValue] = []
            while true {
                skipTrivia()
                guard pos < bytes.count else { throw error("unterminated array") }
                if bytes[pos] == UInt8(ascii: "]") {
                    pos += 1
                    return .array(items)
                }
                if bytes[pos] == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                items.append(try parseValue())
            }
        }

        mutating func parseObject() throws(PolicyError) -> JSONValue {
            pos += 1
            var members: [String: JSONValue] = [:]
            while true {
                skipTrivia()
                guard pos < bytes.count else { throw error("unterminated object") }
                let c = bytes[pos]
                if c == UInt8(ascii: "}") {
                    pos += 1
                    return .object(members)
                }
                if c == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                let key: String
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    key = try parseString()
                } else {
                    key = parseBareWord()
                    if key.isEmpty { throw error("expected object key") }
                }
                skipTrivia()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") || bytes[pos] == UInt8(ascii: "=") else {
                    throw error("expected ':'")
                }
                pos += 1
                members[key] = try parseValue()
            }
        }
    }
}
