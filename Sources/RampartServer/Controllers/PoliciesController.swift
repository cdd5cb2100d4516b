// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy
import RampartStorage

/// `/v1/policies`: Ranger policies one by one, and whole services as Ranger exports.
///
/// Bodies and responses are Ranger's policy JSON (`id`, `guid`, `name`, `service`, `policyType`,
/// `resources`, `policyItems`, …). Every write bumps the service's policy version and the
/// tenant's policy version, and answers once this server decides with the change.
struct PoliciesController {
    let services: RampartServices
    let administration: PolicyAdministration

    struct ImportResponse: Encodable {
        var service: String
        var version: Int64
        var policies: Int
    }

    func register(on api: APIRouter) {
        let store = services.store
        let limit = services.maximumBodySize
        let administration = self.administration

        api.add(.post, "/v1/policies/import", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let data = try await JSONBody.collect(request, limit: max(limit, 16 << 20))
            let imported = try await PolicyImport.run(data, tenant: principal.tenantID, administration: administration)
            return try JSONBody.response(ImportResponse(service: imported.service, version: imported.version, policies: imported.policies))
        }

        api.add(.get, "/v1/policies/export", .tenant(.policiesRead)) { request, context in
            let principal = try context.routePrincipal()
            guard let name = request.uri.queryParameters["service"].map(String.init), !name.isEmpty else {
                throw RampartError(.badRequest, "`service` query parameter is required", field: "service")
            }
            let body = try await PolicyImport.export(service: name, tenant: principal.tenantID, store: store)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: body)))
        }

        api.add(.post, "/v1/policies", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            guard case .string(let serviceName)? = json["service"], !serviceName.isEmpty else {
                throw RampartError.validation("is required: the name of the policy's service", field: "service")
            }
            let tenant = principal.tenantID
            let (policy, def, _) = try await Self.validate(json, service: serviceName, tenant: tenant, store: store)
            let id = try await administration.reserveIDs(.policy, count: 1)
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard let serviceRow = try await tx.policyObject(.service, name: serviceName, scope: "", in: tenant) else {
                    throw RampartError.validation("unknown service `\(serviceName.prefix(64))`", field: "service")
                }
                if try await tx.policyObject(.policy, name: policy.name, scope: serviceName, in: tenant) != nil {
                    throw RampartError(
                        .conflict, "service `\(serviceName.prefix(64))` already has a policy named `\(policy.name.prefix(64))`", field: "name")
                }
                let row = PolicyObject(
                    kind: .policy, id: id, name: policy.name, scope: serviceName, ref: policy.zoneName ?? "",
                    document: try PolicyAdministration.policyDocument(policy, id: id, version: 1, service: serviceName, serviceType: def.name),
                    version: 1, createdAt: write.now, updatedAt: write.now)
                try await tx.insertPolicyObjects([row], in: tenant)
                _ = try await PolicyAdministration.bumpService(serviceRow, in: tenant, at: write.now, tx)
                return row
            }
            return PolicyObjectHTTP.response(row, status: .created, tenantVersion: version, location: "/v1/policies/\(row.id)")
        }

        api.add(.get, "/v1/policies", .tenant(.policiesRead)) { request, context in
            let principal = try context.routePrincipal()
            let page = try PolicyObjectHTTP.page(request, context)
            let service = request.uri.queryParameters["service"].map(String.init)
            let policies = try await store.read { try await $0.policyObjects(.policy, scope: service, in: principal.tenantID, page: page) }
            return PolicyObjectHTTP.list(policies)
        }

        api.add(.get, "/v1/policies/{id}", .tenant(.policiesRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "policy")
            guard let row = try await store.read({ try await $0.policyObject(.policy, id: id, in: principal.tenantID) }) else {
                throw RampartError.notFound("policy")
            }
            return PolicyObjectHTTP.response(row)
        }

        api.add(.put, "/v1/policies/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "policy")
            let tenant = principal.tenantID
            guard let current = try await store.read({ try await $0.policyObject(.policy, id: id, in: tenant) }) else {
                throw RampartError.notFound("policy")
            }
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            if case .string(let named)? = json["service"], named != current.scope {
                throw RampartError.validation("a policy cannot move to another service (it is in `\(current.scope.prefix(64))`)", field: "service")
            }
            let (policy, def, _) = try await Self.validate(json, service: current.scope, tenant: tenant, store: store)
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard var row = try await tx.policyObject(.policy, id: id, in: tenant),
                    let serviceRow = try await tx.policyObject(.service, name: row.scope, scope: "", in: tenant)
                else { throw RampartError.notFound("policy") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                if policy.name != row.name, try await tx.policyObject(.policy, name: policy.name, scope: row.scope, in: tenant) != nil {
                    throw RampartError(
                        .conflict, "service `\(row.scope.prefix(64))` already has a policy named `\(policy.name.prefix(64))`", field: "name")
                }
                var updated = policy
                if updated.guid?.isEmpty ?? true { updated.guid = (try? RangerJSON.decode(Policy.self, row.document))?.guid }
                row.version += 1
                row.name = policy.name
                row.ref = policy.zoneName ?? ""
                row.updatedAt = write.now
                row.document = try PolicyAdministration.policyDocument(
                    updated, id: row.id, version: row.version, service: row.scope, serviceType: def.name)
                try await tx.updatePolicyObject(row, in: tenant)
                _ = try await PolicyAdministration.bumpService(serviceRow, in: tenant, at: write.now, tx)
                return row
            }
            return PolicyObjectHTTP.response(row, tenantVersion: version)
        }

        api.add(.delete, "/v1/policies/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "policy")
            let tenant = principal.tenantID
            let (_, version) = try await administration.write(tenant) { tx, write in
                guard let row = try await tx.policyObject(.policy, id: id, in: tenant) else { throw RampartError.notFound("policy") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                _ = try await tx.deletePolicyObject(.policy, id: id, in: tenant)
                if let serviceRow = try await tx.policyObject(.service, name: row.scope, scope: "", in: tenant) {
                    _ = try await PolicyAdministration.bumpService(serviceRow, in: tenant, at: write.now, tx)
                }
            }
            return PolicyObjectHTTP.deleted(tenantVersion: version)
        }
    }

    /// Validates a policy against its service's definition and the zones covering the service.
    /// Runs before the write transaction: validation of a large policy is CPU work that should
    /// not hold the database.
    static func validate(_ json: JSONValue, service: String, tenant: TenantID, store: any Store) async throws -> (Policy, ServiceDef, Set<String>) {
        let loaded = try await store.read { tx -> (PolicyObject, Set<String>)? in
            guard let row = try await tx.policyObject(.service, name: service, scope: "", in: tenant),
                let def = try await tx.policyObject(.serviceDef, name: row.ref, scope: "", in: tenant)
            else { return nil }
            return (def, try await PolicyAdministration.zones(covering: service, in: tenant, tx))
        }
        guard let (defRow, zones) = loaded else { throw RampartError.validation("unknown service `\(service.prefix(64))`", field: "service") }
        let def = try RangerJSON.decode(ServiceDef.self, defRow.document)
        let policy = try RangerJSON.validated { () throws(PolicyError) in try PolicyValidator(serviceDef: def).validate(json, zones: zones) }
        return (policy, def, zones)
    }
}
