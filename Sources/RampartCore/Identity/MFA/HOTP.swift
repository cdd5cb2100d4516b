// SPDX-License-Identifier: Apache-2.0

/// HMAC-based one-time passwords (RFC 4226), the counter-driven core that TOTP builds on.
package enum HOTP {
    /// Powers of ten for the supported code lengths, so truncation never overflows.
    private static let modulus: [Int: UInt32] = [6: 1_000_000, 7: 10_000_000, 8: 100_000_000]

    /// The digit counts accepted by ``code(key:counter:digits:algorithm:)``.
    package static let supportedDigits: ClosedRange<Int> = 6...8

    /// The one-time password for `counter`, left-padded with zeros to `digits` characters.
    ///
    /// - Precondition: `digits` is in ``supportedDigits``; callers validate it when a ``TOTP``
    ///   is constructed, so this is a programming error rather than bad input.
    package static func code(key: [UInt8], counter: UInt64, digits: Int, algorithm: OTPAlgorithm) -> String {
        precondition(supportedDigits.contains(digits), "unsupported OTP length \(digits)")
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[index] = UInt8(truncatingIfNeeded: counter >> UInt64((7 - index) * 8)) }
        let mac = algorithm.authenticationCode(key: key, message: message)
        // Dynamic truncation (RFC 4226 §5.3): the low nibble of the last byte picks 4 bytes, whose
        // top bit is cleared so the value is the same whether read as signed or unsigned.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let value = binary % (modulus[digits] ?? 1_000_000)
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
