// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's security events, newest first, for its security roles.
package struct SecurityEvents: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// A page of the events matching `query` (its `limit` is the page size), with the cursor of the next page.
    package func list(_ query: SecurityEventQuery, in tenant: TenantID) async throws -> Page<SecurityEvent> {
        let limit = query.limit
        var oneMore = query
        oneMore.limit += 1
        let filter = oneMore
        let events = try await services.store.read { try await $0.securityEvents(in: tenant, query: filter) }
        return Page(limit: limit, of: events, cursor: \.id)
    }
}
