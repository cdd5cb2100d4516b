// SPDX-License-Identifier: Apache-2.0

/// A customer of the Rampart deployment. Every other record belongs to exactly one tenant.
package struct Tenant: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        case active
        case suspended
    }

    package var id: TenantID
    /// A short, URL-safe, unique name chosen by the operator (`acme`, `globex-eu`).
    package var slug: String
    package var displayName: String
    package var status: Status
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(id: TenantID, slug: String, displayName: String, status: Status, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.slug = slug
        self.displayName = displayName
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
