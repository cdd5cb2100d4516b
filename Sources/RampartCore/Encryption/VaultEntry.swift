// SPDX-License-Identifier: Apache-2.0

/// One entry of a tenant's token vault: a reversible token scheme's token and the original value,
/// sealed with the tenant's data key (`Envelope`, bound to the scheme and token), so the vault is
/// readable only through the keyring and a rotation can re-encrypt it entry by entry.
package struct VaultEntry: Sendable, Equatable {
    package var tenantID: TenantID
    package var schemeID: String
    package var token: String
    package var ciphertext: String
    /// The data-key version of `ciphertext`: what a re-encryption after a rotation looks for.
    package var keyVersion: Int
    package var createdAt: Int64

    package init(tenantID: TenantID, schemeID: String, token: String, ciphertext: String, keyVersion: Int, createdAt: Int64) {
        self.tenantID = tenantID
        self.schemeID = schemeID
        self.token = token
        self.ciphertext = ciphertext
        self.keyVersion = keyVersion
        self.createdAt = createdAt
    }

    /// The envelope purpose of an entry: the scheme and the token, so a sealed value moved to
    /// another token or scheme does not open.
    package static func purpose(schemeID: String, token: String) -> String { "vault:\(schemeID):\(token)" }
}
