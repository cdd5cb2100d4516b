// SPDX-License-Identifier: Apache-2.0

/// Ranger services per tenant: the service definition, the service and its policies, stored as
/// Ranger JSON with a version that every change bumps.
struct M0002PolicyServices: Migration {
    let id = "0002_policy_services"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE policy_services (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                service_def TEXT NOT NULL,
                service TEXT NOT NULL,
                policies TEXT NOT NULL,
                version BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, name)
            )
            """
        ]
    }
}
