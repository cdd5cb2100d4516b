// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy
import RampartStorage

/// `/v1/zones`: Ranger security zones. Resources of a zone are governed only by the policies of
/// that zone (policies with its `zoneName`).
///
/// A zone's services must exist and its resource sets must fit each service's definition; its
/// name is fixed once created, and a zone that policies still belong to cannot be deleted.
struct ZonesController {
    let services: RampartServices
    let administration: PolicyAdministration

    func register(on api: APIRouter) {
        let store = services.store
        let limit = services.maximumBodySize
        let administration = self.administration

        api.add(.post, "/v1/zones", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let zone = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.zone(json) }
            let id = try await administration.reserveIDs(.zone, count: 1)
            let (row, version) = try await administration.write(tenant) { tx, write in
                if try await tx.policyObject(.zone, name: zone.name, scope: "", in: tenant) != nil {
                    throw RampartError(.conflict, "a zone named `\(zone.name.prefix(64))` already exists", field: "name")
                }
                try await Self.checkReferences(json, zone: zone, tenant: tenant, tx)
                let row = PolicyObject(
                    kind: .zone, id: id, name: zone.name, document: try PolicyAdministration.zoneDocument(zone, id: id, version: 1), version: 1,
                    createdAt: write.now, updatedAt: write.now)
                try await tx.insertPolicyObjects([row], in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, status: .created, tenantVersion: version, location: "/v1/zones/\(row.id)")
        }

        api.add(.get, "/v1/zones", .tenant(.policiesRead)) { request, context in
            let principal = try context.routePrincipal()
            let page = try PolicyObjectHTTP.page(request, context)
            return PolicyObjectHTTP.list(try await store.read { try await $0.policyObjects(.zone, scope: nil, in: principal.tenantID, page: page) })
        }

        api.add(.get, "/v1/zones/{id}", .tenant(.policiesRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "zone")
            guard let row = try await store.read({ try await $0.policyObject(.zone, id: id, in: principal.tenantID) }) else {
                throw RampartError.notFound("zone")
            }
            return PolicyObjectHTTP.response(row)
        }

        api.add(.put, "/v1/zones/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "zone")
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let zone = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.zone(json) }
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard var row = try await tx.policyObject(.zone, id: id, in: tenant) else { throw RampartError.notFound("zone") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                guard zone.name == row.name else {
                    throw RampartError.validation("a zone cannot be renamed (it is `\(row.name.prefix(64))`)", field: "name")
                }
                try await Self.checkReferences(json, zone: zone, tenant: tenant, tx)
                row.version += 1
                row.updatedAt = write.now
                row.document = try PolicyAdministration.zoneDocument(zone, id: row.id, version: row.version)
                try await tx.updatePolicyObject(row, in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, tenantVersion: version)
        }

        api.add(.delete, "/v1/zones/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "zone")
            let (_, version) = try await administration.write(tenant) { tx, _ in
                guard let row = try await tx.policyObject(.zone, id: id, in: tenant) else { throw RampartError.notFound("zone") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                let policies = try await tx.countPolicyObjects(.policy, ref: row.name, in: tenant)
                guard policies == 0 else { throw RampartError(.conflict, "\(policies) policies still belong to zone `\(row.name.prefix(64))`") }
                _ = try await tx.deletePolicyObject(.zone, id: id, in: tenant)
            }
            return PolicyObjectHTTP.deleted(tenantVersion: version)
        }
    }

    /// Each service of the zone must exist, with resource sets its definition allows; tag
    /// services must be tag services.
    static func checkReferences(_ json: JSONValue, zone: SecurityZone, tenant: TenantID, _ tx: any StoreTransaction) async throws {
        var validators: [String: PolicyValidator] = [:]
        for service in zone.services.keys.sorted() {
            guard let row = try await tx.policyObject(.service, name: service, scope: "", in: tenant),
                let def = try await tx.policyObject(.serviceDef, name: row.ref, scope: "", in: tenant)
            else { throw RampartError.validation("unknown service `\(service.prefix(64))`", field: "services.\(service)") }
            validators[service] = PolicyValidator(serviceDef: try RangerJSON.decode(ServiceDef.self, def.document))
        }
        for (service, resources, field) in RangerObjectValidator.zoneResourceSets(json) {
            guard let validator = validators[service] else { continue }
            try RangerJSON.validated { () throws(PolicyError) in try validator.validateZoneResources(resources, field: field) }
        }
        for (index, tagService) in zone.tagServices.enumerated() {
            guard let row = try await tx.policyObject(.service, name: tagService, scope: "", in: tenant), row.ref == ServicesController.tagServiceType
            else {
                throw RampartError.validation("`\(tagService.prefix(64))` is not a tag service of this tenant", field: "tagServices[\(index)]")
            }
        }
    }
}
