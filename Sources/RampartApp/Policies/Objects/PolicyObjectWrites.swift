// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Writes to one kind of Ranger object as a person asks for them: made at once, or held as a
/// change request when the tenant requires four eyes. The API and the console both write
/// through here, so neither can skip the second person.
package struct PolicyObjectWrites<Kind: RangerObjectKind>: Sendable {
    let objects: PolicyObjects<Kind>
    let changes: ChangeRequests

    package init(objects: PolicyObjects<Kind>, changes: ChangeRequests) {
        self.objects = objects
        self.changes = changes
    }

    /// An object as written, and the tenant's policy version after the write.
    package struct Written: Sendable {
        package var object: PolicyObject
        package var tenantVersion: Int64
    }

    package func create(_ json: JSONValue, by principal: Principal, audit: AuditContext?) async throws -> WriteOutcome<Written> {
        let proposal = ChangeRequests.Proposal(subject: Kind.changeSubject, operation: .create, document: json)
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: audit) { return .held(held) }
        let (object, version) = try await objects.create(json, in: principal.tenantID, audit: audit)
        return .made(Written(object: object, tenantVersion: version))
    }

    package func replace(
        _ id: Int64, with json: JSONValue, precondition: VersionPrecondition?, by principal: Principal, audit: AuditContext?
    ) async throws -> WriteOutcome<Written> {
        let proposal = ChangeRequests.Proposal(
            subject: Kind.changeSubject, operation: .replace, objectID: String(id), document: json, precondition: precondition)
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: audit) { return .held(held) }
        let (object, version) = try await objects.replace(id, with: json, precondition: precondition, in: principal.tenantID, audit: audit)
        return .made(Written(object: object, tenantVersion: version))
    }

    /// Returns the tenant's policy version after the deletion.
    package func delete(
        _ id: Int64, precondition: VersionPrecondition?, by principal: Principal, audit: AuditContext?
    ) async throws
        -> WriteOutcome<Int64>
    {
        let proposal = ChangeRequests.Proposal(subject: Kind.changeSubject, operation: .delete, objectID: String(id), precondition: precondition)
        if let held = try await changes.holdIfRequired(proposal, by: principal, audit: audit) { return .held(held) }
        return .made(try await objects.delete(id, precondition: precondition, in: principal.tenantID, audit: audit))
    }
}
