// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_tagging_rules`.
enum TaggingRulesTable: StoredTable {
    static let name = "discovery_tagging_rules"
    static let id = Column<TaggingRule, String>("id") { $0.id }
    static let tenantID = Column<TaggingRule, String>("tenant_id") { $0.tenantID.rawValue }
    static let dataClass = Column<TaggingRule, String>("data_class") { $0.dataClass }
    static let minConfidence = Column<TaggingRule, Double>("min_confidence") { $0.minConfidence }
    static let tag = Column<TaggingRule, String>("tag") { $0.tag }
    static let createdAt = Column<TaggingRule, Int64>("created_at") { $0.createdAt }

    static let columns = [AnyColumn(id), AnyColumn(tenantID), AnyColumn(dataClass), AnyColumn(minConfidence), AnyColumn(tag), AnyColumn(createdAt)]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> TaggingRule {
        TaggingRule(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), dataClass: try row.decode(dataClass),
            minConfidence: try row.decode(minConfidence), tag: try row.decode(tag), createdAt: try row.decode(createdAt))
    }
}
