// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Ranger service definitions (service types such as `hive`). Services and policies name their
/// definition, so its name is fixed, and a definition services still use cannot be deleted.
package enum ServiceDefKind: RangerObjectKind {
    package static let kind = PolicyObjectKind.serviceDef
    package static let noun = "service definition"
    package static let changeSubject = ChangeRequest.Subject.serviceDef

    package static func validate(_ json: JSONValue, replacing current: PolicyObject?, tenant: TenantID, store: any Store) async throws -> ServiceDef {
        try RangerJSON.validated { () throws(PolicyError) in try ServiceDefValidator.validate(json) }
    }

    package static func key(_ value: ServiceDef) -> PolicyObjectKey { PolicyObjectKey(name: value.name) }

    package static func document(_ value: ServiceDef, id: Int64, version: Int64, replacing previous: PolicyObject?) throws -> String {
        try PolicyAdministration.serviceDefDocument(value, id: id, version: version)
    }

    package static func prepareDeletion(_ row: PolicyObject, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        let users = try await tx.countPolicyObjects(.service, ref: row.name, in: tenant)
        guard users == 0 else { throw RampartError(.conflict, "\(users) service(s) of type `\(row.name.prefix(64))` still exist") }
    }
}
