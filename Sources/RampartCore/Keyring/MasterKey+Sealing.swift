// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

extension MasterKey {
    /// AES-256-GCM directly under the master key, bound to `context` as additional data:
    /// `base64(nonce ‖ ciphertext ‖ tag)`. For the few platform secrets that belong to no tenant
    /// key (the audit checkpoint signing keys, which must exist for the platform's own log too).
    package func seal(_ plaintext: Secret<[UInt8]>, context: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.exposedValue), using: key, authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw RampartError(.keyring, "could not seal value") }
        return combined.base64EncodedString()
    }

    package func open(_ sealed: String, context: String) throws -> Secret<[UInt8]> {
        guard let combined = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: combined),
            let plaintext = try? AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
        else { throw RampartError(.keyring, "a value sealed under the master key does not open (wrong key or altered)") }
        return Secret(Array(plaintext))
    }
}
