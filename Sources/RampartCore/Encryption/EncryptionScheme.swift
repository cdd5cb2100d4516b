// SPDX-License-Identifier: Apache-2.0

/// A tenant's encryption scheme as stored: its name and the JSON of its
/// `EncryptionSchemeDefinition` (text here, because the core does not depend on the encryption
/// engine). Its key material is the tenant secret ``keySecretName``, sealed with the tenant's
/// data key, so a data-key rotation re-encrypts it like any other secret.
package struct EncryptionScheme: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    /// Unique in the tenant; the resource policies name (`rampart-encryption`'s `scheme`).
    package var name: String
    package var algorithm: String
    package var definition: String
    package var description: String
    package var createdAt: Int64

    package init(id: String, tenantID: TenantID, name: String, algorithm: String, definition: String, description: String, createdAt: Int64) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.algorithm = algorithm
        self.definition = definition
        self.description = description
        self.createdAt = createdAt
    }

    /// The tenant secret holding the scheme's 256-bit key material.
    package var keySecretName: String { "encryption-scheme:\(id)" }
}
