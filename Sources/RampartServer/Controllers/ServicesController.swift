// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy
import RampartStorage

/// `/v1/services`: the tenant's Ranger services, and the tags of tag services.
///
/// A service's name and type are fixed once created. Deleting a service deletes its policies and
/// tags; a service still named by a zone or used as another service's tag service cannot be
/// deleted.
struct ServicesController {
    let services: RampartServices
    let administration: PolicyAdministration

    /// The service-definition name of tag services.
    static let tagServiceType = "tag"

    func register(on api: APIRouter) {
        let store = services.store
        let limit = services.maximumBodySize
        let administration = self.administration

        api.add(.post, "/v1/services", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let service = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.service(json) }
            let id = try await administration.reserveIDs(.service, count: 1)
            let (row, version) = try await administration.write(tenant) { tx, write in
                try await Self.checkReferences(service, tenant: tenant, tx)
                if try await tx.policyObject(.service, name: service.name, scope: "", in: tenant) != nil {
                    throw RampartError(.conflict, "a service named `\(service.name.prefix(64))` already exists", field: "name")
                }
                var fresh = service
                fresh.tagVersion = nil
                let row = PolicyObject(
                    kind: .service, id: id, name: service.name, ref: service.type ?? "",
                    document: try PolicyAdministration.serviceDocument(fresh, id: id, version: 1), version: 1, createdAt: write.now,
                    updatedAt: write.now)
                try await tx.insertPolicyObjects([row], in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, status: .created, tenantVersion: version, location: "/v1/services/\(row.id)")
        }

        api.add(.get, "/v1/services", .tenant(.policiesRead)) { request, context in
            let principal = try context.routePrincipal()
            let page = try PolicyObjectHTTP.page(request, context)
            return PolicyObjectHTTP.list(
                try await store.read { try await $0.policyObjects(.service, scope: nil, in: principal.tenantID, page: page) })
        }

        api.add(.get, "/v1/services/{id}", .tenant(.policiesRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "service")
            guard let row = try await store.read({ try await $0.policyObject(.service, id: id, in: principal.tenantID) }) else {
                throw RampartError.notFound("service")
            }
            return PolicyObjectHTTP.response(row)
        }

        api.add(.put, "/v1/services/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "service")
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let service = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.service(json) }
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard var row = try await tx.policyObject(.service, id: id, in: tenant) else { throw RampartError.notFound("service") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                guard service.name == row.name else {
                    throw RampartError.validation("a service cannot be renamed (it is `\(row.name.prefix(64))`)", field: "name")
                }
                guard service.type == row.ref else {
                    throw RampartError.validation("a service cannot change its type (it is `\(row.ref.prefix(64))`)", field: "type")
                }
                try await Self.checkReferences(service, tenant: tenant, tx)
                var updated = service
                updated.tagVersion = try RangerJSON.decode(Service.self, row.document).tagVersion
                row.version += 1
                row.updatedAt = write.now
                row.document = try PolicyAdministration.serviceDocument(updated, id: row.id, version: row.version)
                try await tx.updatePolicyObject(row, in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, tenantVersion: version)
        }

        api.add(.delete, "/v1/services/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "service")
            let (_, version) = try await administration.write(tenant) { tx, _ in
                guard let row = try await tx.policyObject(.service, id: id, in: tenant) else { throw RampartError.notFound("service") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                if let zone = try await PolicyAdministration.zones(covering: row.name, in: tenant, tx).sorted().first {
                    throw RampartError(.conflict, "security zone `\(zone.prefix(64))` still covers this service")
                }
                for other in try await tx.allPolicyObjects(.service, scope: nil, in: tenant) where other.id != row.id {
                    if try RangerJSON.decode(Service.self, other.document).tagService == row.name {
                        throw RampartError(.conflict, "service `\(other.name.prefix(64))` uses this service as its tag service")
                    }
                }
                _ = try await tx.deletePolicyObjects(.policy, scope: row.name, in: tenant)
                if let tags = try await tx.policyObject(.serviceTags, name: row.name, scope: "", in: tenant) {
                    _ = try await tx.deletePolicyObject(.serviceTags, id: tags.id, in: tenant)
                }
                _ = try await tx.deletePolicyObject(.service, id: id, in: tenant)
            }
            return PolicyObjectHTTP.deleted(tenantVersion: version)
        }

        api.add(.put, "/v1/services/{id}/tags", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "service")
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: max(limit, 16 << 20)))
            let tags = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.serviceTags(json) }
            let tagsID = try await administration.reserveIDs(.serviceTags, count: 1)
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard var serviceRow = try await tx.policyObject(.service, id: id, in: tenant) else { throw RampartError.notFound("service") }
                guard serviceRow.ref == Self.tagServiceType else {
                    throw RampartError.validation(
                        "tags belong to tag services (type `tag`); this service is of type `\(serviceRow.ref.prefix(64))`", field: "service")
                }
                var row =
                    try await tx.policyObject(.serviceTags, name: serviceRow.name, scope: "", in: tenant)
                    ?? PolicyObject(
                        kind: .serviceTags, id: tagsID, name: serviceRow.name, document: "", version: 0, createdAt: write.now, updatedAt: write.now)
                let isNew = row.version == 0
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                var stored = tags
                row.version += 1
                row.updatedAt = write.now
                stored.tagVersion = row.version
                stored.serviceName = stored.serviceName ?? serviceRow.name
                row.document = try RangerJSON.document(stored)
                if isNew { try await tx.insertPolicyObjects([row], in: tenant) } else { try await tx.updatePolicyObject(row, in: tenant) }
                // The service shows its tag version, as Ranger's does.
                var service = try RangerJSON.decode(Service.self, serviceRow.document)
                service.tagVersion = row.version
                serviceRow.document = try PolicyAdministration.serviceDocument(service, id: serviceRow.id, version: serviceRow.version)
                try await tx.updatePolicyObject(serviceRow, in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, tenantVersion: version)
        }

        api.add(.get, "/v1/services/{id}/tags", .tenant(.policiesRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "service")
            let row = try await store.read { tx -> PolicyObject? in
                guard let service = try await tx.policyObject(.service, id: id, in: principal.tenantID) else { return nil }
                return try await tx.policyObject(.serviceTags, name: service.name, scope: "", in: principal.tenantID)
            }
            guard let row else { throw RampartError.notFound("service tags") }
            return PolicyObjectHTTP.response(row)
        }
    }

    /// The service's type must exist; its tag service, if named, must be a tag service.
    static func checkReferences(_ service: Service, tenant: TenantID, _ tx: any StoreTransaction) async throws {
        let type = service.type ?? ""
        guard try await tx.policyObject(.serviceDef, name: type, scope: "", in: tenant) != nil else {
            throw RampartError.validation("unknown service type `\(type.prefix(64))`", field: "type")
        }
        if let tagService = service.tagService, !tagService.isEmpty {
            guard let tagRow = try await tx.policyObject(.service, name: tagService, scope: "", in: tenant), tagRow.ref == tagServiceType else {
                throw RampartError.validation("`\(tagService.prefix(64))` is not a tag service of this tenant", field: "tagService")
            }
        }
    }
}
