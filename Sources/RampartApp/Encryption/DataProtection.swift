// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import RampartCore
import RampartEncryption
import RampartStorage

/// `/v1/protect` and `/v1/unprotect`: values through a tenant's encryption scheme, for whom the
/// tenant's policies allow it.
///
/// The policy engine decides on the built-in `rampart-encryption` service (resource `scheme`,
/// access `protect`, `unprotect` or `unprotect-masked`) for the caller's user and groups, exactly
/// as `/v1/authorize` would. Every call, allowed or denied, is one audit record naming the scheme,
/// the access, the count and the deciding policy, never a value; it is durable before any value
/// is returned. A batch is all or nothing: one bad value refuses the call, naming its index.
package struct DataProtection: Sendable {
    package let services: RampartServices
    package let schemes: EncryptionSchemes
    package let decisions: Decisions

    /// Values per call at the most.
    package static let maximumBatch = 10_000
    /// UTF-8 bytes of one value at the most.
    package static let maximumValueBytes = 65_536
    /// The largest request body the routes read: a full batch of long values.
    package static let maximumBodyBytes = 16 << 20

    package init(services: RampartServices, schemes: EncryptionSchemes, decisions: Decisions) {
        self.services = services
        self.schemes = schemes
        self.decisions = decisions
    }

    /// What a call returned.
    package struct Outcome: Sendable {
        package enum Form: String, Sendable {
            case clear
            case masked
            case `protected`
        }

        package let values: [String]
        package let form: Form
        /// The data-key version `aead` ciphertexts were sealed with; `nil` for the other algorithms.
        package let keyVersion: Int?
        package let algorithm: EncryptionSchemeDefinition.Algorithm
    }

    /// Protects `values` with the scheme `schemeName`.
    package func protect(_ values: [String], scheme schemeName: String, as principal: Principal, audit: AuditContext?) async throws -> Outcome {
        try Self.checkBatch(values)
        let loaded = try await schemes.load(schemeName, in: principal.tenantID)
        let decision = try await decide([.protect], scheme: loaded.scheme.name, principal: principal)[0]
        guard decision.allowed else {
            try await record(
                .protect, allowed: false, count: values.count, scheme: loaded.scheme, decision: decision, principal: principal, audit: audit)
            throw RampartError(.forbidden, "no policy allows `protect` with scheme `\(loaded.scheme.name)`")
        }
        let tenant = principal.tenantID
        var keyVersion: Int?
        var output: [String]
        var vault: [VaultEntry] = []
        switch loaded.cipher {
        case .ff1(let cipher):
            output = try Self.each(values) { try cipher.encrypt($0) }
        case .token(let tokenizer):
            output = values.map(tokenizer.token(for:))
            if loaded.definition.reversible == true {
                let key = try await services.store.read { [keyring = services.keyring] in try await keyring.currentKey(for: tenant, in: $0) }
                var seen: Set<String> = []
                let now = services.clock.now()
                for (value, token) in zip(values, output) where seen.insert(token).inserted {
                    let sealed = try Envelope.seal(
                        Secret(Array(value.utf8)), with: key, purpose: VaultEntry.purpose(schemeID: loaded.scheme.id, token: token))
                    vault.append(
                        VaultEntry(
                            tenantID: tenant, schemeID: loaded.scheme.id, token: token, ciphertext: sealed, keyVersion: key.version, createdAt: now))
                }
            }
        case .aead(let material):
            let dataKey = try await services.store.read { [keyring = services.keyring] in try await keyring.currentKey(for: tenant, in: $0) }
            let key = Self.aeadKey(material, dataKey: dataKey, scheme: loaded.scheme)
            let purpose = Self.aeadPurpose(loaded.scheme)
            output = try values.map { try Envelope.seal(Secret(Array($0.utf8)), with: key, purpose: purpose) }
            keyVersion = key.version
        }
        try await record(
            .protect, allowed: true, count: values.count, scheme: loaded.scheme, decision: decision, principal: principal, audit: audit, vault: vault)
        return Outcome(values: output, form: .protected, keyVersion: keyVersion, algorithm: loaded.definition.algorithm)
    }

    /// Turns protected values back: in clear where a policy allows `unprotect` (and `masked` was
    /// not asked for), masked where it allows only `unprotect-masked`; otherwise `forbidden`.
    package func unprotect(
        _ values: [String], scheme schemeName: String, masked: Bool, as principal: Principal, audit: AuditContext?
    ) async throws -> Outcome {
        try Self.checkBatch(values)
        let loaded = try await schemes.load(schemeName, in: principal.tenantID)
        let answers = try await decide([.unprotect, .unprotectMasked], scheme: loaded.scheme.name, principal: principal)
        let clear = answers[0]
        let maskedOnly = answers[1]
        let access: EncryptionService.AccessType
        let decision: AccessDecision
        if clear.allowed, !masked {
            (access, decision) = (.unprotect, clear)
        } else if maskedOnly.allowed || (clear.allowed && masked) {
            (access, decision) = (.unprotectMasked, maskedOnly.allowed ? maskedOnly : clear)
        } else {
            try await record(
                .unprotect, allowed: false, count: values.count, scheme: loaded.scheme, decision: clear, principal: principal, audit: audit)
            throw RampartError(.forbidden, "no policy allows `unprotect` or `unprotect-masked` with scheme `\(loaded.scheme.name)`")
        }
        if case .token = loaded.cipher, loaded.definition.reversible != true {
            throw RampartError.validation("scheme `\(loaded.scheme.name)` makes tokens that cannot be reversed", field: "scheme")
        }
        let plain = try await reveal(values, loaded, tenant: principal.tenantID)
        let mask = loaded.definition.mask ?? ValueMask()
        let output = access == .unprotect ? plain : plain.map { mask.apply($0, isMaskable: loaded.cipher.isMaskable) }
        try await record(access, allowed: true, count: values.count, scheme: loaded.scheme, decision: decision, principal: principal, audit: audit)
        return Outcome(values: output, form: access == .unprotect ? .clear : .masked, keyVersion: nil, algorithm: loaded.definition.algorithm)
    }

    private func reveal(_ values: [String], _ loaded: EncryptionSchemes.Loaded, tenant: TenantID) async throws -> [String] {
        switch loaded.cipher {
        case .ff1(let cipher):
            return try Self.each(values) { try cipher.decrypt($0) }
        case .token(let tokenizer):
            for (index, value) in values.enumerated() where !tokenizer.isWellFormed(value) {
                throw RampartError.validation("is not a token of scheme `\(loaded.scheme.name)`", field: "values[\(index)]")
            }
            let keyring = services.keyring
            let schemeID = loaded.scheme.id
            return try await services.store.read { tx in
                let entries = try await tx.vaultEntries(scheme: schemeID, tokens: Array(Set(values)), in: tenant)
                var out: [String] = []
                out.reserveCapacity(values.count)
                for (index, token) in values.enumerated() {
                    guard let entry = entries[token] else {
                        throw RampartError.validation("is not in the vault of scheme `\(loaded.scheme.name)`", field: "values[\(index)]")
                    }
                    let plain = try await keyring.decrypt(
                        entry.ciphertext, tenant: tenant, purpose: VaultEntry.purpose(schemeID: schemeID, token: token), in: tx)
                    out.append(plain.withValue { String(decoding: $0, as: UTF8.self) })
                }
                return out
            }
        case .aead(let material):
            let keyring = services.keyring
            let purpose = Self.aeadPurpose(loaded.scheme)
            let scheme = loaded.scheme
            return try await services.store.read { tx in
                var keys: [Int: DataKey] = [:]
                var out: [String] = []
                out.reserveCapacity(values.count)
                for (index, value) in values.enumerated() {
                    do {
                        guard let version = Envelope.keyVersion(of: value) else { throw RampartError(.keyring, "not an envelope") }
                        let key: DataKey
                        if let known = keys[version] {
                            key = known
                        } else {
                            key = Self.aeadKey(material, dataKey: try await keyring.key(for: tenant, version: version, in: tx), scheme: scheme)
                            keys[version] = key
                        }
                        let plain = try Envelope.open(value, with: key, purpose: purpose)
                        out.append(plain.withValue { String(decoding: $0, as: UTF8.self) })
                    } catch let error as RampartError where error.code == .keyring {
                        throw RampartError.validation("is not a ciphertext of scheme `\(scheme.name)`", field: "values[\(index)]")
                    }
                }
                return out
            }
        }
    }

    /// The engine's answers for the caller on this scheme; a tenant without the service (deleted
    /// by hand) gets denials, not errors.
    private func decide(_ accesses: [EncryptionService.AccessType], scheme: String, principal: Principal) async throws -> [AccessDecision] {
        let questions = accesses.map {
            DecisionQuestion(
                service: EncryptionService.name, user: principal.username, resource: [EncryptionService.resource: scheme], accessType: $0.rawValue)
        }
        do {
            return try await decisions.unrecordedAnswers(questions, tenant: principal.tenantID)
        } catch let error as RampartError where error.code == .notFound {
            return accesses.map { _ in AccessDecision(allowed: false, audited: true, policyId: nil, policyVersion: 0, reason: "no encryption service")
            }
        }
    }

    /// The call's audit record, durable before the caller sees a value: with the vault entries
    /// it adds in the same transaction, otherwise through the audit writer.
    private func record(
        _ access: EncryptionService.AccessType, allowed: Bool, count: Int, scheme: EncryptionScheme, decision: AccessDecision, principal: Principal,
        audit: AuditContext?, vault: [VaultEntry] = []
    ) async throws {
        if !allowed {
            try await services.security.noteDecision(allowed: false, user: principal.username, tenant: principal.tenantID, audit: audit)
        }
        var details = ["access": access.rawValue, "count": String(count), "scheme": scheme.name]
        if let policy = decision.policyId { details["policyId"] = String(policy) }
        let call = DecisionAudit.Call(audit: audit, tenant: principal.tenantID, batchID: nil, now: services.clock.nowMicroseconds())
        let record = AuditRecord(
            seq: 0, time: call.now, tenantID: call.tenant.rawValue, actorType: call.actorType, actorID: call.actorID, sourceIP: call.sourceIP,
            userAgent: call.userAgent, method: call.method, path: call.path, entityType: "encryption-schemes", entityID: scheme.name,
            operation: access == .protect ? "protect" : "unprotect",
            outcome: allowed ? AuditOutcome.allowed.rawValue : AuditOutcome.denied.rawValue, status: nil, requestID: call.requestID,
            batchID: nil, service: EncryptionService.name, resource: "\(EncryptionService.resource)=\(scheme.name)", accessType: access.rawValue,
            policyID: decision.policyId.map(String.init), policyVersion: decision.policyVersion, details: AuditDetails.json(details))
        if vault.isEmpty {
            try await services.auditWriter.append([record], tenant: principal.tenantID)
        } else {
            let now = services.clock.now()
            try await services.store.write { tx in
                try await tx.insertVaultEntries(vault)
                _ = try await tx.appendAudit([record], in: principal.tenantID, at: now)
            }
        }
        audit?.markRecorded()
    }

    static func aeadPurpose(_ scheme: EncryptionScheme) -> String { "encryption-scheme:\(scheme.id)" }

    /// The sealing key of an `aead` scheme under one data-key version: the envelope names that
    /// version, and the key needs the scheme's material too, so deleting the scheme shreds it.
    static func aeadKey(_ material: SymmetricKey, dataKey: DataKey, scheme: EncryptionScheme) -> DataKey {
        DataKey(
            tenantID: dataKey.tenantID, version: dataKey.version,
            key: SchemeKeys.aeadKey(material: material, dataKey: dataKey.key, schemeID: scheme.id))
    }

    static func checkBatch(_ values: [String]) throws {
        guard (1...maximumBatch).contains(values.count) else {
            throw RampartError.validation("a call holds 1 to \(maximumBatch) values", field: "values")
        }
        for (index, value) in values.enumerated() where value.utf8.count > maximumValueBytes {
            throw RampartError.validation("is longer than \(maximumValueBytes) bytes", field: "values[\(index)]")
        }
    }

    /// `transform` on every value; an engine refusal names the value's index, never the value.
    static func each(_ values: [String], _ transform: (String) throws -> String) throws -> [String] {
        var out: [String] = []
        out.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            do { out.append(try transform(value)) } catch let error as EncryptionError {
                throw RampartError.validation(error.message, field: "values[\(index)]")
            }
        }
        return out
    }
}
