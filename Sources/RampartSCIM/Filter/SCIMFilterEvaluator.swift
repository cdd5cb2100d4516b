// SPDX-License-Identifier: Apache-2.0

/// Evaluates filters against resources of one resource type.
///
/// Resources are the rendered JSON (with `id` and `meta`), extension attributes under their
/// URN. Multi-valued attributes match when any value matches (RFC 7644 §3.4.2.2); `ne` is the
/// negation of `eq`, so a resource without the attribute matches `attr ne "x"`. An attribute
/// the schema does not define has no value: it matches nothing but `ne` and `not`.
package struct SCIMFilterEvaluator: Sendable {
    /// The resource type whose schema drives name resolution, `caseExact` and types.
    package let resourceType: SCIMResourceType

    /// Creates an evaluator.
    package init(resourceType: SCIMResourceType) {
        self.resourceType = resourceType
    }

    /// Checks what the grammar cannot: ordering operators are refused on boolean and binary
    /// attributes, and value paths only apply to complex attributes (RFC 7644 §3.4.2.2).
    ///
    /// - Throws: ``SCIMError`` `invalidFilter`.
    package func validate(_ filter: SCIMFilter) throws(SCIMError) {
        try validate(filter, parent: nil)
    }

    private func validate(_ filter: SCIMFilter, parent: SCIMAttribute?) throws(SCIMError) {
        switch filter {
        case .and(let fs), .or(let fs):
            for f in fs { try validate(f, parent: parent) }
        case .not(let f):
            try validate(f, parent: parent)
        case .present:
            break
        case .compare(let a, let op, _):
            let leaf = definition(of: a, parent: parent)
            if op.isOrdering, let leaf, leaf.type == .boolean || leaf.type == .binary {
                throw SCIMError(
                    .invalidFilter, "`\(op.rawValue)` cannot compare the \(leaf.type.rawValue) attribute \(SCIMError.quote(a.description))")
            }
            if let inner = a.valueFilter { try validate(inner, parent: complexDefinition(a.path)) }
        case .valuePath(let path, let inner):
            if parent == nil, case .attribute(let r)? = resourceType.resolve(path), r.subAttribute == nil, r.attribute.type != .complex {
                throw SCIMError(.invalidFilter, "\(SCIMError.quote(path.text)) is not a complex attribute and cannot take `[ ]`")
            }
            try validate(inner, parent: complexDefinition(path))
        }
    }

    /// Whether `resource` matches `filter`.
    package func matches(_ filter: SCIMFilter, resource: SCIMObject) -> Bool {
        evaluate(filter, in: resource, parent: nil)
    }

    /// Checks a filter written inside a value path's brackets, for elements of `attribute`.
    ///
    /// - Throws: ``SCIMError`` `invalidFilter`.
    package func validate(_ filter: SCIMFilter, elementOf attribute: SCIMAttribute) throws(SCIMError) {
        try validate(filter, parent: attribute)
    }

    /// Whether one element of the multi-valued complex `attribute` matches a value-path filter,
    /// such as `type eq "work"` for an element of `emails`.
    package func matches(_ filter: SCIMFilter, element: SCIMObject, of attribute: SCIMAttribute) -> Bool {
        evaluate(filter, in: element, parent: attribute)
    }

    // MARK: - Evaluation

    /// `parent` is the complex attribute whose element `object` is, inside `[ ]`; `nil` at
    /// resource level.
    private func evaluate(_ filter: SCIMFilter, in object: SCIMObject, parent: SCIMAttribute?) -> Bool {
        switch filter {
        case .and(let fs):
            for f in fs where !evaluate(f, in: object, parent: parent) { return false }
            return true
        case .or(let fs):
            for f in fs where evaluate(f, in: object, parent: parent) { return true }
            return false
        case .not(let f):
            return !evaluate(f, in: object, parent: parent)
        case .present(let a):
            return values(of: a, in: object, parent: parent).values.contains { isPresent($0) }
        case .compare(let a, let op, let literal):
            let (values, leaf) = values(of: a, in: object, parent: parent)
            if literal.isNull {
                let assigned = values.contains { !$0.isUnassigned }
                switch op {
                case .eq: return !assigned
                case .ne: return assigned
                default: return false
                }
            }
            if op == .ne {
                return !values.contains { SCIMComparison.matches($0, .eq, literal, definition: leaf) }
            }
            return values.contains { SCIMComparison.matches($0, op, literal, definition: leaf) }
        case .valuePath(let path, let inner):
            let def = complexDefinition(path)
            for element in elements(of: path, in: object, parent: parent) {
                if let o = element.objectValue, evaluate(inner, in: o, parent: def) { return true }
            }
            return false
        }
    }

    private func isPresent(_ v: SCIMValue) -> Bool {
        switch v {
        case .string(let s): return !s.isEmpty
        default: return !v.isUnassigned
        }
    }

    /// The definition of the complex attribute a value path's brackets apply to.
    private func complexDefinition(_ path: SCIMAttributePath) -> SCIMAttribute? {
        guard case .attribute(let r)? = resourceType.resolve(SCIMAttributePath(schemaURN: path.schemaURN, attribute: path.attribute)) else {
            return nil
        }
        return r.attribute
    }

    private func definition(of a: SCIMFilterAttribute, parent: SCIMAttribute?) -> SCIMAttribute? {
        if let parent { return parent.subAttribute(a.path.attribute) }
        guard case .attribute(let r)? = resourceType.resolve(a.path) else { return nil }
        return r.leaf
    }

    /// The elements of the attribute named by `path` (without its sub-attribute): the array's
    /// elements for a multi-valued attribute, the single value otherwise.
    private func elements(of path: SCIMAttributePath, in object: SCIMObject, parent: SCIMAttribute?) -> [SCIMValue] {
        let top: SCIMValue?
        if parent != nil {
            top = object.value(forAttribute: path.attribute)
        } else {
            switch resourceType.resolve(SCIMAttributePath(schemaURN: path.schemaURN, attribute: path.attribute)) {
            case .attribute(let r)?:
                let container =
                    r.extensionURN.flatMap { object.value(forAttribute: $0)?.objectValue } ?? (r.extensionURN == nil ? object : SCIMObject())
                top = container.value(forAttribute: r.attribute.name)
            default:
                top = nil
            }
        }
        guard let top else { return [] }
        if case .array(let a) = top { return a }
        return [top]
    }

    /// The values a filter attribute denotes in `object`, flattened, with the definition of the
    /// innermost attribute.
    private func values(of a: SCIMFilterAttribute, in object: SCIMObject, parent: SCIMAttribute?) -> (values: [SCIMValue], leaf: SCIMAttribute?) {
        let base = SCIMAttributePath(schemaURN: a.path.schemaURN, attribute: a.path.attribute)
        var items = elements(of: base, in: object, parent: parent)
        let topDefinition: SCIMAttribute? = parent.map { $0.subAttribute(a.path.attribute) } ?? complexDefinition(base)
        if let inner = a.valueFilter {
            items = items.filter { $0.objectValue.map { evaluate(inner, in: $0, parent: topDefinition) } ?? false }
        }
        var subName = a.path.subAttribute
        var leaf = topDefinition
        if subName == nil, let def = topDefinition, def.type == .complex, def.subAttribute("value") != nil {
            // `emails eq "x"`: a complex attribute compared without a sub-attribute compares its `value`.
            subName = "value"
        }
        if let subName {
            leaf = topDefinition?.subAttribute(subName)
            var out: [SCIMValue] = []
            for item in items {
                guard let v = item[attribute: subName] else { continue }
                if case .array(let vs) = v { out.append(contentsOf: vs) } else { out.append(v) }
            }
            return (out, leaf)
        }
        return (items, leaf)
    }
}
