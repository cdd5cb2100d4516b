// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Prometheus
import RampartApp
import RampartCore
import RampartStorage

/// Health, readiness, metrics, the role catalogue and the API description.
struct SystemController {
    let services: RampartServices
    var exporter: SyslogExporter? = nil
    /// For the schema check: a server whose database lacks a migration it needs (swapped or
    /// restored underneath it) is not ready.
    var database: (any Database)? = nil
    var drain: ServerDrain? = nil

    struct Status: Encodable {
        var status: String
    }

    func register(on api: APIRouter) {
        api.add(.get, "/healthz", .anonymous, health)
        api.add(.get, "/readyz", .anonymous, readiness)
        api.add(.get, "/metrics", .anonymous, metrics)
        api.add(.get, "/openapi.json", .anonymous, openAPI)
        api.add(.get, "/v1/roles", .authenticated, roles)
    }

    @Sendable func health(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try JSONBody.response(Status(status: "ok"))
    }

    @Sendable func readiness(_ request: Request, context: RampartRequestContext) async throws -> Response {
        if drain?.isDraining == true { throw RampartError(.unavailable, "the server is stopping (draining)") }
        do {
            try await services.store.ping()
        } catch {
            throw RampartError(.unavailable, "the database is not reachable")
        }
        if let database {
            let missing: [String]
            do {
                missing = try await Migrator(database: database).missing()
            } catch {
                throw RampartError(.unavailable, "the database is not reachable")
            }
            guard missing.isEmpty else {
                throw RampartError(.unavailable, "the database schema lacks \(missing.count) migration(s); run rampart migrate")
            }
        }
        // A lagging audit export does not stop serving: the records are safe in the database.
        if let exporter, exporter.isLagging { return try JSONBody.response(Status(status: "degraded")) }
        return try JSONBody.response(Status(status: "ready"))
    }

    @Sendable func metrics(_ request: Request, context: RampartRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.emitToBuffer())))
    }

    @Sendable func openAPI(_ request: Request, context: RampartRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.data())))
    }

    @Sendable func roles(_ request: Request, context: RampartRequestContext) async throws -> Response {
        try JSONBody.response(
            BuiltinRole.allCases.map { RoleResponse(name: $0.rawValue, permissions: $0.permissions.map(\.rawValue).sorted()) })
    }
}

/// The hand-kept OpenAPI 3.1 description, shipped as a resource and checked against the routes by
/// the test suite.
package enum OpenAPIDocument {
    package static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw RampartError(.internalError, "openapi.json resource is missing")
        }
        return try Data(contentsOf: url)
    }
}
