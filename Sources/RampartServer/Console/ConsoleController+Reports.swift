// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartCore

/// Reports in the console (`reports:read`): the data inventory and the access report through the
/// same use cases as `GET /v1/reports/…`, as HTML and as CSV downloads.
extension ConsoleController {
    /// The access report's form as typed: a tag and a period of whole UTC days.
    struct AccessReportQuery {
        var tag = ""
        var from = ""
        var to = ""
        /// The inventory is built when asked for (`inventory=1`), not on every visit: it asks one
        /// decision per active user and tagged column.
        var inventory = false

        init(_ request: Request) {
            let parameters = request.uri.queryParameters
            inventory = parameters["inventory"] == "1"
            tag = parameters["tag"].map { String($0.prefix(128)) } ?? ""
            from = parameters["from"].map { String($0.prefix(10)) } ?? ""
            to = parameters["to"].map { String($0.prefix(10)) } ?? ""
        }

        /// `tag=…&from=…&to=…`, for the CSV link.
        var query: String {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
            return [("tag", tag), ("from", from), ("to", to)].map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
                .joined(separator: "&")
        }

        /// `from` at 00:00 UTC and the day after `to` at 00:00 UTC, in microseconds.
        func period() throws -> (from: Int64, to: Int64) {
            guard let from = Timestamp.microseconds(rfc3339: from + "T00:00:00Z") else {
                throw RampartError.validation("give the first day as YYYY-MM-DD", field: "from")
            }
            guard let to = Timestamp.microseconds(rfc3339: to + "T00:00:00Z") else {
                throw RampartError.validation("give the last day as YYYY-MM-DD", field: "to")
            }
            return (from, to.addingSaturating(86_400_000_000))
        }
    }

    private var inventory: DataInventory { DataInventory(services: services, decisions: Decisions(services: services, cache: policies)) }

    @Sendable func reports(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .reportsRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let tenant = signedIn.tenant.id
        let query = AccessReportQuery(request)
        let inventory = query.inventory ? try await inventory.build(in: tenant) : nil
        var access: Result<AccessReport.Report, RampartError>?
        if !query.tag.isEmpty {
            do {
                let (from, to) = try query.period()
                access = .success(try await AccessReport(services: services).build(tag: query.tag, from: from, to: to, in: tenant))
            } catch let error as RampartError {
                access = .failure(error)
            }
        }
        return Self.page(ConsolePages.reports(signedIn.viewer, inventory: inventory, query: query, access: access))
    }

    @Sendable func inventoryCSV(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .reportsRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        return ReportsController.csv(
            InventoryReportResponse(try await inventory.build(in: signedIn.tenant.id)).csv, name: "inventory", headers: Self.securityHeaders)
    }

    @Sendable func accessCSV(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .reportsRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let query = AccessReportQuery(request)
        let (from, to) = try query.period()
        let report = try await AccessReport(services: services).build(tag: query.tag, from: from, to: to, in: signedIn.tenant.id)
        return ReportsController.csv(AccessReportResponse(report).csv, name: "access", headers: Self.securityHeaders)
    }
}
