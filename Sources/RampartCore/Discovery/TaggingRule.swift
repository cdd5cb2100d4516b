// SPDX-License-Identifier: Apache-2.0

/// A tenant's rule "class X found with confidence ≥ c → tag T", applied after every scan.
package struct TaggingRule: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    /// A discovery class id (`CREDIT_CARD`, or a custom classifier's class).
    package var dataClass: String
    package var minConfidence: Double
    /// The tag type written to the tag service (`PCI`, `PII`…); free text.
    package var tag: String
    package var createdAt: Int64

    package init(id: String, tenantID: TenantID, dataClass: String, minConfidence: Double, tag: String, createdAt: Int64) {
        self.id = id
        self.tenantID = tenantID
        self.dataClass = dataClass
        self.minConfidence = minConfidence
        self.tag = tag
        self.createdAt = createdAt
    }
}

/// A custom classifier of a tenant: the JSON of a `CustomClassifierDefinition`, kept as text here
/// because the core does not depend on the discovery engine.
package struct TenantClassifier: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    /// The class id it reports; unique in the tenant.
    package var name: String
    package var definition: String
    package var createdAt: Int64

    package init(id: String, tenantID: TenantID, name: String, definition: String, createdAt: Int64) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.definition = definition
        self.createdAt = createdAt
    }
}
