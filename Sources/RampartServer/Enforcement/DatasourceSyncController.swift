// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// `/v1/datasources/{id}/sync/*`: enforcement of the tenant's policies inside a PostgreSQL
/// datasource (``PolicySync``).
struct DatasourceSyncController {
    let sync: PolicySync

    func register(on api: APIRouter) {
        api.add(.post, "/v1/datasources/{id}/sync/plan", .tenant(.syncWrite), plan)
        api.add(.post, "/v1/datasources/{id}/sync/apply", .tenant(.syncWrite), apply)
        api.add(.get, "/v1/datasources/{id}/sync", .tenant(.discoveryRead), status)
        api.add(.post, "/v1/datasources/{id}/sync/mask-key/rotate", .tenant(.syncWrite), rotateMaskKey)
    }

    /// The datasource's masking key replaced (``PolicySync/rotateMaskKey(_:in:by:)``); the
    /// database gets it at the next apply.
    @Sendable func rotateMaskKey(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let rotated = try await sync.rotateMaskKey(try DatasourcesController.id(context), in: principal.tenantID, by: AuditActor(principal))
        return try JSONBody.response(MaskKeyRotationResponse(datasource: rotated.datasource.id, keyFingerprint: rotated.fingerprint))
    }

    @Sendable func status(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let (datasource, state) = try await sync.status(try DatasourcesController.id(context), in: principal.tenantID)
        return try JSONBody.response(DatasourceSyncResponse(settings: datasource.config.sync ?? DatasourceSyncSettings(), state: state))
    }

    @Sendable func plan(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let result = try await sync.plan(try DatasourcesController.id(context), in: principal.tenantID)
        return try JSONBody.response(EnforcementReport(result))
    }

    @Sendable func apply(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let result = try await sync.apply(try DatasourcesController.id(context), in: principal.tenantID, by: AuditActor(principal))
        return try JSONBody.response(EnforcementReport(result))
    }
}
