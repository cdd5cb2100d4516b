// SPDX-License-Identifier: Apache-2.0

/// The `sortBy` / `sortOrder` parameters (RFC 7644 §3.4.2.3).
///
/// A multi-valued attribute sorts by its primary value, else its first. Complex attributes
/// without a sub-attribute sort by their `value`. Resources without a value sort last in either
/// order; ties keep the input order, so pages stay stable.
package struct SCIMSort: Sendable, Hashable {
    /// The attribute to sort by.
    package var path: SCIMAttributePath
    /// Ascending (the default) or descending.
    package var ascending: Bool

    /// Creates a sort.
    package init(path: SCIMAttributePath, ascending: Bool = true) {
        self.path = path
        self.ascending = ascending
    }

    /// Reads `sortBy` and `sortOrder`; `nil` when `sortBy` is absent or empty.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` for a malformed path or an order other than
    ///   `ascending`/`descending` (ignoring case).
    package static func parse(sortBy: String?, sortOrder: String?, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMSort? {
        guard let sortBy, !sortBy.trimmingSpaces.isEmpty else { return nil }
        guard sortBy.utf8.count <= limits.maxPathLength, let path = SCIMAttributePath.parse(sortBy.trimmingSpaces) else {
            throw SCIMError(.invalidValue, "invalid sortBy \(SCIMError.quote(sortBy))")
        }
        var ascending = true
        if let order = sortOrder?.trimmingSpaces, !order.isEmpty {
            if scimNamesEqual(String(order), "ascending") {
                ascending = true
            } else if scimNamesEqual(String(order), "descending") {
                ascending = false
            } else {
                throw SCIMError(.invalidValue, "sortOrder must be `ascending` or `descending`, not \(SCIMError.quote(order))")
            }
        }
        return SCIMSort(path: path, ascending: ascending)
    }

    /// Sorts rendered resources of `type`.
    package func sorted(_ resources: [SCIMObject], type: SCIMResourceType) -> [SCIMObject] {
        let definition: SCIMAttribute?
        if case .attribute(let r)? = type.resolve(path) { definition = r.leaf } else { definition = nil }
        let keyed = resources.enumerated().map { (index: $0.offset, key: sortKey($0.element, type: type), resource: $0.element) }
        let ordered = keyed.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, nil): return a.index < b.index
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                switch SCIMComparison.order(x, y, definition: definition) {
                case .less?: return ascending
                case .greater?: return !ascending
                default: return a.index < b.index
                }
            }
        }
        return ordered.map(\.resource)
    }

    private func sortKey(_ resource: SCIMObject, type: SCIMResourceType) -> SCIMValue? {
        guard case .attribute(let r)? = type.resolve(path) else { return nil }
        let container = r.extensionURN == nil ? resource : (r.extensionURN.flatMap { resource.value(forAttribute: $0)?.objectValue } ?? SCIMObject())
        guard var value = container.value(forAttribute: r.attribute.name) else { return nil }
        if case .array(let elements) = value {
            guard let chosen = elements.first(where: { $0[attribute: "primary"]?.boolValue == true }) ?? elements.first else { return nil }
            value = chosen
        }
        if let sub = r.subAttribute {
            return value[attribute: sub.name]
        }
        if case .object = value { return value[attribute: "value"] }
        return value.isUnassigned ? nil : value
    }
}
