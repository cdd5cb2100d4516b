// SPDX-License-Identifier: Apache-2.0

/// What several servers on one database must share: who runs each single-runner job (a lease
/// with an expiry) and the login throttle's counts (so each server sees every failure).
struct M0023ClusterCoordination: Migration {
    let id = "0023_cluster_coordination"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE job_leases (
                job TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                acquired_at BIGINT NOT NULL,
                renewed_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE login_throttle_state (
                tenant_id TEXT NOT NULL,
                scope TEXT NOT NULL,
                key TEXT NOT NULL,
                state TEXT NOT NULL,
                expires_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, scope, key)
            )
            """,
            "CREATE INDEX login_throttle_state_expiry ON login_throttle_state (expires_at)",
        ]
    }
}
