// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A scheme's working keys, derived from its 256-bit key material (kept in the tenant keyring) by
/// HKDF-SHA-256 with the scheme id and the algorithm in the info, so one scheme's key can never
/// serve another scheme or another algorithm.
package enum SchemeKeys {
    package static func ff1Key(material: SymmetricKey, schemeID: String) -> SymmetricKey {
        derive(material, info: "rampart-ff1-v1|\(schemeID)")
    }

    package static func tokenKey(material: SymmetricKey, schemeID: String) -> SymmetricKey {
        derive(material, info: "rampart-token-v1|\(schemeID)")
    }

    /// An `aead` scheme's key for one tenant data-key version: both keys are needed, so rotating
    /// the data key gives new versions and deleting the scheme's material shreds what it sealed.
    package static func aeadKey(material: SymmetricKey, dataKey: SymmetricKey, schemeID: String) -> SymmetricKey {
        let salt = material.withUnsafeBytes { Data($0) }
        return HKDF<SHA256>.deriveKey(
            inputKeyMaterial: dataKey, salt: salt, info: Data("rampart-aead-v1|\(schemeID)".utf8), outputByteCount: 32)
    }

    private static func derive(_ material: SymmetricKey, info: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Data(info.utf8), outputByteCount: 32)
    }
}
