// SPDX-License-Identifier: Apache-2.0

/// Why a scheme or a value was refused. Messages name sizes and positions, never a value.
package struct EncryptionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    package enum Code: String, Sendable {
        /// The scheme's own settings are inconsistent (radix, alphabet, tweak, key size).
        case invalidScheme = "invalid-scheme"
        /// Fewer characters to encrypt than the radix's minimum domain (SP 800-38G: 10⁶ values).
        case belowMinimumDomain = "below-minimum-domain"
        /// More characters than the scheme encrypts.
        case tooLong = "too-long"
        /// The value cannot be what the scheme produced (not a token, a foreign ciphertext).
        case invalidValue = "invalid-value"
    }

    package let code: Code
    package let message: String
    /// The scheme setting the error is about, when it is about one.
    package let field: String?

    package init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    package var description: String { "\(code.rawValue): \(message)" }
}
