// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// Where a Ranger object is stored: its name, the scope the name is unique in (a policy's
/// service, empty for the others) and what it refers to (a service's type, a policy's zone).
package struct PolicyObjectKey: Sendable, Equatable {
    package var name: String
    package var scope: String
    package var ref: String

    package init(name: String, scope: String = "", ref: String = "") {
        self.name = name
        self.scope = scope
        self.ref = ref
    }
}

/// One kind of Ranger object administered through ``PolicyObjects``: how a request body becomes
/// a stored document, and what must hold around it (references, renames, dependants).
///
/// The create, read, replace and delete steps are the same for every kind; a kind says only
/// what differs.
package protocol RangerObjectKind: Sendable {
    /// A validated request body.
    associatedtype Value: Sendable

    /// The stored kind.
    static var kind: PolicyObjectKind { get }
    /// What the object is called in messages (`service definition`).
    static var noun: String { get }
    /// What a change request to this kind names (four-eyes changes).
    static var changeSubject: ChangeRequest.Subject { get }
    /// Whether a replacement may change the name. Others refer to most kinds by name, so a rename
    /// would silently break those references; policies are referred to by id.
    static var renamable: Bool { get }

    /// Validates a request body. Runs before the write transaction (validating a large object is
    /// CPU work that should not hold the database); `current` is the object being replaced.
    static func validate(_ json: JSONValue, replacing current: PolicyObject?, tenant: TenantID, store: any Store) async throws -> Value
    /// Where the value is stored.
    static func key(_ value: Value) -> PolicyObjectKey
    /// The refusal of a second object with a name already taken in its scope.
    static func nameTaken(_ key: PolicyObjectKey) -> RampartError
    /// Checks, inside the write, what the value refers to (services exist, roles form no cycle).
    static func checkReferences(_ value: Value, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws
    /// Refuses a replacement the kind does not allow beyond a rename (a service's type).
    static func checkReplacement(_ value: Value, of row: PolicyObject) throws
    /// The stored document of the value at `id` and `version`; `previous` is the row it replaces.
    static func document(_ value: Value, id: Int64, version: Int64, replacing previous: PolicyObject?) throws -> String
    /// Refuses to delete an object others depend on, and removes what goes with it.
    static func prepareDeletion(_ row: PolicyObject, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws
    /// Runs inside the write after the object was created, replaced or deleted.
    static func didChange(_ row: PolicyObject, tenant: TenantID, at now: Int64, _ tx: any PolicyStoreTransaction) async throws
}

extension RangerObjectKind {
    package static var renamable: Bool { false }

    package static func nameTaken(_ key: PolicyObjectKey) -> RampartError {
        RampartError(.conflict, "a \(noun) named `\(key.name.prefix(64))` already exists", field: "name")
    }

    package static func checkReferences(_ value: Value, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {}

    package static func checkReplacement(_ value: Value, of row: PolicyObject) throws {}

    package static func prepareDeletion(_ row: PolicyObject, tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws {}

    package static func didChange(_ row: PolicyObject, tenant: TenantID, at now: Int64, _ tx: any PolicyStoreTransaction) async throws {}
}
