// SPDX-License-Identifier: Apache-2.0

/// Indexes for the keyset pages of users and groups (`WHERE tenant_id = ? AND id > ? ORDER BY id`).
///
/// Without them SQLite answered from the `(tenant_id, username)` unique index and sorted the
/// whole tenant by id for every page: 120–160 ms a page at 100,000 users, 26–45 ms at 50,000
/// groups (scripts/console-bench.sh). With them a page reads its 51 rows in order.
struct M0026ListIndexes: Migration {
    let id = "0026_list_indexes"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "CREATE INDEX users_tenant_page ON users (tenant_id, id)",
            "CREATE INDEX user_groups_tenant_page ON user_groups (tenant_id, id)",
        ]
    }
}
