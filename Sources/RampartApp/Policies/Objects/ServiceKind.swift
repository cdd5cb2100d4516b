// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Ranger services. A service's name and type are fixed once created. Deleting a service deletes
/// its policies and tags; a service still covered by a zone or used as another service's tag
/// service cannot be deleted.
package enum ServiceKind: RangerObjectKind {
    package static let kind = PolicyObjectKind.service
    package static let noun = "service"
    package static let changeSubject = ChangeRequest.Subject.service
    /// The service-definition name of tag services.
    package static let tagServiceType = "tag"

    package static func validate(_ json: JSONValue, replacing current: PolicyObject?, tenant: TenantID, store: any Store) async throws -> Service {
        let service = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.service(json) }
        _ = try DecisionIdentitySource(service: service)
        return service
    }

    package static func key(_ value: Service) -> PolicyObjectKey { PolicyObjectKey(name: value.name, ref: value.type ?? "") }

    /// The service's type must exist; its tag service, if named, must be a tag service.
    package static func checkReferences(_ value: Service, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
        let type = value.type ?? ""
        guard try await tx.policyObject(.serviceDef, name: type, scope: "", in: tenant) != nil else {
            throw RampartError.validation("unknown service type `\(type.prefix(64))`", field: "type")
        }
        if let tagService = value.tagService, !tagService.isEmpty {
            guard let tagRow = try await tx.policyObject(.service, name: tagService, scope: "", in: tenant), tagRow.ref == tagServiceType else {
                throw RampartError.validation("`\(tagService.prefix(64))` is not a tag service of this tenant", field: "tagService")
            }
        }
    }

    package static func checkReplacement(_ value: Service, of row: PolicyObject) throws {
        guard value.type == row.ref else {
            throw RampartError.validation("a service cannot change its type (it is `\(row.ref.prefix(64))`)", field: "type")
        }
    }

    /// A new service has no tags yet; a replaced one keeps the tag version of its tags.
    package static func document(_ value: Service, id: Int64, version: Int64, replacing previous: PolicyObject?) throws -> String {
        var service = value
        service.tagVersion = try previous.flatMap { try RangerJSON.decode(Service.self, $0.document).tagVersion }
        return try PolicyAdministration.serviceDocument(service, id: id, version: version)
    }

    package static func prepareDeletion(_ row: PolicyObject, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {
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
    }
}
