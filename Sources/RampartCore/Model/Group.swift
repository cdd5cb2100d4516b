// SPDX-License-Identifier: Apache-2.0

/// A named set of users in one tenant; policies grant to groups.
package struct Group: Sendable, Equatable {
    package var id: GroupID
    package var tenantID: TenantID
    package var name: String
    package var description: String?
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(id: GroupID, tenantID: TenantID, name: String, description: String?, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
