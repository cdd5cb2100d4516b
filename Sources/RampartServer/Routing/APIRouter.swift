// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

/// Who may call a route.
package enum RouteAccess: Sendable, Hashable {
    /// No credentials needed (health, login, the API description).
    case anonymous
    /// Any authenticated principal, tenant user or operator.
    case authenticated
    /// The platform operator only.
    case operatorOnly
    /// A tenant principal holding this permission. Such routes only ever touch the principal's tenant.
    case tenant(Permission)
    /// The identity provider of the tenant in the URL, by that tenant's SCIM bearer token. The
    /// handler authenticates it first thing (``SCIMAuthenticator``); session and API-key
    /// credentials are never accepted there.
    case scim
}

/// One registered route; the list of these is what the OpenAPI document and the tenant-isolation
/// test are checked against, so a new route cannot be added without joining both.
package struct RouteDescriptor: Sendable, Hashable, CustomStringConvertible {
    package let method: HTTPRequest.Method
    package let path: String
    package let access: RouteAccess

    package var description: String { "\(method.rawValue) \(path)" }
    package var isTenantScoped: Bool {
        switch access {
        case .tenant, .scim: return true
        case .anonymous, .authenticated, .operatorOnly: return false
        }
    }
}

/// Registers routes on a Hummingbird router, enforcing each route's ``RouteAccess`` before its
/// handler runs (default deny: a route cannot be registered without saying who may call it).
package final class APIRouter: @unchecked Sendable {
    // Mutated only while the application is being built, on one task, before serving starts.
    package let router: Router<RampartRequestContext>
    package private(set) var routes: [RouteDescriptor] = []

    package init(router: Router<RampartRequestContext>) { self.router = router }

    package typealias Handler = @Sendable (Request, RampartRequestContext) async throws -> Response

    package func add(_ method: HTTPRequest.Method, _ path: String, _ access: RouteAccess, _ handler: @escaping Handler) {
        routes.append(RouteDescriptor(method: method, path: path, access: access))
        router.on(RouterPath(path), method: method) { request, context in
            // The one place a route's permission is checked; the handler reads the admitted
            // principal (`context.routePrincipal()`).
            var context = context
            switch access {
            case .anonymous: break
            case .authenticated: context.admittedPrincipal = try context.requirePrincipal()
            case .operatorOnly:
                _ = try context.requireOperator()
                context.admittedPrincipal = context.principal
            case .tenant(let permission): context.admittedPrincipal = try context.require(permission)
            case .scim: break
            }
            if let audit = context.audit {
                let entity = Self.entity(of: path, parameters: context.parameters)
                audit.update { facts in
                    facts.operation = "\(method.rawValue) \(path)"
                    facts.entityType = entity.type
                    facts.entityID = entity.id
                    facts.armed = true
                }
            }
            return try await handler(request, context)
        }
    }
}

extension HTTPRequest.Method {
    /// `QUERY` (draft-ietf-httpbis-safe-method-w-body).
    static let query = HTTPRequest.Method("QUERY")!
}

extension APIRouter {
    /// The methods the 405 answer is registered for: RFC 9110's, and `QUERY` (the safe method with
    /// a body being standardised). Anything else (`CONNECT`, other extension methods) stays a 404.
    static let answeredMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options, .trace, .query]

    /// For a path with `registered` methods: the methods to answer 405 for, and the `Allow`
    /// header naming the rest. `HEAD` is allowed wherever `GET` is (the router answers it).
    static func methodsNotAllowed(registered: Set<HTTPRequest.Method>) -> (missing: [HTTPRequest.Method], allow: String) {
        let allowed = registered.contains(.get) ? registered.union([.head]) : registered
        let allow = answeredMethods.filter { allowed.contains($0) }.map(\.rawValue).joined(separator: ", ")
        return (answeredMethods.filter { !allowed.contains($0) }, allow)
    }

    /// Registers, for every path that has routes, a `405 Method Not Allowed` answer with an `Allow`
    /// header for the methods it lacks (RFC 9110 §15.5.6), instead of the router's 404, which told
    /// clients the resource did not exist. `HEAD` is allowed wherever `GET` is (the router answers
    /// it from the `GET` route). Call once, after every route is added; these answers are not
    /// ``routes``, so neither the API description nor the isolation tests list them.
    package func addMethodNotAllowedAnswers() {
        // Paths that differ only in their parameters' names are one node of the router's trie.
        func shape(_ path: String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
        }
        var methodsByShape: [String: Set<HTTPRequest.Method>] = [:]
        var paths: [String] = []
        // SCIM answers its own 405s, in its own error format (`SCIMController`).
        for route in routes where !route.path.hasPrefix("/scim/") {
            if methodsByShape[shape(route.path)] == nil { paths.append(route.path) }
            methodsByShape[shape(route.path), default: []].insert(route.method)
        }
        for path in paths {
            let (missing, allow) = Self.methodsNotAllowed(registered: methodsByShape[shape(path)] ?? [])
            for method in missing {
                router.on(RouterPath(path), method: method) { request, context in
                    var response = ProblemDetails(
                        RampartError(.methodNotAllowed, "\(request.method.rawValue) is not allowed here; allowed: \(allow)"),
                        instance: request.uri.path, requestId: context.requestID
                    ).response()
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }
}

extension APIRouter {
    /// The entity a route acts on, for the audit record: the collection after `/v1/` and the
    /// route's `{id}` parameter. Handlers that create an entity name it themselves.
    static func entity(of path: String, parameters: Parameters) -> (type: String?, id: String?) {
        let segments = path.split(separator: "/")
        guard segments.count >= 2, segments[0] == "v1" else { return (nil, nil) }
        return (String(segments[1]), parameters.get("id"))
    }
}

extension RampartRequestContext {
    /// A path parameter parsed as an id; a malformed id is a 404, exactly like an unknown one.
    package func id<ID: StringIdentifier>(_ name: String, as type: ID.Type, what: String) throws -> ID {
        guard let raw = parameters.get(name) else { throw RampartError.notFound(what) }
        return try Validation.identifier(raw, as: type, what: what)
    }

    package func page(_ request: Request) throws -> PageRequest {
        let query = request.uri.queryParameters
        var limit = PageRequest.defaultLimit
        if let text = query["limit"] {
            guard let value = Int(text), value >= 1, value <= PageRequest.maximumLimit else {
                throw RampartError(.badRequest, "`limit` must be an integer from 1 to \(PageRequest.maximumLimit)", field: "limit")
            }
            limit = value
        }
        var cursor: String?
        if let text = query["cursor"] {
            guard text.count <= 64, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw RampartError(.badRequest, "`cursor` is not a valid cursor", field: "cursor")
            }
            cursor = String(text)
        }
        return PageRequest(limit: limit, after: cursor)
    }
}
