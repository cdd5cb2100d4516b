// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// The tags of a tag service (Ranger's `ServiceTags`: tag definitions, tags and the resources
/// they are on), replaced as a whole.
package struct ServiceTagsAdministration: Sendable {
    package let administration: PolicyAdministration

    package init(administration: PolicyAdministration) { self.administration = administration }

    /// Replaces the tags of the tag service `serviceID`; the service shows the new tag version,
    /// as Ranger's does.
    package func replace(
        ofService serviceID: Int64, with json: JSONValue, precondition: VersionPrecondition?, in tenant: TenantID, audit: AuditContext?
    ) async throws -> (object: PolicyObject, tenantVersion: Int64) {
        let tags = try RangerJSON.validated { () throws(PolicyError) in try RangerObjectValidator.serviceTags(json) }
        let tagsID = try await administration.reserveIDs(.serviceTags, count: 1, audit: audit)
        let (row, version) = try await administration.write(tenant, audit: audit) { tx, write in
            guard var serviceRow = try await tx.policyObject(.service, id: serviceID, in: tenant) else { throw RampartError.notFound("service") }
            guard serviceRow.ref == ServiceKind.tagServiceType else {
                throw RampartError.validation(
                    "tags belong to tag services (type `tag`); this service is of type `\(serviceRow.ref.prefix(64))`", field: "service")
            }
            var row =
                try await tx.policyObject(.serviceTags, name: serviceRow.name, scope: "", in: tenant)
                ?? PolicyObject(
                    kind: .serviceTags, id: tagsID, name: serviceRow.name, document: "", version: 0, createdAt: write.now, updatedAt: write.now)
            let isNew = row.version == 0
            try precondition?.check(current: row.version)
            var stored = tags
            row.version += 1
            row.updatedAt = write.now
            stored.tagVersion = row.version
            stored.serviceName = stored.serviceName ?? serviceRow.name
            row.document = try RangerJSON.document(stored)
            if isNew { try await tx.insertPolicyObjects([row], in: tenant) } else { try await tx.updatePolicyObject(row, in: tenant) }
            var service = try RangerJSON.decode(Service.self, serviceRow.document)
            service.tagVersion = row.version
            serviceRow.document = try PolicyAdministration.serviceDocument(service, id: serviceRow.id, version: serviceRow.version)
            try await tx.updatePolicyObject(serviceRow, in: tenant)
            return row
        }
        return (row, version)
    }

    /// The tags of the service `serviceID`.
    package func get(ofService serviceID: Int64, in tenant: TenantID) async throws -> PolicyObject {
        let row = try await administration.store.read { tx -> PolicyObject? in
            guard let service = try await tx.policyObject(.service, id: serviceID, in: tenant) else { return nil }
            return try await tx.policyObject(.serviceTags, name: service.name, scope: "", in: tenant)
        }
        guard let row else { throw RampartError.notFound("service tags") }
        return row
    }
}
