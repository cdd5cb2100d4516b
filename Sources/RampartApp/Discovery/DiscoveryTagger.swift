// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartPolicy
import RampartStorage

/// Turns a scan's results into tags: applies the tenant's tagging rules, records what was added
/// and removed (history), and writes the tags into the Ranger tag service of the datasource's
/// service, where tag-based policies read them.
///
/// In the tag service's `ServiceTags` document, discovery owns the tags it wrote (marked with the
/// attribute `source: rampart-discovery`) and leaves every other tag alone, so tags an
/// administrator put there by hand survive scans.
package enum DiscoveryTagger {
    package static let sourceAttribute = "source"
    package static let sourceValue = "rampart-discovery"

    /// The tags `results` call for under `rules`; several classes naming one tag keep the highest confidence.
    package static func desired(
        results: [ScanColumnResult], rules: [TaggingRule], datasource: Datasource, scanID: String, at now: Int64
    ) -> [TagAssignment] {
        var best: [String: TagAssignment] = [:]
        for result in results {
            for rule in rules {
                guard let confidence = result.confidence[rule.dataClass], confidence >= rule.minConfidence else { continue }
                let assignment = TagAssignment(
                    tenantID: datasource.tenantID, datasourceID: datasource.id, database: datasource.rangerDatabase, table: result.table,
                    column: result.column, tag: rule.tag, dataClass: rule.dataClass, confidence: confidence, scanID: scanID, assignedAt: now)
                if let existing = best[assignment.key], existing.confidence >= confidence { continue }
                best[assignment.key] = assignment
            }
        }
        return best.values.sorted { $0.key < $1.key }
    }

    /// Brings the datasource's current tags for the `scannedTables` to `desired`, writing history.
    /// Tags on tables the scan did not read are left alone, and so are people's reviews
    /// (``TagReview``): a rejected tag is not added again, an accepted one is not removed.
    /// Returns how many were added and removed.
    package static func apply(
        desired: [TagAssignment], scannedTables: Set<String>, datasource: Datasource, scanID: String, at now: Int64,
        _ tx: any StoreTransaction
    ) async throws -> (added: Int, removed: Int) {
        let current = try await tx.tagAssignments(in: datasource.tenantID, datasource: datasource.id)
        let currentKeys = Dictionary(current.map { ($0.key, $0) }) { first, _ in first }
        let reviews = try await tx.tagReviews(in: datasource.tenantID, datasource: datasource.id)
        let rejected = Set(reviews.filter { $0.verdict == .rejected }.map(\.key))
        let accepted = Set(reviews.filter { $0.verdict == .accepted }.map(\.key))
        let desired = desired.filter { !rejected.contains($0.key) }
        let desiredKeys = Set(desired.map(\.key)).union(accepted)
        var added = 0
        var removed = 0
        for assignment in desired {
            if let existing = currentKeys[assignment.key] {
                var kept = assignment
                kept.assignedAt = existing.assignedAt
                try await tx.putTagAssignment(kept)
            } else {
                try await tx.putTagAssignment(assignment)
                try await tx.insertTagHistory(history(assignment, .added, scanID: scanID, at: now))
                added += 1
            }
        }
        for assignment in current where scannedTables.contains(assignment.table) && !desiredKeys.contains(assignment.key) {
            try await tx.deleteTagAssignment(assignment)
            try await tx.insertTagHistory(history(assignment, .removed, scanID: scanID, at: now))
            removed += 1
        }
        return (added, removed)
    }

    /// Removes every current tag of a datasource being deleted, with history.
    package static func removeAll(datasource: Datasource, at now: Int64, _ tx: any StoreTransaction) async throws -> Bool {
        let current = try await tx.tagAssignments(in: datasource.tenantID, datasource: datasource.id)
        for assignment in current {
            try await tx.deleteTagAssignment(assignment)
            try await tx.insertTagHistory(history(assignment, .removed, scanID: assignment.scanID, at: now))
        }
        return !current.isEmpty
    }

    package static func history(
        _ a: TagAssignment, _ action: TagHistoryEntry.Action, scanID: String, at now: Int64, actor: String? = nil
    ) -> TagHistoryEntry {
        TagHistoryEntry(
            id: UUIDv7.generate(), tenantID: a.tenantID, datasourceID: a.datasourceID, database: a.database, table: a.table, column: a.column,
            tag: a.tag, action: action, scanID: scanID, at: now, actor: actor)
    }

    /// The Ranger service a datasource's tables belong to: the one it names, or else the tenant's
    /// only service that has a tag service. `nil` when neither exists (tags are then kept and
    /// listed, but reach no policy).
    package static func rangerService(for datasource: Datasource, _ tx: any StoreTransaction) async throws -> (service: String, tagService: String)? {
        if let name = datasource.config.rangerService {
            guard let row = try await tx.policyObject(.service, name: name, scope: "", in: datasource.tenantID),
                let tagService = try RangerJSON.decode(Service.self, row.document).tagService, !tagService.isEmpty
            else { return nil }
            return (name, tagService)
        }
        var candidates: [(String, String)] = []
        for row in try await tx.allPolicyObjects(.service, scope: nil, in: datasource.tenantID) {
            if let tagService = try RangerJSON.decode(Service.self, row.document).tagService, !tagService.isEmpty {
                candidates.append((row.name, tagService))
            }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The Ranger column and the JSON key path inside it of a column discovery reported for a
    /// JSON document (`profile.contact.email` → `profile`, `contact.email`): the tag lands on the
    /// column that exists, and the path is recorded in its `path` attribute.
    package static func keyPath(of column: String) -> (column: String, path: String?) {
        guard let dot = column.firstIndex(of: "."), dot != column.startIndex, column.index(after: dot) != column.endIndex else {
            return (column, nil)
        }
        return (String(column[..<dot]), String(column[column.index(after: dot)...]))
    }

    /// Rewrites discovery's part of `tagService`'s `ServiceTags` from the current assignments of
    /// every datasource mapped to a service using that tag service. Call inside a policy write.
    package static func sync(tagService: String, tenant: TenantID, at now: Int64, _ tx: any StoreTransaction) async throws {
        guard var serviceRow = try await tx.policyObject(.service, name: tagService, scope: "", in: tenant) else { return }
        var mapped: [String: String] = [:]  // datasource id → Ranger service name
        var nested: Set<String> = []  // datasources whose dotted columns are JSON key paths
        var after: String?
        repeat {
            let page = try await tx.datasources(in: tenant, page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            for datasource in page.items {
                if let target = try await rangerService(for: datasource, tx), target.tagService == tagService {
                    mapped[datasource.id] = target.service
                    if datasource.kind == .postgres || datasource.kind == .jsonlDirectory { nested.insert(datasource.id) }
                }
            }
            after = page.nextCursor
        } while after != nil
        let assignments = try await tx.tagAssignments(in: tenant, datasource: nil).filter { mapped[$0.datasourceID] != nil }

        let existingRow = try await tx.policyObject(.serviceTags, name: tagService, scope: "", in: tenant)
        var document = try existingRow.map { try RangerJSON.decode(ServiceTags.self, $0.document) } ?? ServiceTags()
        // Drop discovery's previous tags, and resources left with no tag.
        let ours = Set(document.tags.filter { $0.value.attributes[sourceAttribute] == sourceValue }.keys.compactMap { Int64($0) })
        for id in ours { document.tags[String(id)] = nil }
        var keptResources: [ServiceResource] = []
        for resource in document.serviceResources {
            let key = resource.id.map(String.init) ?? ""
            let remaining = (document.resourceToTagIds[key] ?? []).filter { !ours.contains($0) }
            if remaining.isEmpty && !(document.resourceToTagIds[key] ?? []).isEmpty {
                document.resourceToTagIds[key] = nil
                continue
            }
            document.resourceToTagIds[key] = remaining.isEmpty ? nil : remaining
            keptResources.append(resource)
        }
        document.serviceResources = keptResources
        // Saturating: a document stored before ids were bounded must not trap the scan that syncs it.
        var nextTag = (document.tags.keys.compactMap { Int64($0) }.max() ?? 0).addingSaturating(1)
        var nextResource = (document.serviceResources.compactMap(\.id).max() ?? 0).addingSaturating(1)
        // One resource per column, with all of its tags.
        var byColumn: [String: (ServiceResource, [Int64])] = [:]
        for a in assignments {
            guard let service = mapped[a.datasourceID] else { continue }
            let (column, path) = nested.contains(a.datasourceID) ? keyPath(of: a.column) : (a.column, nil)
            let columnKey = "\(service)\u{1F}\(a.database)\u{1F}\(a.table)\u{1F}\(column)"
            let tagID = nextTag
            nextTag = nextTag.addingSaturating(1)
            var attributes = [
                sourceAttribute: sourceValue, "class": a.dataClass, "confidence": String(format: "%.3f", a.confidence), "scan": a.scanID,
            ]
            attributes["path"] = path
            document.tags[String(tagID)] = Tag(id: tagID, type: a.tag, attributes: attributes)
            if var entry = byColumn[columnKey] {
                entry.1.append(tagID)
                byColumn[columnKey] = entry
            } else {
                let resource = ServiceResource(
                    id: nextResource, serviceName: service,
                    resourceElements: [
                        "database": PolicyResource(values: [a.database]), "table": PolicyResource(values: [a.table]),
                        "column": PolicyResource(values: [column]),
                    ])
                nextResource = nextResource.addingSaturating(1)
                byColumn[columnKey] = (resource, [tagID])
            }
        }
        for key in byColumn.keys.sorted() {
            guard let (resource, tags) = byColumn[key], let id = resource.id else { continue }
            document.serviceResources.append(resource)
            document.resourceToTagIds[String(id)] = tags
        }

        let isNew = existingRow == nil
        var row: PolicyObject
        if let existingRow {
            row = existingRow
        } else {
            row = PolicyObject(
                kind: .serviceTags, id: try await tx.allocatePolicyObjectIDs(.serviceTags, count: 1), name: tagService, document: "", version: 0,
                createdAt: now, updatedAt: now)
        }
        row.version += 1
        row.updatedAt = now
        document.tagVersion = row.version
        document.serviceName = document.serviceName ?? tagService
        row.document = try RangerJSON.document(document)
        if isNew { try await tx.insertPolicyObjects([row], in: tenant) } else { try await tx.updatePolicyObject(row, in: tenant) }
        var service = try RangerJSON.decode(Service.self, serviceRow.document)
        service.tagVersion = row.version
        serviceRow.document = try PolicyAdministration.serviceDocument(service, id: serviceRow.id, version: serviceRow.version)
        try await tx.updatePolicyObject(serviceRow, in: tenant)
    }
}
