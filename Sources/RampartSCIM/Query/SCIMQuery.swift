// SPDX-License-Identifier: Apache-2.0

/// A list or search request: filter, sort, page and projection (RFC 7644 §3.4.2, §3.4.3).
///
/// The engine does no I/O: the server hands ``run(on:type:)`` the rendered resources to
/// consider (all of the tenant's resources of that type, or candidates it narrowed through an
/// index using ``SCIMFilter/requiredEquality(on:)``) and gets the ListResponse back.
package struct SCIMQuery: Sendable, Hashable {
    /// The filter, if any.
    package var filter: SCIMFilter?
    /// The sort, if any. Without one, resources keep the order the server passed, which must be
    /// stable between requests (for example by creation time, then id) for paging to work.
    package var sort: SCIMSort?
    /// The page.
    package var pagination: SCIMPagination
    /// The projection.
    package var projection: SCIMProjection

    /// Creates a query.
    package init(filter: SCIMFilter? = nil, sort: SCIMSort? = nil, pagination: SCIMPagination = SCIMPagination(), projection: SCIMProjection = .none)
    {
        self.filter = filter
        self.sort = sort
        self.pagination = pagination
        self.projection = projection
    }

    /// Reads the URL query parameters of `GET /Users` and the like, already percent-decoded
    /// (with `+` read as a space: Entra encodes spaces that way). Names are matched ignoring
    /// case; unknown parameters are ignored.
    ///
    /// - Throws: ``SCIMError`` `invalidFilter` for a bad filter, `invalidValue` for a bad sort,
    ///   page or attribute list.
    package init(parameters: [String: String], limits: SCIMLimits = .default) throws(SCIMError) {
        func get(_ name: String) -> String? {
            parameters.first { scimNamesEqual($0.key, name) }?.value
        }
        try self.init(
            filter: get("filter"), sortBy: get("sortBy"), sortOrder: get("sortOrder"),
            startIndex: get("startIndex"), count: get("count"),
            attributes: get("attributes"), excludedAttributes: get("excludedAttributes"), limits: limits)
    }

    /// Reads the body of `POST …/.search` (RFC 7644 §3.4.3).
    ///
    /// - Throws: ``SCIMError`` `invalidSyntax` when the body is not a SearchRequest, plus the
    ///   errors of ``init(parameters:limits:)``.
    package init(searchRequest body: SCIMValue, limits: SCIMLimits = .default) throws(SCIMError) {
        guard case .object(let o) = body else { throw SCIMError(.invalidSyntax, "a SearchRequest must be a JSON object") }
        if let schemas = o.value(forAttribute: "schemas") {
            guard case .array(let list) = schemas, list.contains(where: { $0.stringValue.map { scimNamesEqual($0, SCIMURN.searchRequest) } ?? false })
            else {
                throw SCIMError(.invalidSyntax, "`schemas` must contain \(SCIMURN.searchRequest)")
            }
        }
        func text(_ name: String) throws(SCIMError) -> String? {
            switch o.value(forAttribute: name) {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case .integer(let i)?: return String(i)
            default: throw SCIMError(.invalidValue, "`\(name)` has the wrong type")
            }
        }
        func list(_ name: String) throws(SCIMError) -> String? {
            switch o.value(forAttribute: name) {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case .array(let a)?:
                var names: [String] = []
                for v in a {
                    guard let s = v.stringValue else { throw SCIMError(.invalidValue, "`\(name)` must list attribute names") }
                    names.append(s)
                }
                return names.joined(separator: ",")
            default: throw SCIMError(.invalidValue, "`\(name)` must list attribute names")
            }
        }
        try self.init(
            filter: try text("filter"), sortBy: try text("sortBy"), sortOrder: try text("sortOrder"),
            startIndex: try text("startIndex"), count: try text("count"),
            attributes: try list("attributes"), excludedAttributes: try list("excludedAttributes"), limits: limits)
    }

    private init(
        filter: String?, sortBy: String?, sortOrder: String?, startIndex: String?, count: String?,
        attributes: String?, excludedAttributes: String?, limits: SCIMLimits
    ) throws(SCIMError) {
        if let filter, !filter.trimmingSpaces.isEmpty {
            self.filter = try SCIMFilter.parse(filter, limits: limits)
        } else {
            self.filter = nil
        }
        self.sort = try SCIMSort.parse(sortBy: sortBy, sortOrder: sortOrder, limits: limits)
        self.pagination = try SCIMPagination(startIndex: startIndex, count: count, limits: limits)
        self.projection = try SCIMProjection(attributes: attributes, excludedAttributes: excludedAttributes, limits: limits)
    }

    /// Checks the filter against `type`'s schema before any resource is loaded, so a bad
    /// filter fails even when nothing would match.
    ///
    /// - Throws: ``SCIMError`` `invalidFilter` when the filter compares in a way the schema
    ///   forbids (such as `active gt true`).
    package func validate(for type: SCIMResourceType) throws(SCIMError) {
        if let filter { try SCIMFilterEvaluator(resourceType: type).validate(filter) }
    }

    /// Filters, sorts, pages and projects rendered resources of one type.
    ///
    /// - Throws: as ``validate(for:)``.
    package func run(on resources: [SCIMObject], type: SCIMResourceType) throws(SCIMError) -> SCIMListResponse {
        try validate(for: type)
        return try run(on: resources.map { ($0, type) })
    }

    /// Filters, sorts, pages and projects resources of several types, as a search at the
    /// service provider root (`POST /.search`) does.
    package func run(on resources: [(resource: SCIMObject, type: SCIMResourceType)]) throws(SCIMError) -> SCIMListResponse {
        var matching = resources
        if let filter {
            var evaluators: [String: SCIMFilterEvaluator] = [:]
            for (_, type) in resources where evaluators[type.name] == nil {
                let evaluator = SCIMFilterEvaluator(resourceType: type)
                try evaluator.validate(filter)
                evaluators[type.name] = evaluator
            }
            matching = resources.filter { evaluators[$0.type.name]?.matches(filter, resource: $0.resource) ?? false }
        }
        if let sort {
            // Sort each resource under its own type's definition of the attribute; with one type
            // (the usual case) this is a single sort.
            let types = Dictionary(grouping: matching.indices, by: { matching[$0].type.name })
            if types.count <= 1, let type = matching.first?.type {
                matching = sort.sorted(matching.map(\.resource), type: type).map { ($0, type) }
            } else {
                let keyed = matching.map { ($0.resource, $0.type) }
                var out: [(resource: SCIMObject, type: SCIMResourceType)] = []
                for (name, _) in types.sorted(by: { $0.key < $1.key }) {
                    let group = keyed.filter { $0.1.name == name }
                    guard let type = group.first?.1 else { continue }
                    out += sort.sorted(group.map(\.0), type: type).map { ($0, type) }
                }
                matching = out
            }
        }
        let page = pagination.page(matching).map { projection.apply(to: $0.resource, type: $0.type) }
        return SCIMListResponse(totalResults: matching.count, startIndex: pagination.startIndex, resources: page.map { .object($0) })
    }
}
