// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// `/v1/tenants`: the operator's view of the deployment's customers.
struct TenantsController {
    let services: RampartServices

    struct CreateRequest: Decodable {
        struct Admin: Decodable {
            var username: String
            var password: Secret<String>?
            var email: String?
        }
        var slug: String
        var displayName: String
        var admin: Admin?
    }

    struct CreateResponse: Encodable {
        var tenant: TenantResponse
        var admin: UserResponse?
        /// Only when the server generated it; shown once.
        var adminPassword: String?
    }

    struct UpdateRequest: Decodable {
        var displayName: String?
        var status: Tenant.Status?
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/tenants", .operatorOnly, create)
        api.add(.get, "/v1/tenants", .operatorOnly, list)
        api.add(.get, "/v1/tenants/{id}", .operatorOnly, get)
        api.add(.patch, "/v1/tenants/{id}", .operatorOnly, update)
    }

    private var administration: TenantAdministration { TenantAdministration(services: services) }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(CreateRequest.self, from: request, limit: services.maximumBodySize)
        let created = try await administration.create(
            slug: body.slug, displayName: body.displayName,
            admin: body.admin.map { .init(username: $0.username, password: $0.password, email: $0.email) }, audit: context.audit)
        return try JSONBody.response(
            CreateResponse(
                tenant: TenantResponse(created.tenant), admin: created.admin.map(UserResponse.init),
                adminPassword: created.generatedPassword?.exposedValue),
            status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        return try JSONBody.response(PageResponse(try await administration.list(page: try context.page(request)), TenantResponse.init))
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        return try JSONBody.response(TenantResponse(try await administration.get(try context.id("id", as: TenantID.self, what: "tenant"))))
    }

    @Sendable func update(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let id = try context.id("id", as: TenantID.self, what: "tenant")
        let body = try await JSONBody.decode(UpdateRequest.self, from: request, limit: services.maximumBodySize)
        let tenant = try await administration.update(id, status: body.status, displayName: body.displayName, audit: context.audit)
        return try JSONBody.response(TenantResponse(tenant))
    }
}
