// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartCore
import RampartPolicy
import RampartStorage

/// Builds a tenant's ``TenantPolicySet`` from the store, reusing what the previous set already
/// has: only services whose inputs moved get a new snapshot, and only services whose policies
/// moved are read and decoded again.
package enum TenantPolicySetBuilder {
    private struct Loaded: Sendable {
        package var version: Int64
        package var serviceDefs: [PolicyObject]
        package var services: [PolicyObject]
        package var roles: [PolicyObject]
        package var zones: [PolicyObject]
        package var tags: [PolicyObject]
        package var policyDocuments: [String: [String]]
    }

    package static func build(tenant: TenantID, store: any Store, previous: TenantPolicySet, logger: Logger) async throws -> TenantPolicySet {
        // One transaction, so the set is consistent with the version it is labelled with.
        let loaded = try await store.read { tx in
            let services = try await tx.allPolicyObjects(.service, scope: nil, in: tenant)
            var documents: [String: [String]] = [:]
            for service in services where previous.decodedPolicies[service.name]?.service != ObjectStamp(service) {
                documents[service.name] = try await tx.allPolicyObjects(.policy, scope: service.name, in: tenant).map(\.document)
            }
            return Loaded(
                version: try await tx.policyVersion(in: tenant),
                serviceDefs: try await tx.allPolicyObjects(.serviceDef, scope: nil, in: tenant), services: services,
                roles: try await tx.allPolicyObjects(.role, scope: nil, in: tenant),
                zones: try await tx.allPolicyObjects(.zone, scope: nil, in: tenant),
                tags: try await tx.allPolicyObjects(.serviceTags, scope: nil, in: tenant), policyDocuments: documents)
        }

        var decoded: [String: (service: ObjectStamp, policies: [Policy])] = [:]
        for service in loaded.services {
            if let documents = loaded.policyDocuments[service.name] {
                decoded[service.name] = (ObjectStamp(service), try documents.map { try RangerJSON.decode(Policy.self, $0) })
            } else if let kept = previous.decodedPolicies[service.name] {
                decoded[service.name] = kept
            }
        }
        let defs = Dictionary(loaded.serviceDefs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let serviceRows = Dictionary(loaded.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let tagRows = Dictionary(loaded.tags.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let roleVersions = loaded.roles.map(ObjectStamp.init)
        let zoneVersions = loaded.zones.map(ObjectStamp.init)
        var roles: [Role]?
        var zones: [SecurityZone]?

        var result: [String: ServicePolicies] = [:]
        for row in loaded.services {
            let service = try RangerJSON.decode(Service.self, row.document)
            guard let def = defs[row.ref] else { continue }
            let tagRow = service.tagService.flatMap { serviceRows[$0] }
            let tagDef = tagRow.flatMap { defs[$0.ref] }
            let tags = tagRow.flatMap { tagRows[$0.name] }
            let inputs = SnapshotInputs(
                service: ObjectStamp(row), serviceDef: ObjectStamp(def), tagService: tagRow.map(ObjectStamp.init),
                tagServiceDef: tagDef.map(ObjectStamp.init), tags: tags.map(ObjectStamp.init), roles: roleVersions, zones: zoneVersions)
            if let kept = previous.services[row.name], kept.inputs == inputs {
                result[row.name] = kept
                continue
            }
            if roles == nil { roles = try loaded.roles.map { try RangerJSON.decode(Role.self, $0.document) } }
            if zones == nil { zones = try loaded.zones.map { try RangerJSON.decode(SecurityZone.self, $0.document) } }
            do {
                var tagService: Service?
                var serviceTags: ServiceTags?
                if let tagRow { tagService = try RangerJSON.decode(Service.self, tagRow.document) }
                if let tags { serviceTags = Self.tags(try RangerJSON.decode(ServiceTags.self, tags.document), for: row.name) }
                let snapshot = try PolicySnapshot(
                    serviceDef: try RangerJSON.decode(ServiceDef.self, def.document), service: service,
                    policies: decoded[row.name]?.policies ?? [], roles: roles ?? [], zones: zones ?? [],
                    tagServiceDef: try tagDef.map { try RangerJSON.decode(ServiceDef.self, $0.document) },
                    tagPolicies: tagRow.flatMap { decoded[$0.name]?.policies } ?? [], serviceTags: serviceTags,
                    tagServiceConfigs: tagService?.configs ?? [:])
                // Validated when the service was saved; a row from before reads as the default.
                let identitySource = (try? DecisionIdentitySource(service: service)) ?? .rampart
                result[row.name] = ServicePolicies(snapshot: snapshot, version: row.version, inputs: inputs, identitySource: identitySource)
            } catch {
                // Validation keeps unloadable policies out, so this is a damaged row: keep serving
                // the last good snapshot of the service rather than failing every service.
                logger.error(
                    "policy snapshot build failed", metadata: ["tenant": "\(tenant.rawValue)", "service": "\(row.name)", "error": "\(error)"])
                if let kept = previous.services[row.name] { result[row.name] = kept }
            }
        }
        return TenantPolicySet(version: loaded.version, services: result, decodedPolicies: decoded)
    }

    /// The part of a tag service's `ServiceTags` about `service`: resources naming another
    /// service belong to that service's snapshot.
    package static func tags(_ all: ServiceTags, for service: String) -> ServiceTags {
        var tags = all
        tags.serviceResources = all.serviceResources.filter { ($0.serviceName ?? service).isEmpty || ($0.serviceName ?? service) == service }
        let kept = Set(tags.serviceResources.compactMap { $0.id.map(String.init) })
        tags.resourceToTagIds = all.resourceToTagIds.filter { kept.contains($0.key) }
        return tags
    }
}
