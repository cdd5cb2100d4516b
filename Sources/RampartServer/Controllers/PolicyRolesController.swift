// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy
import RampartStorage

/// `/v1/policy-roles`: Ranger roles, whose members are users, groups and other roles.
///
/// They are not Rampart's built-in roles (`GET /v1/roles`, who may administer Rampart); policies
/// grant to them in the `roles` of their items. Nested roles must exist and may not form a
/// cycle; a role still granted by a policy or nested in another role cannot be deleted.
struct PolicyRolesController {
    let services: RampartServices
    let administration: PolicyAdministration

    func register(on api: APIRouter) {
        let store = services.store
        let limit = services.maximumBodySize
        let administration = self.administration

        api.add(.post, "/v1/policy-roles", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let role = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.role(json) }
            let nested = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.nestedRoleFields(json) }
            let id = try await administration.reserveIDs(.role, count: 1)
            let (row, version) = try await administration.write(tenant) { tx, write in
                if try await tx.policyObject(.role, name: role.name, scope: "", in: tenant) != nil {
                    throw RampartError(.conflict, "a role named `\(role.name.prefix(64))` already exists", field: "name")
                }
                try await Self.checkNested(role, fields: nested, tenant: tenant, tx)
                let row = PolicyObject(
                    kind: .role, id: id, name: role.name, document: try PolicyAdministration.roleDocument(role, id: id, version: 1), version: 1,
                    createdAt: write.now, updatedAt: write.now)
                try await tx.insertPolicyObjects([row], in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, status: .created, tenantVersion: version, location: "/v1/policy-roles/\(row.id)")
        }

        api.add(.get, "/v1/policy-roles", .tenant(.policiesRead)) { request, context in
            let principal = try context.routePrincipal()
            let page = try PolicyObjectHTTP.page(request, context)
            return PolicyObjectHTTP.list(try await store.read { try await $0.policyObjects(.role, scope: nil, in: principal.tenantID, page: page) })
        }

        api.add(.get, "/v1/policy-roles/{id}", .tenant(.policiesRead)) { _, context in
            let principal = try context.routePrincipal()
            let id = try context.objectID(what: "role")
            guard let row = try await store.read({ try await $0.policyObject(.role, id: id, in: principal.tenantID) }) else {
                throw RampartError.notFound("role")
            }
            return PolicyObjectHTTP.response(row)
        }

        api.add(.put, "/v1/policy-roles/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "role")
            let json = try RangerJSON.object(try await JSONBody.collect(request, limit: limit))
            let role = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.role(json) }
            let nested = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.nestedRoleFields(json) }
            let (row, version) = try await administration.write(tenant) { tx, write in
                guard var row = try await tx.policyObject(.role, id: id, in: tenant) else { throw RampartError.notFound("role") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                guard role.name == row.name else {
                    // Policies grant to roles by name: a rename would silently drop those grants.
                    throw RampartError.validation("a role cannot be renamed (it is `\(row.name.prefix(64))`)", field: "name")
                }
                try await Self.checkNested(role, fields: nested, tenant: tenant, tx)
                row.version += 1
                row.updatedAt = write.now
                row.document = try PolicyAdministration.roleDocument(role, id: row.id, version: row.version)
                try await tx.updatePolicyObject(row, in: tenant)
                return row
            }
            return PolicyObjectHTTP.response(row, tenantVersion: version)
        }

        api.add(.delete, "/v1/policy-roles/{id}", .tenant(.policiesWrite)) { request, context in
            let principal = try context.routePrincipal()
            let tenant = principal.tenantID
            let id = try context.objectID(what: "role")
            let (_, version) = try await administration.write(tenant) { tx, _ in
                guard let row = try await tx.policyObject(.role, id: id, in: tenant) else { throw RampartError.notFound("role") }
                try PolicyObjectHTTP.checkIfMatch(request, current: row.version)
                for other in try await tx.allPolicyObjects(.role, scope: nil, in: tenant) where other.id != id {
                    if try RangerJSON.decode(Role.self, other.document).roles.contains(where: { $0.name == row.name }) {
                        throw RampartError(.conflict, "role `\(other.name.prefix(64))` has this role as a member")
                    }
                }
                // Only policies whose text names the role are decoded.
                let quoted = "\"\(row.name)\""
                for policy in try await tx.allPolicyObjects(.policy, scope: nil, in: tenant) where policy.document.contains(quoted) {
                    let decoded = try RangerJSON.decode(Policy.self, policy.document)
                    let items =
                        decoded.policyItems + decoded.denyPolicyItems + decoded.allowExceptions + decoded.denyExceptions
                        + decoded.dataMaskPolicyItems + decoded.rowFilterPolicyItems
                    if items.contains(where: { $0.roles.contains(row.name) }) {
                        throw RampartError(.conflict, "policy `\(policy.name.prefix(64))` of service `\(policy.scope.prefix(64))` grants this role")
                    }
                }
                _ = try await tx.deletePolicyObject(.role, id: id, in: tenant)
            }
            return PolicyObjectHTTP.deleted(tenantVersion: version)
        }
    }

    /// Nested roles must exist, and adding them must not close a cycle.
    static func checkNested(_ role: Role, fields: [(name: String, field: String)], tenant: TenantID, _ tx: any StoreTransaction) async throws {
        guard !fields.isEmpty else { return }
        var members: [String: [String]] = [:]
        for row in try await tx.allPolicyObjects(.role, scope: nil, in: tenant) {
            members[row.name] = try RangerJSON.decode(Role.self, row.document).roles.map(\.name)
        }
        for (name, field) in fields where members[name] == nil {
            throw RampartError.validation("unknown role `\(name.prefix(64))`", field: field)
        }
        members[role.name] = role.roles.map(\.name)
        // A cycle through this role means it is reachable from one of its own members.
        var seen: Set<String> = []
        var work = role.roles.map(\.name)
        while let next = work.popLast() {
            if next == role.name {
                throw RampartError.validation("nested roles would form a cycle through `\(role.name.prefix(64))`", field: "roles")
            }
            if seen.insert(next).inserted { work.append(contentsOf: members[next] ?? []) }
        }
    }
}
