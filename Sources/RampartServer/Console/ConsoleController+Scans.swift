// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// Scans in the console: started from a datasource's page (`discovery:write`), followed on a page
/// of their own that refreshes itself while the scan is queued or running (no script: a
/// `refresh` of the page), then showing each column's classes, confidence and masked samples;
/// cancel while it runs. Through ``Scans``, as `/v1/scans` does.
extension ConsoleController {
    struct ScanFields: ConsoleForm {
        var csrf: String?
        var sampleSize: String?
        var fullScan: String?
    }

    @Sendable func startScan(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(ScanFields.self, request, context: context, needs: .discoveryWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        do {
            var options = ScanOptions(fullScan: fields.fullScan == "on")
            if let text = fields.sampleSize, !text.isEmpty {
                // Bounded as text before it is a number; the use case bounds the number.
                guard text.utf8.count <= 7, let size = Int(text) else {
                    throw RampartError.validation("must be from 1 to \(ScanOptions.maximumSampleSize)", field: "sampleSize")
                }
                options.sampleSize = size
            }
            let scan = try await scans.enqueue(datasource: id, options: options, in: signedIn.tenant.id, audit: context.audit)
            return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/discovery/scans/\(scan.id)")
        } catch let full as Scans.QueueFull {
            var response = try await datasourcePage(
                id, signedIn, error: "This tenant already has \(full.limit) scans queued; wait for them to start or cancel some.",
                status: .tooManyRequests)
            response.headers[.retryAfter] = "30"
            return response
        } catch let error as RampartError where error.code.httpStatus == 422 {
            return try await datasourcePage(id, signedIn, error: error.message, status: .unprocessableContent)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }

    @Sendable func scanDetail(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .discoveryRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        let tenant = signedIn.tenant.id
        do {
            let (scan, columns) = try await scans.results(id, in: tenant)
            let source = try? await datasources.get(scan.datasourceID, in: tenant)
            return Self.page(ConsolePages.scan(signedIn.viewer, scan, datasource: source, columns: columns, now: services.clock.now()))
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }

    @Sendable func cancelScan(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .discoveryWrite)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        do {
            _ = try await scans.cancel(id, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where error.code == .conflict {
            // Finished in the meantime: its page says how it ended.
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/discovery/scans/\(id)")
    }
}
