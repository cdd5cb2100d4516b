// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Reads and writes SCIM JSON.
///
/// The engine has its own small parser rather than `JSONDecoder` for three reasons: object
/// members keep document order, integers stay distinct from decimals, and nesting depth is
/// bounded by ``SCIMLimits/maxJSONDepth`` so a body of ten thousand `[` cannot exhaust the stack.
package enum SCIMJSON {
    /// Parses a JSON document.
    ///
    /// - Throws: ``SCIMError`` with code `invalidSyntax` for malformed JSON or nesting deeper
    ///   than `limits.maxJSONDepth`.
    package static func parse(_ bytes: some Collection<UInt8>, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMValue {
        var parser = Parser(bytes: Array(bytes), maxDepth: limits.maxJSONDepth)
        return try parser.parseDocument()
    }

    /// Parses a JSON document held in a string.
    package static func parse(_ text: String, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMValue {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Serialises a value as compact JSON, members in their stored order.
    package static func serialize(_ value: SCIMValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// Serialises a value as compact UTF-8 JSON.
    package static func data(_ value: SCIMValue) -> Data {
        Data(serialize(value).utf8)
    }

    private static func write(_ value: SCIMValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .decimal(let d):
            // JSON has no NaN or infinity; null is the only faithful spelling.
            out += d.isFinite ? "\(d)" : "null"
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out += "["
            for (i, element) in a.enumerated() {
                if i > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, member) in o.members.enumerated() {
                if i > 0 { out += "," }
                writeString(member.key, into: &out)
                out += ":"
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// A recursive-descent JSON parser over UTF-8 bytes with a depth bound.
    private struct Parser {
        let bytes: [UInt8]
        let maxDepth: Int
        var pos = 0
        var depth = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func fail(_ what: String) -> SCIMError {
            SCIMError(.invalidSyntax, "malformed JSON: \(what) at byte \(pos)")
        }

        mutating func parseDocument() throws(SCIMError) -> SCIMValue {
            // A UTF-8 byte order mark is tolerated; some clients still send one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
            skipWhitespace()
            let value = try parseValue()
            skipWhitespace()
            guard pos == bytes.count else { throw fail("unexpected data after the document") }
            return value
        }

        mutating func skipWhitespace() {
            while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x0D || bytes[pos] == 0x09 {
                pos += 1
            }
        }

        mutating func parseValue() throws(SCIMError) -> SCIMValue {
            guard pos < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[pos] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw fail("unexpected character")
            }
        }

        mutating func expectLiteral(_ word: StaticString) throws(SCIMError) {
            let n = word.utf8CodeUnitCount
            guard pos + n <= bytes.count else { throw fail("unexpected end of input") }
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: n)
            for i in 0..<n where bytes[pos + i] != expected[i] { throw fail("invalid literal") }
            pos += n
        }

        mutating func enter() throws(SCIMError) {
            depth += 1
            guard depth <= maxDepth else { throw fail("nesting deeper than \(maxDepth)") }
        }

        mutating func parseObject() throws(SCIMError) -> SCIMValue {
            try enter()
            defer { depth -= 1 }
            pos += 1
            var pairs: [SCIMObject.Member] = []
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return .object(SCIMObject())
            }
            while true {
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let key = try parseString()
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected `:`") }
                pos += 1
                skipWhitespace()
                let value = try parseValue()
                pairs.append(SCIMObject.Member(key: key, value: value))
                skipWhitespace()
                guard pos < bytes.count else { throw fail("unexpected end of input") }
                if bytes[pos] == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                if bytes[pos] == UInt8(ascii: "}") {
                    pos += 1
                    break
                }
                throw fail("expected `,` or `}`")
            }
            // Duplicate names: the last one wins, exactly (not case-folded): this is JSON, not yet SCIM.
            return .object(SCIMObject(exactMembers: pairs))
        }

        mutating func parseArray() throws(SCIMError) -> SCIMValue {
            try enter()
            defer { depth -= 1 }
            pos += 1
            var elements: [SCIMValue] = []
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return .array([])
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue())
                skipWhitespace()
                guard pos < bytes.count else { throw fail("unexpected end of input") }
                if bytes[pos] == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                if bytes[pos] == UInt8(ascii: "]") {
                    pos += 1
                    break
                }
                throw fail("expected `,` or `]`")
            }
            return .array(elements)
        }

        mutating func parseHex4() throws(SCIMError) -> UInt32 {
            guard pos + 4 <= bytes.count else { throw fail("truncated \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[pos]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw fail("invalid \\u escape")
                }
                v = v << 4 | d
                pos += 1
            }
            return v
        }

        mutating func parseString() throws(SCIMError) -> String {
            pos += 1  // opening quote
            var buffer: [UInt8] = []
            while true {
                guard pos < bytes.count else { throw fail("unterminated string") }
                let c = bytes[pos]
                if c == UInt8(ascii: "\"") {
                    pos += 1
                    break
                }
                if c < 0x20 { throw fail("control character in string") }
                if c != UInt8(ascii: "\\") {
                    buffer.append(c)
                    pos += 1
                    continue
                }
                pos += 1
                guard pos < bytes.count else { throw fail("unterminated escape") }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must pair with a following low one; a lone one
                        // becomes U+FFFD rather than an invalid string.
                        if pos + 6 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                            let save = pos
                            pos += 2
                            let low = try parseHex4()
                            if (0xDC00...0xDFFF).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                pos = save
                                scalar = 0xFFFD
                            }
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw fail("invalid escape")
                }
            }
            // Invalid UTF-8 is repaired, not rejected: decoding replaces bad sequences with U+FFFD.
            return String(decoding: buffer, as: UTF8.self)
        }

        mutating func parseNumber() throws(SCIMError) -> SCIMValue {
            let start = pos
            var isInteger = true
            if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
            if bytes[pos] == UInt8(ascii: "0") {
                pos += 1
            } else {
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
                isInteger = false
                pos += 1
                guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
                isInteger = false
                pos += 1
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
                guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            if isInteger, let i = Int(text) { return .integer(i) }
            guard let d = Double(text) else { throw fail("invalid number") }
            return .decimal(d)
        }

        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    }
}

extension SCIMValue: CustomStringConvertible {
    /// The value as compact JSON.
    package var description: String { SCIMJSON.serialize(self) }
}
