// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/scans`: discovery scan jobs. A scan is queued here and run by ``ScanService``; its
/// progress, cancellation and per-column results are read here.
struct ScansController {
    let services: RampartServices
    let bell: ScanQueueBell
    /// Scans one tenant may have queued (``DiscoveryConfiguration/maximumQueuedScansPerTenant``).
    let maximumQueued: Int

    /// The tenant's queue is at its cap.
    struct QueueFull: Error {
        let limit: Int
    }

    struct Body: Decodable {
        var datasource: String?
        var include: [String]?
        var exclude: [String]?
        var sampleSize: Int?
        var fullScan: Bool?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/scans", .tenant(.discoveryWrite), create)
        api.add(.get, "/v1/scans", .tenant(.discoveryRead), list)
        api.add(.get, "/v1/scans/{id}", .tenant(.discoveryRead), get)
        api.add(.post, "/v1/scans/{id}/cancel", .tenant(.discoveryWrite), cancel)
        api.add(.get, "/v1/scans/{id}/results", .tenant(.discoveryRead), results)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(Body.self, from: request, limit: services.maximumBodySize)
        guard let reference = body.datasource, !reference.isEmpty else { throw RampartError.validation("is required", field: "datasource") }
        let options = ScanOptions(
            include: try Self.patterns(body.include, field: "include"), exclude: try Self.patterns(body.exclude, field: "exclude"),
            sampleSize: body.sampleSize ?? ScanOptions.defaultSampleSize, fullScan: body.fullScan ?? false)
        guard (1...ScanOptions.maximumSampleSize).contains(options.sampleSize) else {
            throw RampartError.validation("must be from 1 to \(ScanOptions.maximumSampleSize)", field: "sampleSize")
        }
        let now = services.clock.now()
        let id = UUIDv7.generate()
        AuditScope.current?.setEntity("scans", id)
        let queueCap = maximumQueued
        let scan: ScanJob
        do {
            scan = try await services.store.write { tx in
                let datasource =
                    UUIDv7.isWellFormed(reference)
                    ? try await tx.datasource(id: reference, in: principal.tenantID)
                    : try await tx.datasource(name: reference, in: principal.tenantID)
                guard let datasource else { throw RampartError(.notFound, "datasource not found", field: "datasource") }
                // Counted inside the write, so concurrent requests cannot queue past the cap.
                guard try await tx.queuedScanCount(in: principal.tenantID) < queueCap else { throw QueueFull(limit: queueCap) }
                let scan = ScanJob(
                    id: id, tenantID: principal.tenantID, datasourceID: datasource.id, status: .queued, options: options, createdAt: now)
                try await tx.insertScan(scan)
                return scan
            }
        } catch let full as QueueFull {
            return ProblemDetails.tooManyRequests(
                "this tenant already has \(full.limit) scans queued, the most it may; wait for them to start or cancel some",
                retryAfter: 30, instance: request.uri.path, requestID: context.requestID)
        }
        bell.ring()
        return try JSONBody.response(ScanResponse(scan, now: now), status: .accepted, headers: [.location: "/v1/scans/\(scan.id)"])
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try context.page(request)
        let datasource = request.uri.queryParameters.get("datasource")
        if let datasource, !UUIDv7.isWellFormed(datasource) { throw RampartError(.badRequest, "`datasource` is not an id", field: "datasource") }
        let list = try await services.store.read { tx in try await tx.scans(in: principal.tenantID, datasource: datasource, page: page) }
        let now = services.clock.now()
        return try JSONBody.response(PageResponse(list) { ScanResponse($0, now: now) })
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        guard let scan = try await services.store.read({ tx in try await tx.scan(id: id, in: principal.tenantID) }) else {
            throw RampartError.notFound("scan")
        }
        return try JSONBody.response(ScanResponse(scan, now: services.clock.now()))
    }

    @Sendable func cancel(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        let now = services.clock.now()
        let scan: ScanJob = try await services.store.write { tx in
            guard let scan = try await tx.scan(id: id, in: principal.tenantID) else { throw RampartError.notFound("scan") }
            guard !scan.status.isFinished else { throw RampartError(.conflict, "the scan has already \(scan.status.rawValue)") }
            return try await tx.requestScanCancel(id: id, in: principal.tenantID, at: now) ?? scan
        }
        return try JSONBody.response(ScanResponse(scan, now: now), status: .accepted)
    }

    @Sendable func results(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        let response: ScanResultsResponse = try await services.store.read { tx in
            guard let scan = try await tx.scan(id: id, in: principal.tenantID) else { throw RampartError.notFound("scan") }
            var columns: [ScanResultsResponse.Column] = []
            for result in try await tx.columnResults(scanID: id, in: principal.tenantID) {
                var samples: [String: [String]] = [:]
                if let sealed = result.sealedSamples {
                    let plain = try await services.keyring.decrypt(
                        sealed, tenant: principal.tenantID, purpose: ScanColumnResult.samplesPurpose(scanID: id), in: tx)
                    samples = (try? JSONDecoder().decode([String: [String]].self, from: Data(plain.exposedValue))) ?? [:]
                }
                columns.append(
                    .init(
                        table: result.table, column: result.column, classes: result.classes, confidence: result.confidence,
                        prevalence: result.prevalence, rowsScanned: result.rowsScanned, maskedSamples: samples))
            }
            return ScanResultsResponse(scanId: id, status: scan.status.rawValue, columns: columns)
        }
        return try JSONBody.response(response)
    }

    static func id(_ context: RampartRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), UUIDv7.isWellFormed(id) else { throw RampartError.notFound("scan") }
        return id
    }

    static func patterns(_ values: [String]?, field: String) throws -> [String] {
        let values = values ?? []
        guard values.count <= 100 else { throw RampartError.validation("at most 100 patterns", field: field) }
        for value in values where !(1...256).contains(value.utf8.count) || value.utf8.contains(0) {
            throw RampartError.validation("patterns must be 1-256 bytes", field: field)
        }
        return values
    }
}
