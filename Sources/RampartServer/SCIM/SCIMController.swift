// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Logging
import RampartApp
import RampartCore
import RampartSCIM
import RampartStorage

/// `/scim/v2/{tenant}`: SCIM 2.0 (RFC 7643/7644) provisioning of the tenant's users and groups
/// by its identity provider.
///
/// The protocol itself (schemas, filters, PATCH, projection, paging) is the `RampartSCIM`
/// engine; this controller authenticates the tenant's SCIM token, maps resources onto Rampart's
/// users and groups (``SCIMDirectory``) and speaks SCIM's HTTP: `application/scim+json`
/// everywhere, SCIM error bodies (never problem documents), weak ETags and `If-Match`.
///
/// The operations are registered through ``APIRouter`` with ``RouteAccess/scim``, so they are in
/// the route list that the OpenAPI and tenant-isolation tests check. What remains of the URL space
/// under the base (other methods on those paths, unknown paths, `/Bulk`) answers with SCIM errors
/// from routes registered directly on the router: they are error answers, not operations.
struct SCIMController {
    let services: RampartServices
    let publicURL: PublicBaseURL

    static let base = "/scim/v2/{tenant}"

    /// One authenticated SCIM request, as handlers see it.
    struct Call: Sendable {
        var request: Request
        var context: RampartRequestContext
        var caller: SCIMCaller
        var provisioning: SCIMProvisioning
        var parameters: [String: String]

        var directory: SCIMDirectory { provisioning.directory }
        var baseURL: String { directory.baseURL }

        func projection() throws -> SCIMProjection {
            try SCIMProjection(attributes: parameters["attributes"], excludedAttributes: parameters["excludedAttributes"])
        }

        func path(_ name: String) -> String { SCIMRequest.pathParameter(context, name) ?? "" }

        /// Names the resource the request acts on in its audit record.
        func audit(_ type: SCIMResourceType, _ id: String) {
            context.audit?.setEntity(type == .user ? "users" : "groups", id)
        }
    }

    typealias Handler = @Sendable (Call) async throws -> SCIMReply

    func register(on api: APIRouter) {
        var methods: [String: Set<HTTPRequest.Method>] = [:]
        func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
            methods[path, default: []].insert(method)
            api.add(method, Self.base + path, .scim) { request, context in await respond(request, context, handler) }
        }

        add(.get, "/ServiceProviderConfig", serviceProviderConfig)
        add(.get, "/ResourceTypes", resourceTypes)
        add(.get, "/ResourceTypes/{id}", resourceType)
        add(.get, "/Schemas", schemas)
        add(.get, "/Schemas/{id}", schema)

        add(.post, "/.search", search)

        for type in SCIMResourceType.all {
            let collection = type.endpoint
            add(.get, collection) { try await listResources($0, type) }
            add(.post, collection + "/.search") { try await searchResources($0, type) }
            add(.post, collection) { try await createResource($0, type) }
            add(.get, collection + "/{id}") { try await getResource($0, type) }
            for method in [HTTPRequest.Method.put, .patch] {
                add(method, collection + "/{id}") { try await updateResource($0, type, replaces: method == .put) }
            }
            add(.delete, collection + "/{id}") { try await deleteResource($0, type) }
        }

