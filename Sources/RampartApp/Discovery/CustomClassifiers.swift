// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartDiscovery
import RampartStorage

/// A tenant's custom classifiers (a ``CustomClassifierDefinition``: safe pattern, optional
/// validator, column-name hints, thresholds), used by that tenant's scans. A definition is
/// compiled when created, so a bad pattern is refused now rather than failing a scan later.
package struct CustomClassifiers: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// A stored classifier with its definition.
    package struct Stored: Sendable {
        package var classifier: TenantClassifier
        package var definition: CustomClassifierDefinition
    }

    package func create(_ definition: CustomClassifierDefinition, in tenant: TenantID, audit: AuditContext?) async throws -> Stored {
        var definition = definition
        do {
            _ = try definition.compile()
        } catch {
            throw RampartError.validation(error.message, field: Self.field(of: error))
        }
        definition.dataClass = definition.dataClass.uppercased()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = TenantClassifier(
            id: UUIDv7.generate(), tenantID: tenant, name: definition.dataClass,
            definition: String(decoding: try encoder.encode(definition), as: UTF8.self), createdAt: services.clock.now())
        audit?.setEntity("classifiers", stored.id)
        try await services.store.recording(audit).write { tx in
            if try await tx.classifier(name: stored.name, in: tenant) != nil {
                throw RampartError(.conflict, "a classifier for `\(stored.name)` already exists", field: "dataClass")
            }
            try await tx.insertClassifier(stored)
        }
        return Stored(classifier: stored, definition: definition)
    }

    /// The tenant's classifiers; one whose stored definition no longer decodes is left out.
    package func list(in tenant: TenantID) async throws -> [Stored] {
        try await services.store.read { tx in try await tx.classifiers(in: tenant) }.compactMap { stored in
            guard let definition = try? JSONDecoder().decode(CustomClassifierDefinition.self, from: Data(stored.definition.utf8)) else { return nil }
            return Stored(classifier: stored, definition: definition)
        }
    }

    package func delete(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        guard UUIDv7.isWellFormed(id), try await services.store.recording(audit).write({ tx in try await tx.deleteClassifier(id: id, in: tenant) })
        else {
            throw RampartError.notFound("classifier")
        }
    }

    /// The definition field a compile error is about.
    package static func field(of error: DiscoveryError) -> String {
        switch error.code {
        case .invalidPattern: "pattern"
        case .unknownValidator: "validator"
        default:
            ["dataClass", "minPrevalence", "maxInspectedLength", "columnNameHints", "pattern"].first { error.message.contains($0) } ?? "dataClass"
        }
    }
}
