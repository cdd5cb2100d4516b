// SPDX-License-Identifier: Apache-2.0

/// The directory a tenant's file datasources must be under, when the operator set one with
/// `rampart tenants set-datasource-root`; `NULL` means the default, `<root>/<tenant slug>/` under
/// each `--datasource-root`.
struct M0012TenantDatasourceRoot: Migration {
    let id = "0012_tenant_datasource_root"

    func statements(for engine: DatabaseEngine) -> [String] {
        ["ALTER TABLE tenants ADD COLUMN datasource_root TEXT"]
    }
}
