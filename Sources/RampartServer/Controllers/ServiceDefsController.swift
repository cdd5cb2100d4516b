// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy
import RampartStorage

/// `/v1/service-defs`: the tenant's Ranger service definitions (service types such as `hive`).
///
/// A definition's name is fixed once created (services and policies refer to it by name), and a
/// definition that services still use cannot be deleted.
struct ServiceDefsController {
    let services: RampartServices
    let administration: PolicyAdministration

    func register(on api: APIRouter) {
        let store = services.store
        let limit = services.maximumBodySize
        let administration = self.administration

        api.add(.post, "/v1/service-defs", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let def = try RangerJSON.validated { () throws(PolicyError) in try ServiceDefValidator.validate(json) }
            let id = try await administration.reserveIDs(.serviceDef, count: 1)
            let (row, version) = try await administration.write(tenant) { tx, write in
                if try await tx.policyObject(.serviceDef, name: def.name, scope: "", in: tenant) != nil {
                    throw RampartError(.conflict, "a service definition named `\(def.name.prefix(64))` already exists", field: "name")
                }
                let row = PolicyObject(
                    kind: .serviceDef, id: id, name: def.name, document: try PolicyAdministration.serviceDefDocument(def, id: id, version: 1),
                    version: 1, createdAt: write.now, updatedAt: write.now)
                try await tx.insertPolicyObjects([row], in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, status: .created, tenantVersion: version, location: "/v1/service-defs/\(row.id)")
        }

        api.add(.get, "/v1/service-defs", .tenant(.policiesRead)) { request, context in
            let principal = try context.routePrincipal()
            let page = try PolicyObjectHTTP.page(request, context)
            return PolicyObjectHTTP.list(
                try await store.read { try await $0.policyObjects(.serviceDef, scope: nil, in: principal.tenantID, page: page) })
        }

        api.add(.get, "/v1/service-defs/{id}", .tenant(.policiesRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "service definition")
            guard let row = try await store.read({ try await $0.policyObject(.serviceDef, id: id, in: principal.tenantID) }) else {
                throw RampartError.notFound("service definition")
            }
            return PolicyObjectHTTP.response(row)
        }

        api.add(.put, "/v1/service-defs/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "service definition")
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let def = try RangerJSON.validated { () throws(PolicyError) in try ServiceDefValidator.validate(json) }
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard var row = try await tx.policyObject(.serviceDef, id: id, in: tenant) else { throw RampartError.notFound("service definition") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                guard def.name == row.name else {
                    throw RampartError.validation("a service definition cannot be renamed (it is `\(row.name.prefix(64))`)", field: "name")
                }
                row.version += 1
                row.updatedAt = write.now
                row.document = try PolicyAdministration.serviceDefDocument(def, id: row.id, version: row.version)
                try await tx.updatePolicyObject(row, in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, tenantVersion: version)
        }

        api.add(.delete, "/v1/service-defs/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "service definition")
            let (_, version) = try await administration.write(tenant) { tx, _ in
                guard let row = try await tx.policyObject(.serviceDef, id: id, in: tenant) else { throw RampartError.notFound("service definition") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                let users = try await tx.countPolicyObjects(.service, ref: row.name, in: tenant)
                guard users == 0 else {
                    throw RampartError(.conflict, "\(users) service(s) of type `\(row.name.prefix(64))` still exist")
                }
                _ = try await tx.deletePolicyObject(.serviceDef, id: id, in: tenant)
            }
            return PolicyObjectHTTP.deleted(tenantVersion: version)
        }
    }
}
