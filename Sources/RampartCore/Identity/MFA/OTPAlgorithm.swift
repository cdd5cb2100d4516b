// SPDX-License-Identifier: Apache-2.0

import Crypto

/// The HMAC hash of a one-time-password generator (RFC 6238 §1.2).
///
/// Rampart enrols with ``sha1`` because that is the only algorithm every authenticator app
/// honours (many silently ignore `algorithm=` and use SHA-1, producing codes that never match).
/// SHA-256 and SHA-512 exist so the RFC 6238 test vectors can be checked and so that imported
/// secrets from other systems keep working.
package enum OTPAlgorithm: String, Sendable, Codable, CaseIterable {
    case sha1 = "SHA1"
    case sha256 = "SHA256"
    case sha512 = "SHA512"

    /// HMAC of `message` keyed with `key`.
    func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let symmetricKey = SymmetricKey(data: key)
        switch self {
        case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: symmetricKey))
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetricKey))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: symmetricKey))
        }
    }
}
