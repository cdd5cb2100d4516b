// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// What discovery tagged in a tenant's datasources, and the history of tags scans added and
/// removed.
package struct DiscoveredTags: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// The current tag assignments, of one datasource when given.
    package func assignments(in tenant: TenantID, datasource: String?) async throws -> [TagAssignment] {
        try await services.store.read { tx in try await tx.tagAssignments(in: tenant, datasource: datasource) }
    }

    /// The latest `limit` changes, of one datasource when given.
    package func history(in tenant: TenantID, datasource: String?, limit: Int) async throws -> [TagHistoryEntry] {
        try await services.store.read { tx in try await tx.tagHistory(in: tenant, datasource: datasource, limit: limit) }
    }
}
