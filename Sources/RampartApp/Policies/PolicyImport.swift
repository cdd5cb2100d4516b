// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartPolicy
import RampartStorage

/// Importing a Ranger export into a tenant: shared by the API and `rampart policy import`.
///
/// The export's policies replace the service's policies. A policy whose name matches one the
/// service already has keeps that policy's id (as Ranger's import matches by name), so
/// re-importing an export keeps the ids decisions report; other policies get new ids.
package enum PolicyImport {
    package struct Outcome: Sendable {
        package var service: String
        /// The service's policy version after the import.
        package var version: Int64
        package var policies: Int
    }

    /// A parsed, validated export.
    package struct Parsed: Sendable {
        package var serviceDef: ServiceDef?
        package var service: Service
        package var policies: [Policy]
    }

    /// Parses, validates and stores an export: `{"serviceDef": {...}, "service": {...} | "name",
    /// "policies": [...]}`. `serviceDef` may be left out when the tenant already has the service
    /// type.
    ///
    /// - Parameter audit: the request (or CLI command) importing, whose record the writes carry.
    package static func run(
        _ data: Data, tenant: TenantID, administration: PolicyAdministration, audit: AuditContext?
    ) async throws -> Outcome {
        let root = try RangerJSON.object(data)
        var serviceDef: ServiceDef?
        if let given = root["serviceDef"] ?? root["serviceDefs"]?.arrayValue?.first {
            let field = root["serviceDef"] == nil ? "serviceDefs[0]" : "serviceDef"
            serviceDef = try RangerJSON.validated(prefix: field) { () throws(PolicyError) in try ServiceDefValidator.validate(given) }
        }
        guard let policyValues = root["policies"]?.arrayValue else {
            throw RampartError(.malformedJSON, "missing field `policies` (an array)", field: "policies")
        }
        var service: Service
        switch root["service"] {
        case let value? where value.objectValue != nil:
            service = try RangerJSON.validated(prefix: "service") { () throws(PolicyError) in try PolicyLoader.reencode(Service.self, value) }
        case .string(let name)?:
            service = Service(name: name)
        default:
            service = Service(name: policyValues.first?["service"]?.stringValue ?? serviceDef?.name ?? "")
        }
        guard !service.name.isEmpty, service.name.count <= 255 else {
            throw RampartError.validation("the service needs a name (give `service` or name it in the policies)", field: "service")
        }
        if service.type == nil { service.type = serviceDef?.name }
        if let def = serviceDef, let type = service.type, type != def.name {
            throw RampartError.validation("service type `\(type)` differs from the service definition `\(def.name)`", field: "service.type")
        }
        let name = service.name
        let givenType = service.type
        let (storedDef, zones) = try await administration.store.read { tx in
            let existing = try await tx.policyObject(.service, name: name, scope: "", in: tenant)
            let type = givenType ?? existing?.ref ?? ""
            return (
                try await tx.policyObject(.serviceDef, name: type, scope: "", in: tenant),
                try await PolicyAdministration.zones(covering: name, in: tenant, tx)
            )
        }
        guard let def = try serviceDef ?? storedDef.map({ try RangerJSON.decode(ServiceDef.self, $0.document) }) else {
            throw RampartError.validation("the export has no `serviceDef` and the tenant has no such service type", field: "serviceDef")
        }
        service.type = def.name
        let validator = PolicyValidator(serviceDef: def)
        var names: Set<String> = []
        var policies: [Policy] = []
        policies.reserveCapacity(policyValues.count)
        for (index, value) in policyValues.enumerated() {
            let policy = try RangerJSON.validated(prefix: "policies[\(index)]") { () throws(PolicyError) in
                try validator.validate(value, zones: zones)
            }
            guard names.insert(policy.name).inserted else {
                throw RampartError.validation("duplicate policy name `\(policy.name.prefix(64))`", field: "policies[\(index)].name")
            }
            policies.append(policy)
        }
        do {
            // The engine is the final judge of what it can load.
            _ = try PolicySnapshot(serviceDef: def, service: service, policies: policies)
        } catch {
            throw RampartError.validation("policies do not load: \(error.message)", field: "policies")
        }
        let parsed = Parsed(serviceDef: serviceDef, service: service, policies: policies)
        let firstID = try await administration.reserveIDs(.policy, count: policies.count, audit: audit)
        let serviceID = try await administration.reserveIDs(.service, count: 1, audit: audit)
        let defID = serviceDef == nil ? 0 : try await administration.reserveIDs(.serviceDef, count: 1, audit: audit)
        let (version, _) = try await administration.write(tenant, audit: audit) { tx, write in
            try await save(parsed, tenant: tenant, ids: (firstID, serviceID, defID), write: write, tx)
        }
        return Outcome(service: name, version: version, policies: policies.count)
    }

    private static func save(
        _ parsed: Parsed, tenant: TenantID, ids: (policy: Int64, service: Int64, serviceDef: Int64), write: PolicyAdministration.Write,
        _ tx: any StoreTransaction
    ) async throws -> Int64 {
        let now = write.now
        let typeName = parsed.service.type ?? ""
        if let def = parsed.serviceDef {
            if var row = try await tx.policyObject(.serviceDef, name: def.name, scope: "", in: tenant) {
                let document = try PolicyAdministration.serviceDefDocument(def, id: row.id, version: row.version)
                if document != row.document {
                    row.version += 1
                    row.document = try PolicyAdministration.serviceDefDocument(def, id: row.id, version: row.version)
                    row.updatedAt = now
                    try await tx.updatePolicyObject(row, in: tenant)
                }
            } else {
                let document = try PolicyAdministration.serviceDefDocument(def, id: ids.serviceDef, version: 1)
                try await tx.insertPolicyObjects(
                    [
                        PolicyObject(
                            kind: .serviceDef, id: ids.serviceDef, name: def.name, document: document, version: 1, createdAt: now, updatedAt: now)
                    ],
                    in: tenant)
            }
        }
        var serviceRow: PolicyObject
        if let existing = try await tx.policyObject(.service, name: parsed.service.name, scope: "", in: tenant) {
            guard existing.ref == typeName else {
                throw RampartError.validation(
                    "service `\(parsed.service.name)` is of type `\(existing.ref)`, not `\(typeName)`", field: "service.type")
            }
            serviceRow = existing
            serviceRow.version += 1
            serviceRow.updatedAt = now
        } else {
            serviceRow = PolicyObject(
                kind: .service, id: ids.service, name: parsed.service.name, ref: typeName, document: "", version: 1, createdAt: now, updatedAt: now)
        }
        var service = parsed.service
        if serviceRow.version > 1, let stored = try? RangerJSON.decode(Service.self, serviceRow.document) {
            service.tagVersion = stored.tagVersion
        }
        serviceRow.document = try PolicyAdministration.serviceDocument(service, id: serviceRow.id, version: serviceRow.version)
        if serviceRow.version == 1 {
            try await tx.insertPolicyObjects([serviceRow], in: tenant)
        } else {
            try await tx.updatePolicyObject(serviceRow, in: tenant)
        }

        let existing = Dictionary(
            try await tx.allPolicyObjects(.policy, scope: serviceRow.name, in: tenant).map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first })
        _ = try await tx.deletePolicyObjects(.policy, scope: serviceRow.name, in: tenant)
        var rows: [PolicyObject] = []
        rows.reserveCapacity(parsed.policies.count)
        for (index, var policy) in parsed.policies.enumerated() {
            let previous = existing[policy.name]
            if policy.guid == nil, let previous { policy.guid = (try? RangerJSON.decode(Policy.self, previous.document))?.guid }
            let id = previous?.id ?? ids.policy + Int64(index)
            let version = (previous?.version ?? 0) + 1
            rows.append(
                PolicyObject(
                    kind: .policy, id: id, name: policy.name, scope: serviceRow.name, ref: policy.zoneName ?? "",
                    document: try PolicyAdministration.policyDocument(
                        policy, id: id, version: version, service: serviceRow.name, serviceType: typeName),
                    version: version, createdAt: previous?.createdAt ?? now, updatedAt: now))
        }
        try await tx.insertPolicyObjects(rows, in: tenant)
        return serviceRow.version
    }

    /// The Ranger export of one service, as `GET /v1/policies/export` returns it.
    package static func export(service name: String, tenant: TenantID, store: any Store) async throws -> Data {
        let loaded = try await store.read { tx -> (PolicyObject, PolicyObject?, [PolicyObject])? in
            guard let service = try await tx.policyObject(.service, name: name, scope: "", in: tenant) else { return nil }
            return (
                service, try await tx.policyObject(.serviceDef, name: service.ref, scope: "", in: tenant),
                try await tx.allPolicyObjects(.policy, scope: name, in: tenant)
            )
        }
        guard let (service, def, policies) = loaded else { throw RampartError.notFound("service `\(name.prefix(64))`") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let meta = String(
            decoding: try encoder.encode(["Exported by": "rampart", "serviceVersion": String(service.version)]), as: UTF8.self)
        var text = "{\"metaDataInfo\":\(meta),\"policies\":["
        text.reserveCapacity(policies.reduce(text.utf8.count + 256) { $0 + $1.document.utf8.count + 1 })
        for (index, policy) in policies.enumerated() {
            if index > 0 { text += "," }
            text += policy.document
        }
        text += "],\"service\":\(service.document),\"serviceDef\":\(def?.document ?? "null")}"
        return Data(text.utf8)
    }
}
