// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The 256-bit key that wraps every tenant data key. It never encrypts data directly.
package struct MasterKey: Sendable {
    package let key: SymmetricKey

    package init(key: SymmetricKey) throws {
        guard key.bitCount == 256 else { throw RampartError(.keyring, "master key must be 32 bytes") }
        self.key = key
    }

    /// Parses base64 text (standard or url alphabet) holding exactly 32 bytes.
    package init(base64: Secret<String>) throws {
        let trimmed = base64.exposedValue.trimmingWhitespace()
        guard let data = Data(base64Encoded: trimmed) ?? Base64URL.decode(trimmed), data.count == 32 else {
            throw RampartError(.keyring, "master key must be 32 bytes, base64 encoded")
        }
        try self.init(key: SymmetricKey(data: data))
    }

    /// A freshly generated 256-bit key, which needs no size check.
    private init(generated key: SymmetricKey) { self.key = key }

    package static func generate() -> MasterKey { MasterKey(generated: SymmetricKey(size: .bits256)) }

    package var base64: Secret<String> { Secret(key.withUnsafeBytes { Data($0).base64EncodedString() }) }

    /// A short, non-secret fingerprint (first 8 bytes of HMAC-SHA256 over a fixed label) so that
    /// a restart with a different master key is detected with a clear message instead of failing
    /// on the first decryption.
    package var fingerprint: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("rampart master key fingerprint v1".utf8), using: key)
        return Hex.lowercase(Data(mac).prefix(8))
    }
}
