// SPDX-License-Identifier: Apache-2.0

/// E-mail recipients on alert rules, and a channel on each queued delivery.
///
/// `emails` is a JSON array of addresses (`[]` for a webhook-only rule). A rule without a webhook
/// keeps `url` and `sealed_secret` as empty strings rather than `NULL`: relaxing `NOT NULL` would
/// mean rebuilding the table on SQLite, and the store maps `''` to "no webhook" in one place.
/// Deliveries queued before this migration were all webhook deliveries.
struct M0010AlertEmail: Migration {
    let id = "0010_alert_email"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE security_alert_rules ADD COLUMN emails TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE security_alert_deliveries ADD COLUMN channel TEXT NOT NULL DEFAULT 'webhook'",
        ]
    }
}