        // Error answers for the rest of the URL space under the base, in SCIM's format; a 405
        // names the methods the path has in `Allow` (RFC 9110 §15.5.6).
        let all: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]
        for (path, allowed) in methods {
            let (missing, allow) = APIRouter.methodsNotAllowed(registered: allowed)
            for method in missing {
                api.router.on(RouterPath(Self.base + path), method: method) { request, context in
                    var response = await respond(request, context) { _ in
                        throw SCIMError(.methodNotAllowed, "\(method.rawValue) is not allowed on \(path)")
                    }
                    if response.status == .methodNotAllowed { response.headers[.allow] = allow }
                    return response
                }
            }
        }
        for method in all {
            api.router.on(RouterPath(Self.base + "/**"), method: method) { request, context in
                await respond(request, context) { _ in
                    let rest = context.parameters.getCatchAll().joined(separator: "/")
                    if rest == "Bulk" { throw SCIMError(.notImplemented, "bulk operations are not supported") }
                    throw SCIMError(.notFound, "no SCIM endpoint /\(rest.prefix(80))")
                }
            }
        }
    }

    @Sendable func serviceProviderConfig(_ call: Call) async throws -> SCIMReply {
        .ok(SCIMDiscovery.serviceProviderConfig(baseURL: call.baseURL))
    }

    @Sendable func resourceTypes(_ call: Call) async throws -> SCIMReply {
        .ok(SCIMDiscovery.resourceTypes(baseURL: call.baseURL))
    }

    @Sendable func resourceType(_ call: Call) async throws -> SCIMReply {
        .ok(try SCIMDiscovery.resourceType(id: call.path("id"), baseURL: call.baseURL))
    }

    @Sendable func schemas(_ call: Call) async throws -> SCIMReply {
        .ok(SCIMDiscovery.schemas(baseURL: call.baseURL))
    }

    @Sendable func schema(_ call: Call) async throws -> SCIMReply {
        .ok(try SCIMDiscovery.schema(id: call.path("id"), baseURL: call.baseURL))
    }

    /// `POST /.search` at the base: users and groups together.
    @Sendable func search(_ call: Call) async throws -> SCIMReply {
        let query = try SCIMQuery(searchRequest: try await SCIMRequest.body(call.request, limit: services.maximumBodySize))
        let directory = call.directory
        let all = try await call.provisioning.everything()
        let resources =
            all.users.map { (directory.rendered($0), SCIMResourceType.user) }
            + all.groups.map { (directory.rendered($0), SCIMResourceType.group) }
        return .ok(try query.run(on: resources.map { (resource: $0.0, type: $0.1) }).rendered)
    }

    func listResources(_ call: Call, _ type: SCIMResourceType) async throws -> SCIMReply {
        try await list(call, type, try SCIMQuery(parameters: call.parameters))
    }

    func searchResources(_ call: Call, _ type: SCIMResourceType) async throws -> SCIMReply {
        try await list(call, type, try SCIMQuery(searchRequest: try await SCIMRequest.body(call.request, limit: services.maximumBodySize)))
    }

    func createResource(_ call: Call, _ type: SCIMResourceType) async throws -> SCIMReply {
        let attributes = try type.attributesForCreate(try await SCIMRequest.body(call.request, limit: services.maximumBodySize))
        let projection = try call.projection()
        let id = UUIDv7.generate()
        call.audit(type, id)
        let resource = try await call.provisioning.create(type, id: id, attributes, audit: call.context.audit)
        return single(call, resource, projection, status: .created)
    }

    func getResource(_ call: Call, _ type: SCIMResourceType) async throws -> SCIMReply {
        let id = call.path("id")
        call.audit(type, id)
        let projection = try call.projection()
        guard let resource = try await call.provisioning.resource(type, id: id) else {
            throw SCIMError(.notFound, "no \(type.name) \(SCIMDirectory.quote(id))")
        }
        if SCIMETag.ifNoneMatchIsSatisfied(call.request.headers[.ifNoneMatch], version: resource.version) {
            return SCIMReply(status: .notModified, body: nil, headers: [.eTag: SCIMETag.weak(version: resource.version)])
        }
        return single(call, resource, projection)
    }

    /// `PUT` (`replaces`) or `PATCH` of one resource.
    func updateResource(_ call: Call, _ type: SCIMResourceType, replaces: Bool) async throws -> SCIMReply {
        let id = call.path("id")
        call.audit(type, id)
        let body = try await SCIMRequest.body(call.request, limit: services.maximumBodySize)
        let projection = try call.projection()
        let change: @Sendable (SCIMObject) throws -> SCIMObject = { existing in
            if replaces { return try type.attributesForReplace(body, existing: existing) }
            return try type.patch(existing, with: body)
        }
        let resource = try await call.provisioning.update(
            type, id: id, ifMatch: call.request.headers[.ifMatch], audit: call.context.audit, change: change)
        return single(call, resource, projection)
    }

    func deleteResource(_ call: Call, _ type: SCIMResourceType) async throws -> SCIMReply {
        let id = call.path("id")
        call.audit(type, id)
        try await call.provisioning.delete(type, id: id, ifMatch: call.request.headers[.ifMatch], audit: call.context.audit)
        return SCIMReply(status: .noContent, body: nil)
    }

    /// A list or search of one resource type. The filter is checked against the schema before
    /// anything is loaded, so a bad filter is a 400 even on an empty tenant.
    private func list(_ call: Call, _ type: SCIMResourceType, _ query: SCIMQuery) async throws -> SCIMReply {
        try query.validate(for: type)
        let resources = try await call.provisioning.resources(type, matching: query.filter)
        return .ok(try query.run(on: resources.map(call.directory.rendered), type: type).rendered)
    }

    /// One resource, projected, with its `ETag` (and `Location` when created).
    private func single(
        _ call: Call, _ resource: SCIMDirectory.Resource, _ projection: SCIMProjection, status: HTTPResponse.Status = .ok
    ) -> SCIMReply {
        var headers: HTTPFields = [.eTag: SCIMETag.weak(version: resource.version)]
        if status == .created { headers[.location] = call.directory.location(resource.type, resource.id) }
        let body = projection.apply(to: call.directory.rendered(resource), type: resource.type)
        return SCIMReply(status: status, body: .object(body), headers: headers)
    }

    /// Authenticates, runs `handler`, and turns every failure into a SCIM error answer: SCIM
    /// clients reject error bodies that are not SCIM errors, so nothing here reaches the problem
    /// middleware.
    private func respond(_ request: Request, _ context: RampartRequestContext, _ handler: Handler) async -> Response {
        do {
            let caller = try await SCIMAuthenticator(store: services.store, clock: services.clock).authenticate(
                slug: context.parameters.get("tenant"), authorization: request.headers[.authorization], audit: context.audit)
            let baseURL = publicURL.resolve(request) + "/scim/v2/" + caller.tenant.slug
            let call = Call(
                request: request, context: context, caller: caller,
                provisioning: SCIMProvisioning(
                    store: services.store, directory: SCIMDirectory(tenant: caller.tenant.id, baseURL: baseURL, clock: services.clock)),
                parameters: SCIMRequest.parameters(request))
            return try await handler(call).response
        } catch let error as SCIMError {
            return SCIMReply.error(error).response
        } catch let error as RampartError {
            if error.code.httpStatus >= 500 { context.logger.error("SCIM request failed", metadata: ["error": "\(error)"]) }
            return SCIMReply.error(error).response
        } catch {
            context.logger.error("unexpected SCIM error", metadata: ["error_type": "\(type(of: error))", "error": "\(error)"])
            return SCIMReply.error(
                SCIMError(.internalError, "an internal error occurred; quote request id \(context.requestID) when reporting it")
            ).response
        }
    }
}
