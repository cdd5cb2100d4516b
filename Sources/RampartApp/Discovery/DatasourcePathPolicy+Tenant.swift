// SPDX-License-Identifier: Apache-2.0

import RampartConnectors
import RampartCore
import RampartStorage

extension DatasourcePathPolicy {
    /// The policy for `tenant`'s file datasources, read in `tx`: the directory the operator mapped
    /// it to (`rampart tenants set-datasource-root`), else `<root>/<tenant slug>/` of each
    /// `--datasource-root`. Asked at every use, so a mapping change applies at once.
    package func forTenant(_ tenant: TenantID, in tx: any StoreTransaction) async throws -> DatasourcePathPolicy {
        guard let slug = try await tx.tenant(id: tenant)?.slug else { throw RampartError.notFound("tenant") }
        return forTenant(slug: slug, mappedRoot: try await tx.tenantDatasourceRoot(tenant))
    }
}
