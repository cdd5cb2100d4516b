// SPDX-License-Identifier: Apache-2.0

/// An API key's own limit on decision requests (both columns or neither; absent: the server's
/// default for a key).
struct M0015ApiKeyDecisionRate: Migration {
    let id = "0015_api_key_decision_rate"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE api_keys ADD COLUMN decision_burst BIGINT",
            "ALTER TABLE api_keys ADD COLUMN decisions_per_second BIGINT",
        ]
    }
}
