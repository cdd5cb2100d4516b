// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `policy_objects`. A ``PolicyObject`` does not carry its tenant: statements bind `tenant_id`
/// beside the row, so updates go through ``update(_:in:)``.
enum PolicyObjectsTable: StoredTable {
    static let name = "policy_objects"
    /// The column no ``PolicyObject`` fills.
    static let tenantID = "tenant_id"
    static let kind = Column<PolicyObject, String>("kind") { $0.kind.rawValue }
    static let id = Column<PolicyObject, Int64>("id") { $0.id }
    static let objectName = Column<PolicyObject, String>("name") { $0.name }
    static let scope = Column<PolicyObject, String>("scope") { $0.scope }
    static let ref = Column<PolicyObject, String>("ref") { $0.ref }
    static let document = Column<PolicyObject, String>("document") { $0.document }
    static let version = Column<PolicyObject, Int64>("version") { $0.version }
    static let createdAt = Column<PolicyObject, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<PolicyObject, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(kind), AnyColumn(id), AnyColumn(objectName), AnyColumn(scope), AnyColumn(ref), AnyColumn(document), AnyColumn(version),
        AnyColumn(createdAt), AnyColumn(updatedAt),
    ]
    /// With `tenant_id`, which ``update(_:in:)`` adds.
    static let key = [AnyColumn(kind), AnyColumn(id)]

    /// Without the tenant, an update could reach another tenant's object of the same kind and id.
    @available(*, unavailable, message: "name the tenant: update(_:in:)")
    static func update(_ object: PolicyObject) -> SQLQueryString { updateStatement(object) }

    /// The update of the object of `tenant`.
    static func update(_ object: PolicyObject, in tenant: TenantID) -> SQLQueryString {
        var query = updateStatement(object)
        query.appendInterpolation(" AND \(unsafeRaw: tenantID) = \(bind: tenant.rawValue)" as SQLQueryString)
        return query
    }

    static func decode(_ row: any SQLRow) throws -> PolicyObject {
        let kindText = try row.decode(kind)
        guard let objectKind = PolicyObjectKind(rawValue: kindText) else {
            throw RampartError(.storage, "unknown policy object kind `\(kindText)`")
        }
        return PolicyObject(
            kind: objectKind, id: try row.decode(id), name: try row.decode(objectName), scope: try row.decode(scope),
            ref: try row.decode(ref), document: try row.decode(document), version: try row.decode(version),
            createdAt: try row.decode(createdAt), updatedAt: try row.decode(updatedAt))
    }
}
