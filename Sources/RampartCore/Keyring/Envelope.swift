// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The stored form of a value encrypted with a tenant data key:
/// `renc1.<key version>.<base64url(nonce ‖ ciphertext ‖ tag)>`.
///
/// The key version travels with the ciphertext so that rotation never strands old data, and the
/// tenant id plus a caller-chosen purpose are authenticated (not stored), so a ciphertext moved to
/// another tenant's row or another column does not decrypt.
package enum Envelope {
    private static let prefix = "renc1"

    package static func seal(_ plaintext: Secret<[UInt8]>, with dataKey: DataKey, purpose: String) throws -> String {
        let box = try plaintext.withValue { bytes in
            try AES.GCM.seal(
                bytes, using: dataKey.key, authenticating: context(tenantID: dataKey.tenantID, purpose: purpose))
        }
        guard let combined = box.combined else { throw RampartError(.keyring, "could not encrypt value") }
        return "\(prefix).\(dataKey.version).\(Base64URL.encode(combined))"
    }

    /// The key version an envelope was sealed with, or `nil` when the text is not an envelope.
    package static func keyVersion(of envelope: String) -> Int? {
        let parts = envelope.split(separator: ".")
        guard parts.count == 3, parts[0] == prefix, let version = Int(parts[1]), version > 0 else { return nil }
        return version
    }

    package static func open(_ envelope: String, with dataKey: DataKey, purpose: String) throws -> Secret<[UInt8]> {
        let parts = envelope.split(separator: ".")
        guard parts.count == 3, parts[0] == prefix, Int(parts[1]) == dataKey.version,
            let combined = Base64URL.decode(String(parts[2]))
        else { throw RampartError(.keyring, "encrypted value is malformed") }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            let plaintext = try AES.GCM.open(
                box, using: dataKey.key, authenticating: context(tenantID: dataKey.tenantID, purpose: purpose))
            return Secret(Array(plaintext))
        } catch {
            throw RampartError(.keyring, "encrypted value failed authentication")
        }
    }

    private static func context(tenantID: TenantID, purpose: String) -> Data {
        Data("rampart-envelope-v1|\(tenantID.rawValue)|\(purpose)".utf8)
    }
}
