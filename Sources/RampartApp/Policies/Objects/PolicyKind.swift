// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Ranger policies. A policy belongs to one service for life, its name is unique within the
/// service, and every change to it bumps the service's policy version.
package enum PolicyKind: RangerObjectKind {
    /// A policy validated against its service's definition and the zones covering the service.
    package struct Validated: Sendable {
        package var policy: Policy
        package var service: String
        /// The name of the service's definition, stored in the document as Ranger's `serviceType`.
        package var serviceType: String
    }

    package static let kind = PolicyObjectKind.policy
    package static let noun = "policy"
    package static let changeSubject = ChangeRequest.Subject.policy
    package static let renamable = true

    package static func validate(_ json: JSONValue, replacing current: PolicyObject?, tenant: TenantID, store: any Store) async throws -> Validated {
        let service: String
        if let current {
            if case .string(let named)? = json["service"], named != current.scope {
                throw RampartError.validation("a policy cannot move to another service (it is in `\(current.scope.prefix(64))`)", field: "service")
            }
            service = current.scope
        } else {
            guard case .string(let named)? = json["service"], !named.isEmpty else {
                throw RampartError.validation("is required: the name of the policy's service", field: "service")
            }
            service = named
        }
        let loaded = try await store.read { tx -> (PolicyObject, Set<String>)? in
            guard let row = try await tx.policyObject(.service, name: service, scope: "", in: tenant),
                let def = try await tx.policyObject(.serviceDef, name: row.ref, scope: "", in: tenant)
            else { return nil }
            return (def, try await PolicyAdministration.zones(covering: service, in: tenant, tx))
        }
        guard let (defRow, zones) = loaded else { throw unknownService(service) }
        let def = try RangerJSON.decode(ServiceDef.self, defRow.document)
        let policy = try RangerJSON.validated { () throws(PolicyError) in try PolicyValidator(serviceDef: def).validate(json, zones: zones) }
        return Validated(policy: policy, service: service, serviceType: def.name)
    }

    package static func key(_ value: Validated) -> PolicyObjectKey {
        PolicyObjectKey(name: value.policy.name, scope: value.service, ref: value.policy.zoneName ?? "")
    }

    package static func nameTaken(_ key: PolicyObjectKey) -> RampartError {
        RampartError(.conflict, "service `\(key.scope.prefix(64))` already has a policy named `\(key.name.prefix(64))`", field: "name")
    }

    /// The service may have been deleted since validation.
    package static func checkReferences(_ value: Validated, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        guard try await tx.policyObject(.service, name: value.service, scope: "", in: tenant) != nil else { throw unknownService(value.service) }
    }

    /// A replaced policy keeps its `guid` unless the body gives one.
    package static func document(_ value: Validated, id: Int64, version: Int64, replacing previous: PolicyObject?) throws -> String {
        var policy = value.policy
        if policy.guid?.isEmpty ?? true, let previous { policy.guid = (try? RangerJSON.decode(Policy.self, previous.document))?.guid }
        return try PolicyAdministration.policyDocument(policy, id: id, version: version, service: value.service, serviceType: value.serviceType)
    }

    package static func didChange(_ row: PolicyObject, tenant: TenantID, at now: Int64, _ tx: any PolicyStoreTransaction) async throws {
        if let service = try await tx.policyObject(.service, name: row.scope, scope: "", in: tenant) {
            _ = try await PolicyAdministration.bumpService(service, in: tenant, at: now, tx)
        }
    }

    private static func unknownService(_ name: String) -> RampartError {
        RampartError.validation("unknown service `\(name.prefix(64))`", field: "service")
    }
}
