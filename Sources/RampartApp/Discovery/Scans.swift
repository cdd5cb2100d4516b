// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage

/// Discovery scan jobs of a tenant: queued here and run by ``ScanService``; their progress,
/// cancellation and per-column results are read here.
package struct Scans: Sendable {
    package let services: RampartServices
    /// Rings when a scan is queued, so an idle ``ScanService`` starts it at once.
    package let bell: ScanQueueBell
    /// Scans one tenant may have queued (``DiscoveryConfiguration/maximumQueuedScansPerTenant``):
    /// one tenant cannot fill the queue every tenant shares.
    package let maximumQueued: Int

    package init(services: RampartServices, bell: ScanQueueBell, maximumQueued: Int) {
        self.services = services
        self.bell = bell
        self.maximumQueued = maximumQueued
    }

    /// The tenant's queue is at its cap.
    package struct QueueFull: Error, Sendable {
        package let limit: Int
    }

    /// One column's findings, with its masked samples opened.
    package struct ColumnFindings: Sendable {
        package var result: ScanColumnResult
        /// Masked examples per class (`j***@example.com`); raw values are never stored.
        package var maskedSamples: [String: [String]]
    }

    /// Include and exclude patterns: at most 100, each 1 to 256 bytes without NUL.
    package static func patterns(_ values: [String]?, field: String) throws -> [String] {
        let values = values ?? []
        guard values.count <= 100 else { throw RampartError.validation("at most 100 patterns", field: field) }
        for value in values where !(1...256).contains(value.utf8.count) || value.utf8.contains(0) {
            throw RampartError.validation("patterns must be 1-256 bytes", field: field)
        }
        return values
    }

    /// Queues a scan of the datasource `reference` (its id or name).
    ///
    /// - Throws: ``QueueFull`` when the tenant already has ``maximumQueued`` scans queued.
    package func enqueue(datasource reference: String?, options: ScanOptions, in tenant: TenantID, audit: AuditContext?) async throws -> ScanJob {
        guard let reference, !reference.isEmpty else { throw RampartError.validation("is required", field: "datasource") }
        guard (1...ScanOptions.maximumSampleSize).contains(options.sampleSize) else {
            throw RampartError.validation("must be from 1 to \(ScanOptions.maximumSampleSize)", field: "sampleSize")
        }
        let now = services.clock.now()
        let id = UUIDv7.generate()
        audit?.setEntity("scans", id)
        let queueCap = maximumQueued
        let scan = try await services.store.recording(audit).write { tx in
            let datasource =
                UUIDv7.isWellFormed(reference)
                ? try await tx.datasource(id: reference, in: tenant) : try await tx.datasource(name: reference, in: tenant)
            guard let datasource else { throw RampartError(.notFound, "datasource not found", field: "datasource") }
            // Counted inside the write, so concurrent requests cannot queue past the cap.
            guard try await tx.queuedScanCount(in: tenant) < queueCap else { throw QueueFull(limit: queueCap) }
            let scan = ScanJob(id: id, tenantID: tenant, datasourceID: datasource.id, status: .queued, options: options, createdAt: now)
            try await tx.insertScan(scan)
            return scan
        }
        bell.ring()
        return scan
    }

    package func list(in tenant: TenantID, datasource: String?, page: PageRequest) async throws -> Page<ScanJob> {
        if let datasource, !UUIDv7.isWellFormed(datasource) { throw RampartError(.badRequest, "`datasource` is not an id", field: "datasource") }
        return try await services.store.read { tx in try await tx.scans(in: tenant, datasource: datasource, page: page) }
    }

    package func get(_ id: String, in tenant: TenantID) async throws -> ScanJob {
        guard let scan = try await services.store.read({ tx in try await tx.scan(id: id, in: tenant) }) else { throw RampartError.notFound("scan") }
        return scan
    }

    /// Asks a queued or running scan to stop; a finished one cannot be cancelled.
    package func cancel(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws -> ScanJob {
        let now = services.clock.now()
        return try await services.store.recording(audit).write { tx in
            guard let scan = try await tx.scan(id: id, in: tenant) else { throw RampartError.notFound("scan") }
            guard !scan.status.isFinished else { throw RampartError(.conflict, "the scan has already \(scan.status.rawValue)") }
            return try await tx.requestScanCancel(id: id, in: tenant, at: now) ?? scan
        }
    }

    /// The scan and what it found, column by column, with the sealed samples opened.
    package func results(_ id: String, in tenant: TenantID) async throws -> (scan: ScanJob, columns: [ColumnFindings]) {
        let keyring = services.keyring
        return try await services.store.read { tx in
            guard let scan = try await tx.scan(id: id, in: tenant) else { throw RampartError.notFound("scan") }
            var columns: [ColumnFindings] = []
            for result in try await tx.columnResults(scanID: id, in: tenant) {
                var samples: [String: [String]] = [:]
                if let sealed = result.sealedSamples {
                    let plain = try await keyring.decrypt(sealed, tenant: tenant, purpose: ScanColumnResult.samplesPurpose(scanID: id), in: tx)
                    samples = (try? JSONDecoder().decode([String: [String]].self, from: Data(plain.exposedValue))) ?? [:]
                }
                columns.append(ColumnFindings(result: result, maskedSamples: samples))
            }
            return (scan, columns)
        }
    }
}
