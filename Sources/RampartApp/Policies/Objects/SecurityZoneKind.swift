// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Ranger security zones: resources of a zone are governed only by the policies of that zone.
/// A zone's services must exist and its resource sets must fit each service's definition; its
/// name is fixed, and a zone that policies still belong to cannot be deleted.
package enum SecurityZoneKind: RangerObjectKind {
    package struct Validated: Sendable {
        package var zone: SecurityZone
        /// The body, whose resource sets are checked against the services' definitions.
        package var json: JSONValue
    }

    package static let kind = PolicyObjectKind.zone
    package static let noun = "zone"
    package static let changeSubject = ChangeRequest.Subject.zone

    package static func validate(_ json: JSONValue, replacing current: PolicyObject?, tenant: TenantID, store: any Store) async throws -> Validated {
        Validated(zone: try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.zone(json) }, json: json)
    }

    package static func key(_ value: Validated) -> PolicyObjectKey { PolicyObjectKey(name: value.zone.name) }

    package static func document(_ value: Validated, id: Int64, version: Int64, replacing previous: PolicyObject?) throws -> String {
        try PolicyAdministration.zoneDocument(value.zone, id: id, version: version)
    }

    /// Each service of the zone must exist, with resource sets its definition allows; tag
    /// services must be tag services.
    package static func checkReferences(_ value: Validated, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        var validators: [String: PolicyValidator] = [:]
        for service in value.zone.services.keys.sorted() {
            guard let row = try await tx.policyObject(.service, name: service, scope: "", in: tenant),
                let def = try await tx.policyObject(.serviceDef, name: row.ref, scope: "", in: tenant)
            else { throw RampartError.validation("unknown service `\(service.prefix(64))`", field: "services.\(service)") }
            validators[service] = PolicyValidator(serviceDef: try RangerJSON.decode(ServiceDef.self, def.document))
        }
        for (service, resources, field) in RangerObjectValidator.zoneResourceSets(value.json) {
            guard let validator = validators[service] else { continue }
            try RangerJSON.validated { () throws(PolicyError) in try validator.validateZoneResources(resources, field: field) }
        }
        for (index, tagService) in value.zone.tagServices.enumerated() {
            guard let row = try await tx.policyObject(.service, name: tagService, scope: "", in: tenant), row.ref == ServiceKind.tagServiceType
            else {
                throw RampartError.validation("`\(tagService.prefix(64))` is not a tag service of this tenant", field: "tagServices[\(index)]")
            }
        }
    }

    package static func prepareDeletion(_ row: PolicyObject, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        let policies = try await tx.countPolicyObjects(.policy, ref: row.name, in: tenant)
        guard policies == 0 else { throw RampartError(.conflict, "\(policies) policies still belong to zone `\(row.name.prefix(64))`") }
    }
}
