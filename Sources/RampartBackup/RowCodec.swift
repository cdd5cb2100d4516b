// SPDX-License-Identifier: Apache-2.0

import Foundation

/// One table row as one line of JSON: an array of values.
///
/// `null`, `true`/`false`, integers as bare numbers, reals as numbers that always carry a `.` or
/// an exponent (non-finite ones as `{"real":"nan"}`), text as strings, blobs as
/// `{"base64":"…"}`. Hand-written in both directions because a backup is millions of these lines
/// and a generic JSON coder would dominate its time.
package enum RowCodec {
    /// Appends `values` as one line (with its newline) to `out`.
    package static func encode(_ values: [BackupValue], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            encode(value, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        out.append(UInt8(ascii: "\n"))
    }

    package static func encode(_ value: BackupValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += nullLiteral
        case .boolean(let flag): out += flag ? trueLiteral : falseLiteral
        case .integer(let number): out += Array(String(number).utf8)
        case .real(let number):
            if number.isFinite {
                out += Array(number.description.utf8)
            } else {
                out += Array("{\"real\":\"\(number.isNaN ? "nan" : number < 0 ? "-inf" : "inf")\"}".utf8)
            }
        case .text(let text): encodeString(text, into: &out)
        case .blob(let bytes):
            out += Array("{\"base64\":\"".utf8)
            out += Array(Data(bytes).base64EncodedString().utf8)
            out += Array("\"}".utf8)
        }
    }

    private static let nullLiteral = Array("null".utf8)
    private static let trueLiteral = Array("true".utf8)
    private static let falseLiteral = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func encodeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20:
                    out += Array("\\u00".utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses one row line (without its newline).
    package static func decode(_ line: ArraySlice<UInt8>) throws -> [BackupValue] {
        var parser = Parser(bytes: line)
        return try parser.row()
    }

    struct Parser {
        let bytes: ArraySlice<UInt8>
        var position: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        func failure(_ what: String) -> BackupError {
            BackupError(.inconsistent, "a row of the backup cannot be parsed: \(what) at byte \(position - bytes.startIndex)")
        }

        var current: UInt8? { position < bytes.endIndex ? bytes[position] : nil }

        mutating func expect(_ byte: UInt8) throws {
            guard current == byte else { throw failure("expected `\(Character(UnicodeScalar(byte)))`") }
            position += 1
        }

        mutating func literal(_ word: [UInt8]) throws {
            guard bytes.endIndex - position >= word.count, bytes[position..<(position + word.count)].elementsEqual(word) else {
                throw failure("unknown literal")
            }
            position += word.count
        }

        mutating func row() throws -> [BackupValue] {
            try expect(UInt8(ascii: "["))
            var values: [BackupValue] = []
            if current == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    values.append(try value())
                    if current == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    try expect(UInt8(ascii: "]"))
                    break
                }
            }
            guard position == bytes.endIndex else { throw failure("trailing bytes") }
            return values
        }

        mutating func value() throws -> BackupValue {
            switch current {
            case UInt8(ascii: "n"):
                try literal(nullLiteral)
                return .null
            case UInt8(ascii: "t"):
                try literal(trueLiteral)
                return .boolean(true)
            case UInt8(ascii: "f"):
                try literal(falseLiteral)
                return .boolean(false)
            case UInt8(ascii: "\""):
                return .text(try string())
            case UInt8(ascii: "{"):
                return try tagged()
            case .some(let byte) where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
                return try number()
            default:
                throw failure("unexpected value")
            }
        }

        mutating func number() throws -> BackupValue {
            let start = position
            var isReal = false
            while let byte = current {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): isReal = true
                default:
                    return try make(start: start, isReal: isReal)
                }
                position += 1
            }
            return try make(start: start, isReal: isReal)
        }

        private func make(start: Int, isReal: Bool) throws -> BackupValue {
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if isReal {
                guard let number = Double(text) else { throw failure("bad real") }
                return .real(number)
            }
            guard let number = Int64(text) else { throw failure("bad integer") }
            return .integer(number)
        }

        /// `{"real":"nan"}` or `{"base64":"…"}`.
        mutating func tagged() throws -> BackupValue {
            try expect(UInt8(ascii: "{"))
            let tag = try string()
            try expect(UInt8(ascii: ":"))
            let payload = try string()
            try expect(UInt8(ascii: "}"))
            switch tag {
            case "base64":
                guard let data = Data(base64Encoded: payload) else { throw failure("bad base64") }
                return .blob(Array(data))
            case "real":
                switch payload {
                case "nan": return .real(.nan)
                case "inf": return .real(.infinity)
                case "-inf": return .real(-.infinity)
                default: throw failure("bad real")
                }
            default:
                throw failure("unknown tagged value")
            }
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = position
            // Fast path: no escapes.
            while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { position += 1 }
            if current == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
            }
            var out = Array(bytes[start..<position])
            while let byte = current {
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { throw failure("unterminated escape") }
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                    case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            try literal(Array("\\u".utf8))
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw failure("bad surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw failure("bad \\u escape") }
                        out += Array(String(Character(unicode)).utf8)
                    default: throw failure("bad escape")
                    }
                default:
                    out.append(byte)
                }
            }
            throw failure("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = hexValue(byte) else { throw failure("bad \\u escape") }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }
    }
}
