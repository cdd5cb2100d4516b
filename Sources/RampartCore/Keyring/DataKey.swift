// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// One version of a tenant's data key, unwrapped in memory.
package struct DataKey: Sendable {
    package let tenantID: TenantID
    package let version: Int
    package let key: SymmetricKey

    package init(tenantID: TenantID, version: Int, key: SymmetricKey) {
        self.tenantID = tenantID
        self.version = version
        self.key = key
    }

    package static func generate(tenantID: TenantID, version: Int) -> DataKey {
        DataKey(tenantID: tenantID, version: version, key: SymmetricKey(size: .bits256))
    }

    /// Binds a wrapped key to its tenant and version, so a wrapped key copied to another tenant's
    /// row, or relabelled with another version, fails to unwrap.
    private static func wrappingContext(tenantID: TenantID, version: Int) -> Data {
        Data("rampart-data-key-v1|\(tenantID.rawValue)|\(version)".utf8)
    }

    /// AES-256-GCM under the master key: `base64(nonce ‖ ciphertext ‖ tag)`.
    package func wrapped(by master: MasterKey) throws -> String {
        let plaintext = key.withUnsafeBytes { Data($0) }
        let box = try AES.GCM.seal(
            plaintext, using: master.key,
            authenticating: Self.wrappingContext(tenantID: tenantID, version: version))
        guard let combined = box.combined else { throw RampartError(.keyring, "could not wrap data key") }
        return combined.base64EncodedString()
    }

    package static func unwrap(_ wrapped: String, tenantID: TenantID, version: Int, master: MasterKey) throws -> DataKey {
        guard let combined = Data(base64Encoded: wrapped) else {
            throw RampartError(.keyring, "wrapped data key for tenant \(tenantID) version \(version) is malformed")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            let plaintext = try AES.GCM.open(
                box, using: master.key, authenticating: wrappingContext(tenantID: tenantID, version: version))
            return DataKey(tenantID: tenantID, version: version, key: SymmetricKey(data: plaintext))
        } catch {
            throw RampartError(
                .keyring, "data key for tenant \(tenantID) version \(version) does not open with this master key")
        }
    }
}
