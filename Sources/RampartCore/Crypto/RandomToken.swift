// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// Random secrets and their storable digests.
package enum RandomToken {
    /// `byteCount` bytes from the system CSPRNG (through swift-crypto), base64url without padding.
    package static func generate(byteCount: Int = 32) -> String {
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: byteCount * 8))
        return key.withUnsafeBytes { Base64URL.encode(Data($0)) }
    }

    /// Random bytes from the system CSPRNG.
    package static func bytes(_ count: Int) -> [UInt8] {
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: count * 8))
        return key.withUnsafeBytes { Array($0) }
    }

    /// The SHA-256 digest of a high-entropy secret, hex encoded.
    ///
    /// A fast hash is right here (unlike passwords): the secrets are 256-bit random values, so
    /// guessing the preimage is infeasible whatever the hash speed.
    package static func digest(_ secret: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(secret.utf8)))
    }
}

/// Base64url (RFC 4648 §5) without padding.
package enum Base64URL {
    package static func encode(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    package static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64)
    }
}
