// SPDX-License-Identifier: Apache-2.0

/// The SCIM attributes of one user or group, kept beside the Rampart row they describe.
///
/// SCIM resources *are* Rampart's users and groups: the user row holds what Rampart acts on
/// (username, status, display name, e-mail) and this document holds everything else the identity
/// provider sent (name parts, phone numbers, the enterprise extension…), so that a GET returns
/// what was provisioned. The document is JSON in the SCIM engine's stored form; this layer does not
/// look inside it.
package struct SCIMDocument: Sendable, Equatable {
    /// The SCIM resource type a document belongs to.
    package enum Kind: String, Sendable, CaseIterable {
        case user = "User"
        case group = "Group"
    }

    package var tenantID: TenantID
    package var kind: Kind
    /// The user or group id: the SCIM `id`.
    package var resourceID: String
    /// The provider's `externalId`, copied out of the document so lookups by it use an index.
    package var externalID: String?
    /// The stored attributes, as SCIM JSON.
    package var attributes: String
    /// Grows by one on every change; the resource's `meta.version` and weak ETag.
    package var version: Int64
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        tenantID: TenantID, kind: Kind, resourceID: String, externalID: String?, attributes: String, version: Int64,
        createdAt: Int64, updatedAt: Int64
    ) {
        self.tenantID = tenantID
        self.kind = kind
        self.resourceID = resourceID
        self.externalID = externalID
        self.attributes = attributes
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
