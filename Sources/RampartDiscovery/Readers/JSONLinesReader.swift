/// JSON Lines parsing: one JSON object per line, flattened into columns.
///
/// Nested objects become dotted column names (`{"a": {"b": 1}}` → `a.b`); arrays are kept as
/// their JSON text; numbers keep their exact source text (so `012345678` style ids and long
/// integers are not reformatted); `true`/`false` become text; `null` is `nil`. Columns are
/// ordered by first appearance. Nesting deeper than ``maxDepth`` is an error rather than a
/// stack overflow.
public enum JSONLinesReader {
    /// Deepest nesting accepted.
    public static let maxDepth = 64

    /// A parsed document: columns in first-seen order and one row per line.
    public struct Table: Sendable, Hashable {
        public var columns: [String]
        public var rows: [[String?]]
    }

    /// Parses a whole JSON Lines document. Blank lines are skipped.
    public static func parse(_ bytes: some Collection<UInt8>) throws(DiscoveryError) -> Table {
        let data = Array(bytes)
        var columns: [String] = []
        var index: [String: Int] = [:]
        var rows: [[String?]] = []
        var lineStart = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while lineStart < data.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < data.count, data[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var pairs: [(String, String?)] = []
            let parsed: Bool = try data.withUnsafeBufferPointer { buffer throws(DiscoveryError) -> Bool in
                var parser = Parser(bytes: buffer, position: lineStart, end: lineEnd, line: lineNumber)
                parser.skipSpace()
                guard parser.position < lineEnd else { return false }
                try parser.parseObject(prefix: "", depth: 0, into: &pairs)
                parser.skipSpace()
                guard parser.position == lineEnd else { throw parser.fail("text after the object") }
                return true
            }
            guard parsed else { continue }
            var row = [String?](repeating: nil, count: columns.count)
            for (key, value) in pairs {
                if let i = index[key] {
                    row[i] = value
                } else {
                    index[key] = columns.count
                    columns.append(key)
                    row.append(value)
                }
            }
            rows.append(row)
        }
        // Rows read before a column first appeared are shorter: pad them.
        for i in rows.indices where rows[i].count < columns.count {
            rows[i] += [String?](repeating: nil, count: columns.count - rows[i].count)
        }
        return Table(columns: columns, rows: rows)
    }

    /// Parses a whole JSON Lines document held in a string.
    public static func parse(_ text: String) throws(DiscoveryError) -> Table {
        try parse(Array(text.utf8))
    }

    /// The key paths and values of one JSON object, nested keys joined with dots under
    /// `prefix` (`{"contact": {"email": …}}` under `profile` → `profile.contact.email`); `nil`
    /// when `text` is not a well-formed object (a JSON array, a scalar, malformed text).
    public static func keyPaths(ofObject text: String, under prefix: String) -> [(path: String, value: String?)]? {
        let data = Array(text.utf8)
        return data.withUnsafeBufferPointer { buffer -> [(path: String, value: String?)]? in
            var parser = Parser(bytes: buffer, position: 0, end: buffer.count, line: 1)
            var pairs: [(String, String?)] = []
            parser.skipSpace()
            guard parser.position < buffer.count, buffer[parser.position] == 0x7B else { return nil }
            do {
                try parser.parseObject(prefix: prefix, depth: 0, into: &pairs)
            } catch {
                return nil
            }
            parser.skipSpace()
            guard parser.position == buffer.count else { return nil }
            return pairs.map { (path: $0.0, value: $0.1) }
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int
        let line: Int

        func fail(_ message: String) -> DiscoveryError {
            DiscoveryError(.malformedJSON, message, line: line)
        }

        mutating func skipSpace() {
            while position < end, ASCII.isSpace(bytes[position]) { position += 1 }
        }

        mutating func expect(_ c: UInt8) throws(DiscoveryError) {
            skipSpace()
            guard position < end, bytes[position] == c else {
                throw fail("expected '\(Character(Unicode.Scalar(c)))'")
            }
            position += 1
        }

        mutating func parseObject(prefix: String, depth: Int, into pairs: inout [(String, String?)]) throws(DiscoveryError) {
            guard depth < JSONLinesReader.maxDepth else { throw fail("nesting deeper than \(JSONLinesReader.maxDepth)") }
            try expect(0x7B)
            skipSpace()
            if position < end, bytes[position] == 0x7D {
                position += 1
                return
            }
            while true {
                skipSpace()
                let key = try parseString()
                try expect(0x3A)
                skipSpace()
                let path = prefix.isEmpty ? key : prefix + "." + key
                guard position < end else { throw fail("missing value") }
                switch bytes[position] {
                case 0x7B:
                    try parseObject(prefix: path, depth: depth + 1, into: &pairs)
                case 0x5B:
                    let start = position
                    try skipValue(depth: depth + 1)
                    pairs.append((path, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)))
                case 0x22:
                    pairs.append((path, try parseString()))
                case 0x6E:
                    try literal("null")
                    pairs.append((path, nil))
                case 0x74:
                    try literal("true")
                    pairs.append((path, "true"))
                case 0x66:
                    try literal("false")
                    pairs.append((path, "false"))
                default:
                    let start = position
                    try skipNumber()
                    pairs.append((path, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)))
                }
                skipSpace()
                guard position < end else { throw fail("unterminated object") }
                if bytes[position] == 0x2C {
                    position += 1
                    continue
                }
                guard bytes[position] == 0x7D else { throw fail("expected ',' or '}'") }
                position += 1
                return
            }
        }

