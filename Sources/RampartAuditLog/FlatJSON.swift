// SPDX-License-Identifier: Apache-2.0

/// A strict reader and writer for the one JSON shape that dominates export files: a flat
/// object whose values are strings, integers or null.
///
/// Foundation's `JSONDecoder` costs tens of µs per 700-byte record line on Linux, which alone
/// would take a million-record export past the 10 s verification budget. This reader accepts
/// only input it can read unambiguously; anything else (nesting, fractions, exponents, escaped
/// or non-ASCII keys, invalid UTF-8, lone surrogates) makes it fail and the caller falls back
/// to `JSONDecoder`, so the two paths never disagree about what a line says. (Duplicate keys
/// are the one thing the caller rejects outright: a line that says two things is tampered.)
enum FlatJSON {
    enum Value: Equatable {
        case string(String)
        case integer(Int64)
        case null
    }

    /// A pull reader over one line: ``beginObject()``, then ``nextKey()`` and ``value()``
    /// alternately until ``nextKey()`` returns nil, then ``finish()``. Any deviation from the
    /// accepted shape sets ``failed``. Keys come back as raw bytes, with no String made.
    struct Reader {
        private let bytes: UnsafeRawBufferPointer
        private var index = 0
        private var expectingFirstKey = true
        private var closed = false
        /// Set once the input was found not to be a flat object this reader accepts.
        private(set) var failed = false

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        mutating func beginObject() -> Bool {
            skipWhitespace()
            guard take(UInt8(ascii: "{")) else {
                failed = true
                return false
            }
            return true
        }

        /// The next key (ASCII, unescaped), positioned before its value; nil at the end of the
        /// object or on failure.
        mutating func nextKey() -> UnsafeRawBufferPointer? {
            guard !failed, !closed else { return nil }
            skipWhitespace()
            // `}` may come first or after a value, never after a comma (`{"a":1,}` is not JSON).
            if take(UInt8(ascii: "}")) {
                closed = true
                return nil
            }
            if expectingFirstKey {
                expectingFirstKey = false
            } else {
                guard take(UInt8(ascii: ",")) else { return fail() }
                skipWhitespace()
            }
            guard take(UInt8(ascii: "\"")) else { return fail() }
            let start = index
            // Keys with escapes or non-ASCII bytes are left to Foundation, which would unescape
            // or reject them; ours never have either.
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                guard bytes[index] >= 0x20, bytes[index] < 0x80, bytes[index] != UInt8(ascii: "\\") else { return fail() }
                index += 1
            }
            guard index < bytes.count else { return fail() }
            let key = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            index += 1
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return fail() }
            skipWhitespace()
            return key
        }

        /// The value after a key; nil (and ``failed``) for anything but a string, an integer or
        /// null.
        mutating func value() -> Value? {
            guard !failed, let parsed = parseValue() else {
                failed = true
                return nil
            }
            skipWhitespace()
            return parsed
        }

        /// True when the object closed properly and nothing but whitespace follows.
        mutating func finish() -> Bool {
            skipWhitespace()
            return !failed && closed && index == bytes.count
        }

        private mutating func fail() -> UnsafeRawBufferPointer? {
            failed = true
            return nil
        }

        private mutating func parseValue() -> Value? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return integer().map(Value.integer)
            default:
                return nil
            }
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                return false
            }
            index += count
            return true
        }

        /// `-?(0|[1-9][0-9]*)` within `Int64`; fractions and exponents are left to Foundation.
        private mutating func integer() -> Int64? {
            let negative = take(UInt8(ascii: "-"))
            let start = index
            var magnitude: UInt64 = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                magnitude = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") {
                return nil
            }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return Int64(magnitude)
        }

        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var union: UInt8 = 0
            // Fast path: no escapes, so the bytes between the quotes are the string.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    // ASCII (nearly all of an audit record) cannot need UTF-8 repair.
                    return union < 0x80 ? String(decoding: raw, as: UTF8.self) : Self.validUTF8(raw)
                }
                union |= byte
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { return nil }
                index += 1
            }
            var out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return out.withUnsafeBytes { Self.validUTF8($0) }
                case UInt8(ascii: "\\"):
                    guard escape(into: &out) else { return nil }
                case 0..<0x20:
                    return nil
                default:
                    out.append(byte)
                }
            }
            return nil
        }

        /// The string, or nil for invalid UTF-8 (which `String(decoding:)` would silently repair).
        private static func validUTF8(_ raw: UnsafeRawBufferPointer) -> String? {
            let buffer = raw.bindMemory(to: UInt8.self)
            let text = String(decoding: buffer, as: UTF8.self)
            // Repair changes the bytes, so an exact byte match proves the input was valid.
            return text.utf8.elementsEqual(buffer) ? text : nil
        }

        private mutating func escape(into out: inout [UInt8]) -> Bool {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return false }
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low) else {
                        return false
                    }
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { return false }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return false
            }
            return true
        }

        private mutating func hex4() -> UInt16? {
            guard bytes.count - index >= 4 else { return nil }
            var value: UInt16 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt16(digit)
                index += 1
            }
            return value
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }
    }

    /// Writes a flat object; the caller supplies keys in the order it wants them.
    struct Writer {
        private(set) var bytes: [UInt8] = []
        private var first = true

        init() {
            bytes.reserveCapacity(1024)
            bytes.append(UInt8(ascii: "{"))
        }

        mutating func field(_ key: String, _ value: String?) {
            guard let value else { return }
            open(key)
            appendString(value)
        }

        mutating func field(_ key: String, _ value: Int64?) {
            guard let value else { return }
            open(key)
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func close() -> String {
            bytes.append(UInt8(ascii: "}"))
            return String(decoding: bytes, as: UTF8.self)
        }

        private mutating func open(_ key: String) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            appendString(key)
            bytes.append(UInt8(ascii: ":"))
        }

        private mutating func appendString(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            let utf8 = value.utf8
            // Almost every value needs no escaping: copy it in one go.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array(#"\u00"#.utf8))
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
