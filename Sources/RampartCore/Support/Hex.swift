// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Lower-case hexadecimal text of bytes.
///
/// Written out here because digests are turned into hex on every authenticated request (the
/// API-key and session-token lookups hash the presented secret): `String(format: "%02x")` per
/// byte went through Foundation's formatter 32 times a request and was measured at 6% of a
/// single decision's server time.
package enum Hex {
    private static let digits: StaticString = "0123456789abcdef"

    /// `bytes` (a digest, a MAC, `Data`, an array) as lower-case hexadecimal, two digits a byte.
    package static func lowercase(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { lowercase(buffer: $0) }
    }

    private static func lowercase(buffer bytes: UnsafeRawBufferPointer) -> String {
        let count = bytes.count
        guard count > 0 else { return "" }
        return digits.withUTF8Buffer { digits in
            String(unsafeUninitializedCapacity: 2 * count) { output in
                var index = 0
                for byte in bytes {
                    output[index] = digits[Int(byte >> 4)]
                    output[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }
}
