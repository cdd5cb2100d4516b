// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// The routes of one kind of Ranger object (`/v1/service-defs`, `/v1/services`, `/v1/policies`,
/// `/v1/policy-roles`, `/v1/zones`): Ranger JSON in, the stored document out, numeric ids in
/// paths, the version as entity tag and the tenant's policy version in a header after writes.
struct PolicyObjectsController<Kind: RangerObjectKind> {
    let objects: PolicyObjects<Kind>
    /// Holds writes for a second person when the tenant requires four eyes.
    let changes: ChangeRequests
    /// The collection's path, `/v1/zones`.
    let path: String
    let bodyLimit: Int
    /// The query parameter that narrows a list to one scope (`service` for policies).
    var scopeParameter: String? = nil

    private var writes: PolicyObjectWrites<Kind> { PolicyObjectWrites(objects: objects, changes: changes) }

    func register(on api: APIRouter) {
        api.add(.post, path, .tenant(.policiesWrite), create)
        api.add(.get, path, .tenant(.policiesRead), list)
        api.add(.get, "\(path)/{id}", .tenant(.policiesRead), get)
        api.add(.put, "\(path)/{id}", .tenant(.policiesWrite), replace)
        api.add(.delete, "\(path)/{id}", .tenant(.policiesWrite), delete)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let json = try RangerJSON.object(try await JSONBody.collect(request, limit: bodyLimit))
        switch try await writes.create(json, by: principal, audit: context.audit) {
        case .held(let held): return try ChangeRequestResponse.accepted(held)
        case .made(let written):
            return PolicyObjectHTTP.response(
                written.object, status: .created, tenantVersion: written.tenantVersion, location: "\(path)/\(written.object.id)")
        }
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let tenant = try context.routePrincipal().tenantID
        let page = try PolicyObjectHTTP.page(request, context)
        let scope = scopeParameter.flatMap { request.uri.queryParameters[Substring($0)].map(String.init) }
        return PolicyObjectHTTP.list(try await objects.list(in: tenant, scope: scope, page: page))
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let tenant = try context.routePrincipal().tenantID
        return PolicyObjectHTTP.response(try await objects.get(try context.objectID(what: Kind.noun), in: tenant))
    }

    @Sendable func replace(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.objectID(what: Kind.noun)
        let json = try RangerJSON.object(try await JSONBody.collect(request, limit: bodyLimit))
        let precondition = PolicyObjectHTTP.precondition(request)
        switch try await writes.replace(id, with: json, precondition: precondition, by: principal, audit: context.audit) {
        case .held(let held): return try ChangeRequestResponse.accepted(held)
        case .made(let written): return PolicyObjectHTTP.response(written.object, tenantVersion: written.tenantVersion)
        }
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let id = try context.objectID(what: Kind.noun)
        let precondition = PolicyObjectHTTP.precondition(request)
        switch try await writes.delete(id, precondition: precondition, by: principal, audit: context.audit) {
        case .held(let held): return try ChangeRequestResponse.accepted(held)
        case .made(let version): return PolicyObjectHTTP.deleted(tenantVersion: version)
        }
    }
}
