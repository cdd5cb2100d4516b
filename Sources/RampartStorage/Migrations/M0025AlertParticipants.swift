// SPDX-License-Identifier: Apache-2.0

/// Alert rules that also e-mail a workflow event's participants (the approvers of a request, its
/// requester) at their own addresses.
struct M0025AlertParticipants: Migration {
    let id = "0025_alert_participants"

    func statements(for engine: DatabaseEngine) -> [String] {
        ["ALTER TABLE security_alert_rules ADD COLUMN notify_participants BIGINT NOT NULL DEFAULT 0"]
    }
}