        mutating func literal(_ word: StaticString) throws(DiscoveryError) {
            guard bytes.hasBytes(word, at: position), position + word.utf8CodeUnitCount <= end else {
                throw fail("invalid literal")
            }
            position += word.utf8CodeUnitCount
        }

        mutating func skipNumber() throws(DiscoveryError) {
            let start = position
            while position < end {
                let c = bytes[position]
                guard ASCII.isDigit(c) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 else { break }
                position += 1
            }
            guard position > start else { throw fail("invalid value") }
        }

        /// Skips any value (used for arrays, kept as text).
        mutating func skipValue(depth: Int) throws(DiscoveryError) {
            guard depth < JSONLinesReader.maxDepth else { throw fail("nesting deeper than \(JSONLinesReader.maxDepth)") }
            skipSpace()
            guard position < end else { throw fail("missing value") }
            switch bytes[position] {
            case 0x7B, 0x5B:
                let close: UInt8 = bytes[position] == 0x7B ? 0x7D : 0x5D
                let isObject = close == 0x7D
                position += 1
                skipSpace()
                if position < end, bytes[position] == close {
                    position += 1
                    return
                }
                while true {
                    if isObject {
                        skipSpace()
                        _ = try parseString()
                        try expect(0x3A)
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    guard position < end else { throw fail("unterminated container") }
                    if bytes[position] == 0x2C {
                        position += 1
                        continue
                    }
                    guard bytes[position] == close else { throw fail("expected ',' or a closing bracket") }
                    position += 1
                    return
                }
            case 0x22: _ = try parseString()
            case 0x6E: try literal("null")
            case 0x74: try literal("true")
            case 0x66: try literal("false")
            default: try skipNumber()
            }
        }

        mutating func parseString() throws(DiscoveryError) -> String {
            guard position < end, bytes[position] == 0x22 else { throw fail("expected a string") }
            position += 1
            var out: [UInt8] = []
            var chunk = position
            while position < end {
                let c = bytes[position]
                if c == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<position]))
                    position += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c == 0x5C {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<position]))
                    position += 1
                    guard position < end else { break }
                    let e = bytes[position]
                    position += 1
                    switch e {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: out.append(0x0D)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        var scalar = try hex4()
                        if scalar >= 0xD800, scalar < 0xDC00, position + 1 < end, bytes[position] == 0x5C,
                            bytes[position + 1] == 0x75
                        {
                            position += 2
                            let low = try hex4()
                            if low >= 0xDC00, low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            }
                        }
                        let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(s)).utf8))
                    default: out.append(e)
                    }
                    chunk = position
                    continue
                }
                position += 1
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws(DiscoveryError) -> UInt32 {
            guard position + 4 <= end else { throw fail("invalid \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[position]
                guard ASCII.isHex(c) else { throw fail("invalid \\u escape") }
                v = v * 16 + UInt32(ASCII.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10)
                position += 1
            }
            return v
        }
    }
}
