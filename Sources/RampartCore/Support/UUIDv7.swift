// SPDX-License-Identifier: Apache-2.0

/// RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds followed by random bits.
package enum UUIDv7 {
    package static func generate(milliseconds: UInt64 = UnixTime.nowMilliseconds()) -> String {
        // Every request and audit record takes one: written into the string's own storage, not
        // through an array of two-character strings.
        var rng = SystemRandomNumberGenerator()
        let random = (rng.next() as UInt64, rng.next() as UInt64)
        var bytes: (UInt64, UInt64) = (
            (milliseconds << 16) | 0x7000 | (random.0 & 0x0FFF),
            0x8000_0000_0000_0000 | (random.1 & 0x3FFF_FFFF_FFFF_FFFF)
        )
        bytes = (bytes.0.bigEndian, bytes.1.bigEndian)
        return withUnsafeBytes(of: &bytes) { raw in
            let digits: StaticString = "0123456789abcdef"
            return digits.withUTF8Buffer { digits in
                String(unsafeUninitializedCapacity: 36) { output in
                    var index = 0
                    for (offset, byte) in raw.enumerated() {
                        if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                            output[index] = UInt8(ascii: "-")
                            index += 1
                        }
                        output[index] = digits[Int(byte >> 4)]
                        output[index + 1] = digits[Int(byte & 0x0F)]
                        index += 2
                    }
                    return index
                }
            }
        }
    }

    /// Whether `text` has the canonical lowercase UUID shape; used to reject junk ids before a query.
    package static func isWellFormed(_ text: some StringProtocol) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 36 else { return false }
        for (index, byte) in utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)) {
                return false
            }
        }
        return true
    }
}
