// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// The built-in service `rampart-encryption` through which policies decide who may protect and
/// unprotect with a scheme: its one resource is `scheme` (the scheme's name; wildcards allowed), its
/// access types `protect`, `unprotect` and `unprotect-masked`. It is an ordinary service
/// definition and service of the tenant, created with the tenant's first scheme, so its policies
/// are written, imported, versioned and audited like any other.
package enum EncryptionService {
    package static let name = "rampart-encryption"
    package static let resource = "scheme"

    package enum AccessType: String, Sendable, CaseIterable {
        case protect
        case unprotect
        case unprotectMasked = "unprotect-masked"
    }

    static var serviceDefinition: JSONValue {
        .object([
            "name": .string(name),
            "label": .string("Rampart encryption schemes"),
            "description": .string("Who may protect and unprotect values with a tenant's encryption schemes"),
            "resources": .array([
                .object([
                    "itemId": .number(1), "name": .string(resource), "level": .number(10), "mandatory": .bool(true),
                    "matcherOptions": .object(["wildCard": .string("true"), "ignoreCase": .string("false")]),
                    "label": .string("Encryption scheme"),
                ])
            ]),
            "accessTypes": .array(
                AccessType.allCases.enumerated().map { index, access in
                    .object(["itemId": .number(Double(index + 1)), "name": .string(access.rawValue), "label": .string(access.rawValue)])
                }),
        ])
    }

    static var service: JSONValue {
        .object([
            "name": .string(name), "type": .string(name),
            "description": .string("Policies deciding protect, unprotect and unprotect-masked per encryption scheme"),
        ])
    }

    /// Creates the definition and the service where the tenant has not got them yet.
    static func provision(in tenant: TenantID, administration: PolicyAdministration, audit: AuditContext?) async throws {
        let existing = try await administration.store.read { tx in
            (
                try await tx.policyObject(.serviceDef, name: name, scope: "", in: tenant) != nil,
                try await tx.policyObject(.service, name: name, scope: "", in: tenant) != nil
            )
        }
        if !existing.0 {
            do {
                _ = try await PolicyObjects<ServiceDefKind>(administration: administration).create(serviceDefinition, in: tenant, audit: audit)
            } catch let error as RampartError where error.code == .conflict {
                // Created meanwhile by a concurrent first scheme.
            }
        }
        if !existing.1 {
            do {
                _ = try await PolicyObjects<ServiceKind>(administration: administration).create(service, in: tenant, audit: audit)
            } catch let error as RampartError where error.code == .conflict {}
        }
    }
}
