// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartConnectors
import RampartCore
import RampartStorage

/// `/v1/datasources`: where a tenant's data lives, for discovery to scan (``Datasources``).
struct DatasourcesController {
    let datasources: Datasources
    /// For the sync preflight of `test`.
    let sync: PolicySync

    func register(on api: APIRouter) {
        api.add(.post, "/v1/datasources", .tenant(.discoveryWrite), create)
        api.add(.get, "/v1/datasources", .tenant(.discoveryRead), list)
        api.add(.get, "/v1/datasources/{id}", .tenant(.discoveryRead), get)
        api.add(.patch, "/v1/datasources/{id}", .tenant(.discoveryWrite), update)
        api.add(.delete, "/v1/datasources/{id}", .tenant(.discoveryWrite), delete)
        api.add(.post, "/v1/datasources/{id}/test", .tenant(.discoveryWrite), test)
        api.add(.get, "/v1/datasources/{id}/schema", .tenant(.discoveryRead), schema)
    }

    private var bodyLimit: Int { datasources.services.maximumBodySize }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(DatasourceSettings.self, from: request, limit: bodyLimit)
        try Self.checkMaskScheme(body, current: nil, principal: principal)
        return try JSONBody.response(
            DatasourceResponse(try await datasources.create(body, in: principal.tenantID, audit: context.audit)), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let list = try await datasources.list(in: principal.tenantID, page: try context.page(request))
        return try JSONBody.response(PageResponse(list) { DatasourceResponse($0) })
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(DatasourceResponse(try await datasources.get(try Self.id(context), in: principal.tenantID)))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        let body = try await JSONBody.decode(DatasourceSettings.self, from: request, limit: bodyLimit)
        try Self.checkMaskScheme(body, current: try await datasources.get(id, in: principal.tenantID), principal: principal)
        return try JSONBody.response(DatasourceResponse(try await datasources.update(id, with: body, in: principal.tenantID, audit: context.audit)))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await datasources.delete(try Self.id(context), in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }

    /// A token scheme's key goes into the database `MASK_HASH` runs in, so only `encryption:manage`
    /// names the scheme, and only it moves a datasource that has one to another database (a
    /// tenant-admin could otherwise point it at a database of their own and read the key there).
    static func checkMaskScheme(_ body: DatasourceSettings, current: Datasource?, principal: Principal) throws {
        guard !principal.has(.encryptionManage) else { return }
        if let scheme = body.sync?.maskHashScheme, scheme != (current?.config.sync?.maskHashScheme ?? "") {
            throw RampartError(.forbidden, "choosing the token scheme of MASK_HASH needs encryption:manage")
        }
        let moves = body.url != nil || body.host != nil || body.port != nil || body.database != nil
        if moves, current?.config.sync?.maskHashScheme != nil {
            throw RampartError(.forbidden, "this datasource's MASK_HASH uses a token scheme; moving it needs encryption:manage")
        }
    }

    /// A connection failure is the answer (`ok: false` with the connector's code), not an error.
    @Sendable func test(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try Self.id(context)
        do {
            let tables = try await datasources.test(id, in: principal.tenantID)
            var enforcement: [EnforcementReport.Finding]?
            var wanted = try Self.enforcementFlag(request)
            if wanted == nil { wanted = try await datasources.get(id, in: principal.tenantID).config.sync?.enabled == true }
            if wanted == true {
                enforcement = try await sync.preflight(id, in: principal.tenantID).map(EnforcementReport.Finding.init)
            }
            return try JSONBody.response(DatasourceTestResponse(ok: true, tables: tables, error: nil, enforcement: enforcement))
        } catch let error as ConnectorError {
            return try JSONBody.response(
                DatasourceTestResponse(ok: false, tables: nil, error: .init(code: error.code.rawValue, message: error.message)))
        }
    }

    /// `?enforcement=true|false`: whether `test` also runs the sync preflight (default: when
    /// the datasource's sync is enabled).
    static func enforcementFlag(_ request: Request) throws -> Bool? {
        guard let value = request.uri.queryParameters.get("enforcement") else { return nil }
        guard let flag = Bool(value) else { throw RampartError(.badRequest, "`enforcement` must be true or false", field: "enforcement") }
        return flag
    }

    @Sendable func schema(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(DatasourceSchemaResponse(tables: try await datasources.schema(try Self.id(context), in: principal.tenantID)))
    }

    static func id(_ context: RampartRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), UUIDv7.isWellFormed(id) else { throw RampartError.notFound("datasource") }
        return id
    }
}
