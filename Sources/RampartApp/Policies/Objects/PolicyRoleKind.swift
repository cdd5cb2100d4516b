// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Ranger roles, whose members are users, groups and other roles (not Rampart's built-in roles,
/// which say who may administer Rampart). Policies grant to roles by name, so a role's name is
/// fixed; nested roles must exist and may not form a cycle; a role still granted by a policy or
/// nested in another role cannot be deleted.
package enum PolicyRoleKind: RangerObjectKind {
    package struct Validated: Sendable {
        package var role: Role
        /// The nested roles with the body field that names each.
        package var nested: [NestedRole]
    }

    package struct NestedRole: Sendable {
        package var name: String
        package var field: String
    }

    package static let kind = PolicyObjectKind.role
    package static let noun = "role"
    package static let changeSubject = ChangeRequest.Subject.role

    package static func validate(_ json: JSONValue, replacing current: PolicyObject?, tenant: TenantID, store: any Store) async throws -> Validated {
        let role = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.role(json) }
        let nested = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.nestedRoleFields(json) }
        return Validated(role: role, nested: nested.map { NestedRole(name: $0.name, field: $0.field) })
    }

    package static func key(_ value: Validated) -> PolicyObjectKey { PolicyObjectKey(name: value.role.name) }

    package static func document(_ value: Validated, id: Int64, version: Int64, replacing previous: PolicyObject?) throws -> String {
        try PolicyAdministration.roleDocument(value.role, id: id, version: version)
    }

    /// Nested roles must exist, and adding them must not close a cycle.
    package static func checkReferences(_ value: Validated, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        guard !value.nested.isEmpty else { return }
        let role = value.role
        var members: [String: [String]] = [:]
        for row in try await tx.allPolicyObjects(.role, scope: nil, in: tenant) {
            members[row.name] = try RangerJSON.decode(Role.self, row.document).roles.map(\.name)
        }
        for nested in value.nested where members[nested.name] == nil {
            throw RampartError.validation("unknown role `\(nested.name.prefix(64))`", field: nested.field)
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

    package static func prepareDeletion(_ row: PolicyObject, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        for other in try await tx.allPolicyObjects(.role, scope: nil, in: tenant) where other.id != row.id {
            if try RangerJSON.decode(Role.self, other.document).roles.contains(where: { $0.name == row.name }) {
                throw RampartError(.conflict, "role `\(other.name.prefix(64))` has this role as a member")
            }
        }
        // Only policies whose text names the role are decoded.
        let quoted = "\"\(row.name)\""
        for policy in try await tx.allPolicyObjects(.policy, scope: nil, in: tenant) where policy.document.contains(quoted) {
            let decoded = try RangerJSON.decode(Policy.self, policy.document)
            let items =
                decoded.policyItems + decoded.denyPolicyItems + decoded.allowExceptions + decoded.denyExceptions + decoded.dataMaskPolicyItems
                + decoded.rowFilterPolicyItems
            if items.contains(where: { $0.roles.contains(row.name) }) {
                throw RampartError(.conflict, "policy `\(policy.name.prefix(64))` of service `\(policy.scope.prefix(64))` grants this role")
            }
        }
    }
}
