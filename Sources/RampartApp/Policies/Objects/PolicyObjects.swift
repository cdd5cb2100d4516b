// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Creating, reading, replacing and deleting one kind of Ranger object of a tenant: service
/// definitions, services, policies, roles and security zones.
///
/// Every write goes through ``PolicyAdministration/write(_:audit:_:)`` (it bumps the tenant's
/// policy version, carries the request's audit record and waits until this server decides with the
/// change) and returns that version.
package struct PolicyObjects<Kind: RangerObjectKind>: Sendable {
    package let administration: PolicyAdministration

    package init(administration: PolicyAdministration) { self.administration = administration }

    private var store: any Store { administration.store }

    /// Creates an object from a request body.
    package func create(_ json: JSONValue, in tenant: TenantID, audit: AuditContext?) async throws -> (object: PolicyObject, tenantVersion: Int64) {
        let value = try await Kind.validate(json, replacing: nil, tenant: tenant, store: store)
        let id = try await administration.reserveIDs(Kind.kind, count: 1, audit: audit)
        let (row, version) = try await administration.write(tenant, audit: audit) { tx, write in
            try await Self.insert(value, id: id, tenant: tenant, now: write.now, tx)
        }
        return (row, version)
    }

    /// Inserts a validated object with a reserved id inside a policy write that is already open,
    /// for a use case that commits the object together with a change of its own (an access
    /// request turning active).
    package static func insert(_ value: Kind.Value, id: Int64, tenant: TenantID, now: Int64, _ tx: any StoreTransaction) async throws -> PolicyObject
    {
        let key = Kind.key(value)
        try await Kind.checkReferences(value, tenant: tenant, tx)
        if try await tx.policyObject(Kind.kind, name: key.name, scope: key.scope, in: tenant) != nil { throw Kind.nameTaken(key) }
        let row = PolicyObject(
            kind: Kind.kind, id: id, name: key.name, scope: key.scope, ref: key.ref,
            document: try Kind.document(value, id: id, version: 1, replacing: nil), version: 1, createdAt: now, updatedAt: now)
        try await tx.insertPolicyObjects([row], in: tenant)
        try await Kind.didChange(row, tenant: tenant, at: now, tx)
        return row
    }

    /// Deletes an object inside a policy write that is already open; `false` when it is gone.
    package static func remove(
        _ id: Int64, precondition: VersionPrecondition? = nil, tenant: TenantID, now: Int64, _ tx: any StoreTransaction
    ) async throws -> Bool {
        guard let row = try await tx.policyObject(Kind.kind, id: id, in: tenant) else { return false }
        try precondition?.check(current: row.version)
        try await Kind.prepareDeletion(row, tenant: tenant, tx)
        _ = try await tx.deletePolicyObject(Kind.kind, id: id, in: tenant)
        try await Kind.didChange(row, tenant: tenant, at: now, tx)
        return true
    }

    /// A page of the tenant's objects, those of one scope (a service's policies) when given.
    package func list(in tenant: TenantID, scope: String? = nil, page: PageRequest) async throws -> Page<PolicyObject> {
        try await store.read { try await $0.policyObjects(Kind.kind, scope: scope, in: tenant, page: page) }
    }

    package func get(_ id: Int64, in tenant: TenantID) async throws -> PolicyObject {
        guard let row = try await store.read({ try await $0.policyObject(Kind.kind, id: id, in: tenant) }) else {
            throw RampartError.notFound(Kind.noun)
        }
        return row
    }

    /// The object named `name` in `scope` (a policy's service; empty for the others), if any.
    package func get(named name: String, scope: String = "", in tenant: TenantID) async throws -> PolicyObject? {
        try await store.read { try await $0.policyObject(Kind.kind, name: name, scope: scope, in: tenant) }
    }

    /// Replaces an object with a request body, keeping its id and raising its version.
    package func replace(
        _ id: Int64, with json: JSONValue, precondition: VersionPrecondition?, in tenant: TenantID, audit: AuditContext?
    ) async throws -> (object: PolicyObject, tenantVersion: Int64) {
        let current = try await get(id, in: tenant)
        let value = try await Kind.validate(json, replacing: current, tenant: tenant, store: store)
        let (row, version) = try await administration.write(tenant, audit: audit) { tx, write in
            try await Self.update(id, to: value, precondition: precondition, tenant: tenant, now: write.now, tx)
        }
        return (row, version)
    }

    /// Replaces an object with a validated value inside a policy write that is already open.
    package static func update(
        _ id: Int64, to value: Kind.Value, precondition: VersionPrecondition?, tenant: TenantID, now: Int64, _ tx: any StoreTransaction
    ) async throws -> PolicyObject {
        let key = Kind.key(value)
        guard var row = try await tx.policyObject(Kind.kind, id: id, in: tenant) else { throw RampartError.notFound(Kind.noun) }
        try precondition?.check(current: row.version)
        if key.name != row.name {
            guard Kind.renamable else {
                throw RampartError.validation("a \(Kind.noun) cannot be renamed (it is `\(row.name.prefix(64))`)", field: "name")
            }
            if try await tx.policyObject(Kind.kind, name: key.name, scope: row.scope, in: tenant) != nil {
                throw Kind.nameTaken(PolicyObjectKey(name: key.name, scope: row.scope, ref: key.ref))
            }
        }
        try Kind.checkReplacement(value, of: row)
        try await Kind.checkReferences(value, tenant: tenant, tx)
        let previous = row
        row.version += 1
        row.name = key.name
        row.ref = key.ref
        row.updatedAt = now
        row.document = try Kind.document(value, id: row.id, version: row.version, replacing: previous)
        try await tx.updatePolicyObject(row, in: tenant)
        try await Kind.didChange(row, tenant: tenant, at: now, tx)
        return row
    }

    /// Deletes an object nothing depends on, with what goes with it; returns the tenant's policy version.
    package func delete(_ id: Int64, precondition: VersionPrecondition?, in tenant: TenantID, audit: AuditContext?) async throws -> Int64 {
        try await administration.write(tenant, audit: audit) { tx, write in
            guard try await Self.remove(id, precondition: precondition, tenant: tenant, now: write.now, tx) else {
                throw RampartError.notFound(Kind.noun)
            }
        }.version
    }
}
