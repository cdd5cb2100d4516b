// SPDX-License-Identifier: Apache-2.0

/// Base32 (RFC 4648 §6), the encoding authenticator apps expect for TOTP secrets.
///
/// Output is upper case without `=` padding, because the Key URI format used by authenticator
/// apps omits padding and some apps reject it. Input is decoded tolerantly (any case, spaces,
/// dashes and trailing padding ignored) since people copy secrets by hand from a screen.
package enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Maps an ASCII byte to its 5-bit value, or `0xFF` when the byte is not in the alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(index)
            // Lower case decodes too: apps and people both produce it.
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { table[Int(byte + 32)] = UInt8(index) }
        }
        return table
    }()

    /// Encodes `bytes` as upper-case Base32 without padding.
    package static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bitCount = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                output.append(alphabet[Int((buffer >> UInt32(bitCount)) & 0x1F)])
            }
        }
        if bitCount > 0 {
            output.append(alphabet[Int((buffer << UInt32(5 - bitCount)) & 0x1F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes Base32 text, ignoring case, spaces, dashes and `=` padding.
    ///
    /// Returns `nil` for characters outside the alphabet, for padding followed by more data, and
    /// for lengths no encoder can produce (1, 3 or 6 characters in the final group of 8), so that
    /// a mistyped secret is reported instead of silently producing a different key.
    package static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 5 / 8)
        var buffer: UInt32 = 0
        var bitCount = 0
        var characterCount = 0
        var sawPadding = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "-"):
                continue
            case UInt8(ascii: "="):
                sawPadding = true
                continue
            default:
                break
            }
            let value = decodeTable[Int(byte)]
            guard value != 0xFF, !sawPadding else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bitCount += 5
            characterCount += 1
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bitCount)))
            }
            buffer &= (1 << UInt32(bitCount)) - 1
        }
        switch characterCount % 8 {
        case 1, 3, 6: return nil
        default: return output
        }
    }
}
