// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `security_alert_rules`.
enum AlertRulesTable: StoredTable {
    static let name = "security_alert_rules"
    static let id = Column<AlertRule, String>("id") { $0.id }
    static let tenantID = Column<AlertRule, String>("tenant_id") { $0.tenantID.rawValue }
    static let ruleName = Column<AlertRule, String>("name") { $0.name }
    static let kinds = Column<AlertRule, String>("kinds") { $0.kinds.map(\.rawValue).sorted().joined(separator: ",") }
    /// M0010AlertEmail: an e-mail-only rule stores its absent webhook as ''.
    static let url = Column<AlertRule, String>("url") { $0.url ?? "" }
    static let sealedSecret = Column<AlertRule, String>("sealed_secret") { $0.sealedSecret ?? "" }
    static let emails = Column<AlertRule, String>("emails") { SQLStoreTransaction.encodeEmails($0.emails) }
    static let createdAt = Column<AlertRule, Int64>("created_at") { $0.createdAt }
    static let notifyParticipants = Column<AlertRule, Int64>("notify_participants") { $0.notifyParticipants ? 1 : 0 }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(ruleName), AnyColumn(kinds), AnyColumn(url), AnyColumn(sealedSecret), AnyColumn(emails),
        AnyColumn(createdAt), AnyColumn(notifyParticipants),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> AlertRule {
        let eventKinds = try row.decode(kinds).split(separator: ",").compactMap { SecurityEventKind(rawValue: String($0)) }
        return AlertRule(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(ruleName), kinds: Set(eventKinds),
            url: try row.decode(url).nonEmpty, sealedSecret: try row.decode(sealedSecret).nonEmpty,
            emails: try SQLStoreTransaction.decodeEmails(try row.decode(emails)), createdAt: try row.decode(createdAt),
            notifyParticipants: try row.decode(notifyParticipants) != 0)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
