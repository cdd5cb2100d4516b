// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartCore
import RampartEncryption
import RampartStorage

/// A tenant's encryption schemes (`/v1/encryption-schemes`): created with fresh key material in
/// the tenant keyring, listed, read and deleted. A scheme cannot be changed: its ciphertexts
/// depend on every setting. Deleting one destroys its key and its vault entries (crypto-shredding):
/// what it protected can no longer be read by anyone.
package struct EncryptionSchemes: Sendable {
    package let services: RampartServices
    package let administration: PolicyAdministration

    /// Schemes per tenant at the most.
    package static let maximumSchemes = 200

    package init(services: RampartServices, administration: PolicyAdministration) {
        self.services = services
        self.administration = administration
    }

    /// A scheme with its definition read back.
    package struct Described: Sendable {
        package let scheme: EncryptionScheme
        package let definition: EncryptionSchemeDefinition
    }

    /// A scheme ready to protect and unprotect: its definition and keyed cipher.
    package struct Loaded: Sendable {
        package let scheme: EncryptionScheme
        package let definition: EncryptionSchemeDefinition
        package let cipher: SchemeCipher
    }

    /// Creates a scheme; the tenant's first one also creates the `rampart-encryption` service
    /// definition and service its policies are written against.
    ///
    /// - Throws: `validation-failed` naming the setting; `conflict` for a name in use.
    package func create(
        name: String, description: String?, definition: EncryptionSchemeDefinition, in tenant: TenantID, audit: AuditContext?
    ) async throws -> Described {
        let name = try Self.checkedName(name)
        let description = try Validation.optionalText(description, field: "description") ?? ""
        let definition = try Self.validated(definition)
        let scheme = EncryptionScheme(
            id: UUIDv7.generate(), tenantID: tenant, name: name, algorithm: definition.algorithm.rawValue,
            definition: try Self.encode(definition), description: description, createdAt: services.clock.now())
        try await EncryptionService.provision(in: tenant, administration: administration, audit: audit)
        audit?.setEntity("encryption-schemes", name)
        let keyring = services.keyring
        let now = services.clock.now()
        try await services.store.recording(audit).write { tx in
            let existing = try await tx.encryptionSchemes(in: tenant)
            if existing.contains(where: { $0.name == name }) {
                throw RampartError(.conflict, "a scheme named `\(name)` already exists", field: "name")
            }
            guard existing.count < Self.maximumSchemes else {
                throw RampartError(.conflict, "a tenant has at most \(Self.maximumSchemes) schemes", field: "name")
            }
            let material = SymmetricKey(size: .bits256).withUnsafeBytes { Secret(Array($0)) }
            try await keyring.putSecret(scheme.keySecretName, material, tenant: tenant, in: tx, at: now)
            try await tx.insertEncryptionScheme(scheme)
        }
        return Described(scheme: scheme, definition: definition)
    }

    package func list(in tenant: TenantID) async throws -> [Described] {
        try await services.store.read { try await $0.encryptionSchemes(in: tenant) }.map { Described(scheme: $0, definition: try Self.decode($0)) }
    }

    package func get(_ name: String, in tenant: TenantID) async throws -> Described {
        guard let scheme = try await services.store.read({ try await $0.encryptionScheme(named: name, in: tenant) }) else {
            throw RampartError.notFound("encryption scheme")
        }
        return Described(scheme: scheme, definition: try Self.decode(scheme))
    }

    /// Deletes the scheme, its key material and its vault entries.
    package func delete(_ name: String, in tenant: TenantID, audit: AuditContext?) async throws {
        audit?.setEntity("encryption-schemes", String(name.prefix(64)))
        try await services.store.recording(audit).write { tx in
            guard let scheme = try await tx.encryptionScheme(named: name, in: tenant) else { throw RampartError.notFound("encryption scheme") }
            _ = try await tx.deleteEncryptionScheme(id: scheme.id, in: tenant)
            try await tx.deleteSecret(scheme.keySecretName, in: tenant)
        }
    }

    /// The scheme named `name` with its key, for protecting and unprotecting.
    package func load(_ name: String, in tenant: TenantID) async throws -> Loaded {
        let keyring = services.keyring
        let (scheme, material) = try await services.store.read { tx -> (EncryptionScheme, Secret<[UInt8]>) in
            guard let scheme = try await tx.encryptionScheme(named: name, in: tenant) else { throw RampartError.notFound("encryption scheme") }
            guard let material = try await keyring.secret(scheme.keySecretName, tenant: tenant, in: tx) else {
                throw RampartError(.keyring, "encryption scheme `\(scheme.name)` has no key")
            }
            return (scheme, material)
        }
        let definition = try Self.decode(scheme)
        let cipher = try material.withValue { bytes in
            try SchemeCipher(definition: definition, schemeID: scheme.id, material: SymmetricKey(data: bytes))
        }
        return Loaded(scheme: scheme, definition: definition, cipher: cipher)
    }

    /// 1 to 64 characters of `a-z 0-9 . _ -`, starting with a letter or digit: the name policies
    /// use as the `scheme` resource.
    static func checkedName(_ name: String) throws -> String {
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
        guard (1...64).contains(bytes.count), allowed, let first = bytes.first, first != 0x2E, first != 0x5F, first != 0x2D else {
            throw RampartError.validation("must be 1-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit", field: "name")
        }
        return name
    }

    static func validated(_ definition: EncryptionSchemeDefinition) throws -> EncryptionSchemeDefinition {
        do { return try definition.validated() } catch let error as EncryptionError {
            throw RampartError.validation(error.message, field: error.field ?? "algorithm")
        }
    }

    static func encode(_ definition: EncryptionSchemeDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(definition), as: UTF8.self)
    }

    static func decode(_ scheme: EncryptionScheme) throws -> EncryptionSchemeDefinition {
        do { return try JSONDecoder().decode(EncryptionSchemeDefinition.self, from: Data(scheme.definition.utf8)) } catch {
            throw RampartError(.storage, "encryption scheme `\(scheme.name)` has an unreadable definition")
        }
    }
}
