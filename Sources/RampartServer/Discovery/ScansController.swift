// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/scans`: discovery scan jobs. A scan is queued here and run by ``ScanService``; its
/// progress, cancellation and per-column results are read here.
struct ScansController {
    let services: RampartServices
    let scans: Scans

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
        let options = ScanOptions(
            include: try Scans.patterns(body.include, field: "include"), exclude: try Scans.patterns(body.exclude, field: "exclude"),
            sampleSize: body.sampleSize ?? ScanOptions.defaultSampleSize, fullScan: body.fullScan ?? false)
        let scan: ScanJob
        do {
            scan = try await scans.enqueue(datasource: body.datasource, options: options, in: principal.tenantID, audit: context.audit)
        } catch let full as Scans.QueueFull {
            return ProblemDetails.tooManyRequests(
                "this tenant already has \(full.limit) scans queued, the most it may; wait for them to start or cancel some",
                retryAfter: 30, instance: request.uri.path, requestID: context.requestID)
        }
        return try JSONBody.response(
            ScanResponse(scan, now: services.clock.now()), status: .accepted, headers: [.location: "/v1/scans/\(scan.id)"])
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let page = try context.page(request)
        let list = try await scans.list(in: principal.tenantID, datasource: request.uri.queryParameters.get("datasource"), page: page)
        let now = services.clock.now()
        return try JSONBody.response(PageResponse(list) { ScanResponse($0, now: now) })
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(ScanResponse(try await scans.get(try Self.id(context), in: principal.tenantID), now: services.clock.now()))
    }

    @Sendable func cancel(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let scan = try await scans.cancel(try Self.id(context), in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(ScanResponse(scan, now: services.clock.now()), status: .accepted)
    }

    @Sendable func results(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        let (scan, findings) = try await scans.results(id, in: principal.tenantID)
        let columns = findings.map { finding in
            let result = finding.result
            return ScanResultsResponse.Column(
                table: result.table, column: result.column, classes: result.classes, confidence: result.confidence, prevalence: result.prevalence,
                rowsScanned: result.rowsScanned, maskedSamples: finding.maskedSamples)
        }
        return try JSONBody.response(ScanResultsResponse(scanId: id, status: scan.status.rawValue, columns: columns))
    }

    static func id(_ context: RampartRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), UUIDv7.isWellFormed(id) else { throw RampartError.notFound("scan") }
        return id
    }
}
