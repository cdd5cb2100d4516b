// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// Deterministic keyed tokens: `prefix ‖ base32(HMAC-SHA-256(key, value))[first 160 bits]`.
/// The same value gives the same token within a scheme (joins still work), no token can be
/// computed without the key, and nothing about the value's length or characters shows.
package struct KeyedTokenizer: Sendable {
    package let prefix: String
    private let key: SymmetricKey

    /// Token bytes kept from the MAC: 160 bits, so a collision among 10¹² values has odds below 10⁻²⁴.
    package static let tokenBytes = 20
    /// Characters of the encoded part: 160 bits in base32.
    package static let encodedLength = 32
    private static let base32: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// - Parameter prefix: up to 16 characters of `[A-Za-z0-9_-]`, so a token is recognisable.
    package init(key: SymmetricKey, prefix: String) throws {
        guard prefix.utf8.count <= 16, prefix.utf8.allSatisfy({ Self.isPrefixCharacter($0) }) else {
            throw EncryptionError(.invalidScheme, "a token prefix is up to 16 characters of A-Z, a-z, 0-9, _ and -")
        }
        self.key = key
        self.prefix = prefix
    }

    package func token(for value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)
        var out = [UInt8]()
        out.reserveCapacity(prefix.utf8.count + Self.encodedLength)
        out.append(contentsOf: prefix.utf8)
        mac.withUnsafeBytes { bytes in
            // 20 bytes = four 40-bit groups of eight base32 characters.
            for group in 0..<4 {
                var bits: UInt64 = 0
                for index in 0..<5 { bits = bits << 8 | UInt64(bytes[group * 5 + index]) }
                for shift in stride(from: 35, through: 0, by: -5) { out.append(Self.base32[Int(bits >> UInt64(shift) & 31)]) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has the shape of this tokenizer's tokens (not whether it was issued).
    package func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == prefix.utf8.count + Self.encodedLength, bytes.starts(with: prefix.utf8) else { return false }
        return bytes[prefix.utf8.count...].allSatisfy { Self.base32.contains($0) }
    }

    package static func isPrefixCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
    }
}
