// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartCore

/// `/v1/reports`: the data inventory and the access report, as JSON or (`?format=csv`) CSV.
struct ReportsController {
    let inventory: DataInventory
    let access: AccessReport

    func register(on api: APIRouter) {
        api.add(.get, "/v1/reports/inventory", .tenant(.reportsRead), inventoryReport)
        api.add(.get, "/v1/reports/access", .tenant(.reportsRead), accessReport)
    }

    @Sendable func inventoryReport(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let csv = try Self.wantsCSV(request)
        let dataClass = try request.uri.queryParameters["class"].map { try TaggingRules.className(String($0)) }
        let report = InventoryReportResponse(try await inventory.build(in: principal.tenantID, dataClass: dataClass))
        return csv ? Self.csv(report.csv, name: "inventory") : try JSONBody.response(report)
    }

    @Sendable func accessReport(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let parameters = request.uri.queryParameters
        let csv = try Self.wantsCSV(request)
        guard let tag = parameters["tag"].map(String.init) else { throw RampartError.validation("is required", field: "tag") }
        guard let from = try AuditController.time(parameters["from"].map(String.init), field: "from") else {
            throw RampartError.validation("is required", field: "from")
        }
        guard let to = try AuditController.time(parameters["to"].map(String.init), field: "to") else {
            throw RampartError.validation("is required", field: "to")
        }
        let report = AccessReportResponse(try await access.build(tag: tag, from: from, to: to, in: principal.tenantID))
        return csv ? Self.csv(report.csv, name: "access") : try JSONBody.response(report)
    }

    private static func wantsCSV(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters["format"].map(String.init) {
        case nil, "json": false
        case "csv": true
        default: throw RampartError.validation("must be `json` or `csv`", field: "format")
        }
    }

    /// A report as a CSV download, with `headers` besides (the console's security headers).
    static func csv(_ bytes: [UInt8], name: String, headers base: HTTPFields = [:]) -> Response {
        var headers = base
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"rampart-\(name)-report.csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
