// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartAuditLog
import RampartConnectors
import RampartCore
import RampartDiscovery
import RampartStorage
import Synchronization

/// Runs one claimed scan job to its end: reads the datasource through its connector, classifies
/// with ``DiscoveryScanner`` (built-in plus the tenant's custom classifiers), stores per-column
/// results with sealed masked samples, applies the tagging rules, and sets the final status.
///
/// A heartbeat task beside the work records progress every ``DiscoveryConfiguration/heartbeatInterval``
/// and stops the work when a cancellation is requested. Raw values never leave this type: only
/// classes, scores and masked samples are stored, and nothing read from the data is logged.
package struct ScanRunner: Sendable {

    package init(
        store: any Store, keyring: Keyring, clock: any RampartClock, administration: PolicyAdministration, configuration: DiscoveryConfiguration,
        paths: DatasourcePathPolicy, logger: Logger, destinations: OutboundDestinations = OutboundDestinations(policy: OutboundAddressPolicy())
    ) {
        self.store = store
        self.keyring = keyring
        self.clock = clock
        self.administration = administration
        self.configuration = configuration
        self.paths = paths
        self.logger = logger
        self.destinations = destinations
    }
    package let store: any Store
    package let keyring: Keyring
    package let clock: any RampartClock
    package let administration: PolicyAdministration
    package let configuration: DiscoveryConfiguration
    package let paths: DatasourcePathPolicy
    package let logger: Logger
    /// Where PostgreSQL datasources may connect (internal addresses refused unless allowed).
    package var destinations = OutboundDestinations(policy: OutboundAddressPolicy())

    package static let shutdownMessage = "interrupted by a server shutdown"

    /// What the work produced, or why it stopped.
    private enum Outcome: Sendable {
        case finished(datasource: Datasource, tables: [String], columns: [ColumnReport])
        case failed(String)
        case cancelRequested
    }

    private final class Shared: Sendable {
        package let progress = Mutex(ScanProgress())
    }

    package func run(_ job: ScanJob) async {
        let shared = Shared()
        logger.info("scan started", metadata: ["scan": "\(job.id)", "tenant": "\(job.tenantID.rawValue)"])
        let outcome: Outcome? = await withTaskGroup(of: Outcome?.self) { group in
            group.addTask { await work(job, shared) }
            group.addTask { await heartbeat(job, shared) }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        // The final write must happen even when this task was cancelled (server shutdown).
        let interrupted = Task.isCancelled
        await Task {
            do {
                let now = clock.now()
                switch outcome {
                case .finished(let datasource, let tables, let columns) where !interrupted:
                    try await finish(
                        job, datasource: datasource, tables: tables, columns: columns, progress: shared.progress.withLock { $0 }, at: now)
                case .failed(let message) where !interrupted:
                    try await store.write { try await $0.finishScan(id: job.id, in: job.tenantID, status: .failed, error: message, at: now) }
                case .cancelRequested where !interrupted:
                    try await store.write { try await $0.finishScan(id: job.id, in: job.tenantID, status: .cancelled, error: nil, at: now) }
                default:
                    try await store.write {
                        try await $0.finishScan(id: job.id, in: job.tenantID, status: .failed, error: Self.shutdownMessage, at: now)
                    }
                }
            } catch {
                logger.error("scan could not record its outcome", metadata: ["scan": "\(job.id)", "error": "\(error)"])
            }
        }.value
        logger.info("scan ended", metadata: ["scan": "\(job.id)"])
    }

    /// Records progress until cancelled; returns `.cancelRequested` when the job was asked to stop.
    private func heartbeat(_ job: ScanJob, _ shared: Shared) async -> Outcome? {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.heartbeatInterval)
            if Task.isCancelled { return nil }
            let stop = (try? await record(job, shared.progress.withLock { $0 })) ?? false
            if stop { return .cancelRequested }
        }
        return nil
    }

    /// Writes progress and the heartbeat; returns whether the job should stop.
    private func record(_ job: ScanJob, _ progress: ScanProgress) async throws -> Bool {
        let now = clock.now()
        return try await store.write { try await $0.updateScanProgress(id: job.id, in: job.tenantID, progress: progress, heartbeatAt: now) }
    }

    private func work(_ job: ScanJob, _ shared: Shared) async -> Outcome? {
        do {
            let (datasource, connector) = try await DatasourceAccess.load(
                job.datasourceID, tenant: job.tenantID, store: store, keyring: keyring, paths: paths, destinations: destinations)
            let definitions = try await store.read { try await $0.classifiers(in: job.tenantID) }
            var classifiers = BuiltinClassifiers.all
            for stored in definitions {
                // Definitions were validated when created; one that no longer compiles is skipped, not fatal.
                guard let definition = try? JSONDecoder().decode(CustomClassifierDefinition.self, from: Data(stored.definition.utf8)),
                    let compiled = try? definition.compile()
                else {
                    logger.warning("custom classifier skipped", metadata: ["classifier": "\(stored.id)"])
                    continue
                }
                classifiers.append(compiled)
            }
            let scanner = DiscoveryScanner(classifiers: classifiers, configuration: .init(sampleLimit: job.options.sampleSize))
            let session = try await connector.connect()
            do {
                let tables = try await session.schema().filter { job.options.selects(table: $0.name, schema: $0.schema) }
                shared.progress.withLock { $0.tablesTotal = tables.count }
                if try await record(job, shared.progress.withLock { $0 }) {
                    await session.close()
                    return .cancelRequested
                }
                var columns: [ColumnReport] = []
                for table in tables {
                    try Task.checkCancellation()
                    shared.progress.withLock { $0.currentTable = table.qualifiedName }
                    // Rows stream through the profilers a batch at a time: memory stays bounded
                    // by the samples, whatever the table's size.
                    let scan = try await session.scan(
                        table, with: scanner, limit: job.options.fullScan ? nil : job.options.sampleSize,
                        maximumRows: configuration.maximumRowsPerTable
                    ) { rows, bytes in
                        shared.progress.withLock { p in
                            p.rowsRead += Int64(rows)
                            p.bytesRead += Int64(bytes)
                        }
                        try Task.checkCancellation()
                    }
                    columns += scanner.finish(scan)
                    let progress = shared.progress.withLock { p in
                        p.tablesDone += 1
                        return p
                    }
                    if try await record(job, progress) {
                        await session.close()
                        return .cancelRequested
                    }
                }
                await session.close()
                return .finished(datasource: datasource, tables: tables.map(\.qualifiedName), columns: columns)
            } catch {
                await session.close()
                throw error
            }
        } catch let error as ConnectorError {
            return .failed("\(error.code.rawValue): \(error.message)")
        } catch let error as RampartError {
            return .failed(error.message)
        } catch is CancellationError {
            return nil
        } catch {
            logger.error("scan failed", metadata: ["scan": "\(job.id)", "error": "\(type(of: error))"])
            return .failed("internal error while scanning")
        }
    }

    /// Stores the results and applies the tagging rules in one transaction (a policy write when
    /// the datasource maps to a tag service), then marks the scan succeeded, so decisions see the
    /// new tags as soon as the scan says `succeeded`.
    ///
    /// The final `progress` is written with the status: a heartbeat that read the progress before
    /// the last table was done can commit after the work's own last write (on PostgreSQL they
    /// run side by side), and a succeeded scan would then show less than it read.
    private func finish(
        _ job: ScanJob, datasource: Datasource, tables: [String], columns: [ColumnReport], progress: ScanProgress, at now: Int64
    ) async throws {
        let keyring = self.keyring
        let body: @Sendable (any StoreTransaction) async throws -> String? = { tx in
            var results: [ScanColumnResult] = []
            for column in columns {
                var sealed: String?
                let samples = column.maskedSamples.filter { !$0.value.isEmpty }
                if !samples.isEmpty {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    sealed = try await keyring.encrypt(
                        Secret(Array(try encoder.encode(samples))), tenant: job.tenantID, purpose: ScanColumnResult.samplesPurpose(scanID: job.id),
                        in: tx)
                }
                results.append(
                    ScanColumnResult(
                        scanID: job.id, tenantID: job.tenantID, table: column.table, column: column.column, classes: column.classes,
                        confidence: column.confidence, prevalence: column.prevalence, rowsScanned: Int64(column.rowsScanned),
                        sealedSamples: sealed))
            }
            try await tx.insertColumnResults(results)
            let rules = try await tx.taggingRules(in: job.tenantID)
            let desired = DiscoveryTagger.desired(results: results, rules: rules, datasource: datasource, scanID: job.id, at: now)
            let changes = try await DiscoveryTagger.apply(
                desired: desired, scannedTables: Set(tables), datasource: datasource, scanID: job.id, at: now, tx)
            let target = try await DiscoveryTagger.rangerService(for: datasource, tx)
            if let target { try await DiscoveryTagger.sync(tagService: target.tagService, tenant: job.tenantID, at: now, tx) }
            // The tenant's audit log records what the scan changed: counts and ids, never a value.
            let record = AuditRecord(
                seq: 0, time: now * 1000, tenantID: job.tenantID.rawValue, actorType: "system", actorID: "discovery", entityType: "scans",
                entityID: job.id, operation: "discovery scan completed", outcome: "allowed",
                details: AuditDetails.json([
                    "datasource": datasource.id, "tables": String(tables.count), "columns": String(results.count),
                    "sensitiveColumns": String(results.filter { !$0.classes.isEmpty }.count), "tagsAdded": String(changes.added),
                    "tagsRemoved": String(changes.removed), "tagService": target?.tagService ?? "",
                ]))
            _ = try await tx.appendAudit([record], in: job.tenantID, at: now)
            return target?.tagService
        }
        let target = try await store.read { tx in try await DiscoveryTagger.rangerService(for: datasource, tx) }
        if target != nil {
            // A policy write: it returns once this server decides with the new tags.
            _ = try await administration.write(job.tenantID, audit: nil) { tx, _ in try await body(tx) }
        } else {
            _ = try await store.write(body)
        }
        // Only now is the scan `succeeded`, so a client that waited for it sees the tags in decisions.
        try await store.write { tx in
            _ = try await tx.updateScanProgress(id: job.id, in: job.tenantID, progress: progress, heartbeatAt: now)
            try await tx.finishScan(id: job.id, in: job.tenantID, status: .succeeded, error: nil, at: now)
        }
    }
}
