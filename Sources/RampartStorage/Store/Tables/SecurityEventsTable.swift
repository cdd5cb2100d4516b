// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

/// `security_events`.
enum SecurityEventsTable: StoredTable {
    static let name = "security_events"
    static let id = Column<SecurityEvent, String>("id") { $0.id }
    static let tenantID = Column<SecurityEvent, String>("tenant_id") { $0.tenantID.rawValue }
    static let kind = Column<SecurityEvent, String>("kind") { $0.kind.rawValue }
    static let occurredAt = Column<SecurityEvent, Int64>("occurred_at") { $0.occurredAt }
    static let actorType = Column<SecurityEvent, String>("actor_type") { $0.actorType }
    static let actorID = Column<SecurityEvent, String?>("actor_id") { $0.actorID }
    static let sourceIP = Column<SecurityEvent, String?>("source_ip") { $0.sourceIP }
    static let userAgent = Column<SecurityEvent, String?>("user_agent") { $0.userAgent }
    static let requestID = Column<SecurityEvent, String?>("request_id") { $0.requestID }
    static let details = Column<SecurityEvent, String>("details") { SQLStoreTransaction.detailsText($0.details) }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(kind), AnyColumn(occurredAt), AnyColumn(actorType), AnyColumn(actorID),
        AnyColumn(sourceIP), AnyColumn(userAgent), AnyColumn(requestID), AnyColumn(details),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    /// Rows of a kind this build does not know (written by a newer server) are skipped: nil.
    static func decodeIfKnown(_ row: any SQLRow) throws -> SecurityEvent? {
        guard let eventKind = SecurityEventKind(rawValue: try row.decode(kind)) else { return nil }
        let detailsText = try row.decode(details)
        let eventDetails = (try? JSONDecoder().decode([String: String].self, from: Data(detailsText.utf8))) ?? [:]
        return SecurityEvent(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), kind: eventKind, occurredAt: try row.decode(occurredAt),
            actorType: try row.decode(actorType), actorID: try row.decode(actorID), sourceIP: try row.decode(sourceIP),
            userAgent: try row.decode(userAgent), requestID: try row.decode(requestID), details: eventDetails)
    }

    /// ``decodeIfKnown(_:)``, for which an unknown kind is an error.
    static func decode(_ row: any SQLRow) throws -> SecurityEvent {
        guard let event = try decodeIfKnown(row) else { throw RampartError(.storage, "a stored security event is of an unknown kind") }
        return event
    }
}
