// SPDX-License-Identifier: Apache-2.0

/// Appends JSON text to a byte array, for the few hot paths (decision answers, audit rows handed
/// to the database as one JSON document) where building it by hand costs a fraction of
/// Foundation's encoders. Everything else uses `JSONEncoder`.
package enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    package static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = text.utf8
        var pending = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                out.append(contentsOf: utf8[pending..<index])
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                pending = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.append(contentsOf: utf8[pending..<utf8.endIndex])
        out.append(0x22)
    }

    /// A string, or `null`.
    package static func appendString(_ text: String?, to out: inout [UInt8]) {
        if let text { appendString(text, to: &out) } else { appendNull(to: &out) }
    }

    /// An integer, or `null`.
    package static func appendInteger<I: BinaryInteger>(_ value: I?, to out: inout [UInt8]) {
        if let value { out.append(contentsOf: String(value).utf8) } else { appendNull(to: &out) }
    }

    package static func appendNull(to out: inout [UInt8]) { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    /// `"name":` — names are Rampart's own identifiers, never escaped.
    package static func appendKey(_ name: StaticString, to out: inout [UInt8]) {
        out.append(0x22)
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: [0x22, 0x3A])
    }
}
