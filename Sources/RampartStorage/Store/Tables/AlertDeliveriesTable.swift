// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `security_alert_deliveries`.
enum AlertDeliveriesTable: StoredTable {
    static let name = "security_alert_deliveries"
    static let id = Column<AlertDelivery, String>("id") { $0.id }
    static let tenantID = Column<AlertDelivery, String>("tenant_id") { $0.tenantID.rawValue }
    static let ruleID = Column<AlertDelivery, String>("rule_id") { $0.ruleID }
    static let eventID = Column<AlertDelivery, String>("event_id") { $0.eventID }
    static let channel = Column<AlertDelivery, String>("channel") { $0.channel.rawValue }
    static let status = Column<AlertDelivery, String>("status") { $0.status.rawValue }
    static let attempts = Column<AlertDelivery, Int64>("attempts") { Int64($0.attempts) }
    static let nextAttemptAt = Column<AlertDelivery, Int64>("next_attempt_at") { $0.nextAttemptAt }
    static let lastError = Column<AlertDelivery, String?>("last_error") { $0.lastError }
    static let createdAt = Column<AlertDelivery, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<AlertDelivery, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(ruleID), AnyColumn(eventID), AnyColumn(channel), AnyColumn(status), AnyColumn(attempts),
        AnyColumn(nextAttemptAt), AnyColumn(lastError), AnyColumn(createdAt), AnyColumn(updatedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]
    /// A delivery is of one event to one rule's channel; only its progress changes.
    static let fixed: Set<String> = [ruleID.name, eventID.name, channel.name, createdAt.name]

    static func decode(_ row: any SQLRow) throws -> AlertDelivery {
        AlertDelivery(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), ruleID: try row.decode(ruleID),
            eventID: try row.decode(eventID), channel: AlertDelivery.Channel(rawValue: try row.decode(channel)) ?? .webhook,
            status: AlertDelivery.Status(rawValue: try row.decode(status)) ?? .failed, attempts: Int(try row.decode(attempts)),
            nextAttemptAt: try row.decode(nextAttemptAt), lastError: try row.decode(lastError), createdAt: try row.decode(createdAt),
            updatedAt: try row.decode(updatedAt))
    }
}
