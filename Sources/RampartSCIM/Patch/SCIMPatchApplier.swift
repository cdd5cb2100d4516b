// SPDX-License-Identifier: Apache-2.0

/// Applies PATCH operations to a resource's stored attributes (RFC 7644 §3.5.2).
///
/// Operations apply in order to a copy; the first error abandons them all, so a PATCH is
/// atomic. Beyond the RFC, it accepts what Okta and Entra send:
///
/// - `add`/`replace` without `path` take an object whose keys may themselves be paths
///   (`name.givenName`, `urn:…:enterprise:2.0:User:employeeNumber`); read-only keys such as
///   `id` (Okta's group rename) and unknown keys are skipped rather than refused;
/// - `add` or `replace` through a filter that matches nothing creates the element from the
///   filter's `eq` terms (`phoneNumbers[type eq "mobile"].value` adds a mobile number);
/// - `remove` of a multi-valued attribute with a `value` list removes just those values
///   (Entra's `Remove members [{"value": id}]`);
/// - values are coerced as ``SCIMValueCoercion`` describes (`"False"`, bare manager ids);
/// - `null`, and `""` for a string, clear the target; an empty array clears on `replace`.
///
/// `add` merges into multi-valued attributes without duplicating values (same `value`, and
/// same `type` when both have one); a newly written `primary: true` demotes the others.
package struct SCIMPatchApplier: Sendable {
    /// The resource type whose schema drives resolution, types and mutability.
    package let resourceType: SCIMResourceType
    /// Limits on paths and filters.
    package let limits: SCIMLimits

    /// Creates an applier.
    package init(resourceType: SCIMResourceType, limits: SCIMLimits = .default) {
        self.resourceType = resourceType
        self.limits = limits
    }

    /// Applies `request` to stored attributes and returns the new attributes.
    ///
    /// - Throws: ``SCIMError`` `invalidPath` (unknown attribute or malformed path), `noTarget`
    ///   (`remove` without path, or a filter that matches nothing and cannot create),
    ///   `mutability` (read-only or immutable target), `invalidValue` (missing or mistyped
    ///   value, or a required attribute left without value), `invalidFilter`.
    package func apply(_ request: SCIMPatchRequest, to attributes: SCIMObject) throws(SCIMError) -> SCIMObject {
        var resource = attributes
        for (i, operation) in request.operations.enumerated() {
            do {
                try apply(operation, to: &resource)
            } catch {
                throw request.operations.count == 1 ? error : SCIMError(error.code, "operation \(i + 1): \(error.detail)")
            }
        }
        try resourceType.checkRequired(resource)
        return resource
    }

    /// Parses a PatchOp body and applies it.
    package func apply(body: SCIMValue, to attributes: SCIMObject) throws(SCIMError) -> SCIMObject {
        try apply(SCIMPatchRequest.parse(body, limits: limits), to: attributes)
    }

    // MARK: - Dispatch

    private func apply(_ operation: SCIMPatchRequest.Operation, to resource: inout SCIMObject) throws(SCIMError) {
        let op = operation.op
        guard let path = operation.path else {
            guard op != .remove else { throw SCIMError(.noTarget, "`remove` needs a `path`") }
            guard let value = operation.value else { throw SCIMError(.invalidValue, "`\(op.rawValue)` needs a `value`") }
            guard case .object(let object) = value else {
                throw SCIMError(.invalidValue, "`\(op.rawValue)` without `path` needs an object `value`, not a \(value.typeName)")
            }
            for member in object where !scimNamesEqual(member.key, "schemas") {
                if let ext = resourceType.extensionSchema(member.key) {
                    try applyExtension(op, ext, value: member.value, to: &resource)
                    continue
                }
                // Keys are paths too (Entra's SCIM-compliant mode); what is unknown or read-only is skipped.
                guard let attributePath = SCIMAttributePath.parse(member.key), case .attribute(let r)? = resourceType.resolve(attributePath),
                    r.attribute.mutability != .readOnly, r.subAttribute?.mutability != .readOnly
                else { continue }
                try applyAttribute(op, r, value: member.value, to: &resource)
            }
            return
        }
        if op != .remove, operation.value == nil {
            throw SCIMError(.invalidValue, "`\(op.rawValue)` of \(SCIMError.quote(path.description)) needs a `value`")
        }
        if path.valueFilter == nil, let ext = resourceType.extensionSchema(path.attribute.text) {
            try applyExtension(op, ext, value: operation.value, to: &resource)
            return
        }
        guard case .attribute(let r)? = resourceType.resolve(path.attribute) else {
            throw SCIMError(.invalidPath, "no attribute \(SCIMError.quote(path.attribute.text)) in \(resourceType.name)")
        }
        guard let filter = path.valueFilter else {
            try checkWritable(r.attribute, r.subAttribute, path)
            try applyAttribute(op, r, value: operation.value, to: &resource)
            return
        }
        guard r.attribute.type == .complex, r.attribute.multiValued else {
            throw SCIMError(.invalidPath, "\(SCIMError.quote(r.attribute.name)) is not multi-valued and complex, so it takes no `[ ]` filter")
        }
        var sub: SCIMAttribute?
        if let name = path.subAttribute {
            guard let s = r.attribute.subAttribute(name) else {
                throw SCIMError(.invalidPath, "no sub-attribute \(SCIMError.quote(name)) in \(SCIMError.quote(r.attribute.name))")
            }
            sub = s
        }
        try checkWritable(r.attribute, sub, path)
        try SCIMFilterEvaluator(resourceType: resourceType).validate(filter, elementOf: r.attribute)
        try applyFiltered(op, r, filter: filter, sub: sub, value: operation.value, to: &resource)
    }

    private func checkWritable(_ attribute: SCIMAttribute, _ sub: SCIMAttribute?, _ path: SCIMPatchPath) throws(SCIMError) {
        if attribute.mutability == .readOnly || sub?.mutability == .readOnly {
            throw SCIMError(.mutability, "\(SCIMError.quote(path.description)) is read-only")
        }
    }

    // MARK: - Storage helpers

    private func container(_ resource: SCIMObject, _ extensionURN: String?) -> SCIMObject {
        guard let extensionURN else { return resource }
        return resource.value(forAttribute: extensionURN)?.objectValue ?? SCIMObject()
    }

    private func setContainer(_ object: SCIMObject, _ extensionURN: String?, in resource: inout SCIMObject) {
        guard let extensionURN else {
            resource = object
            return
        }
        if object.isEmpty {
            resource.removeValue(forAttribute: extensionURN)
        } else {
            resource.setValue(.object(object), forAttribute: extensionURN)
        }
    }

    private func set(_ value: SCIMValue?, for attribute: SCIMAttribute, in object: inout SCIMObject) {
        if let value, !value.isUnassigned {
            object.setValue(value, forAttribute: attribute.name)
        } else {
            object.removeValue(forAttribute: attribute.name)
        }
    }

    /// Refuses to change an immutable value that is already set.
    private func checkImmutable(_ attribute: SCIMAttribute, old: SCIMValue?, new: SCIMValue?, path: String) throws(SCIMError) {
        guard attribute.mutability == .immutable, let old, !old.isUnassigned, old != new else { return }
        throw SCIMError(.mutability, "\(SCIMError.quote(path)) is immutable and already set")
    }

    /// Whether `value` asks to clear the target: `null`, or `""` for a string-like attribute.
    private func clears(_ value: SCIMValue?, _ attribute: SCIMAttribute) -> Bool {
        guard let value else { return true }
        if value.isNull { return true }
        if case .string(let s) = value, s.isEmpty, !attribute.multiValued, attribute.type != .complex { return true }
        return false
    }

    // MARK: - Whole extension

    private func applyExtension(_ op: SCIMPatchRequest.Op, _ ext: SCIMSchema, value: SCIMValue?, to resource: inout SCIMObject) throws(SCIMError) {
        if op == .remove || value?.isNull ?? true {
            resource.removeValue(forAttribute: ext.id)
            return
        }
        guard case .object(let object)? = value else {
            throw SCIMError(.invalidValue, "the extension \(SCIMError.quote(ext.id)) takes an object")
        }
        // Per attribute, with the same semantics as naming each attribute's path.
        for member in object {
            guard let attribute = ext.attribute(member.key), attribute.mutability != .readOnly else { continue }
            let r = SCIMResolvedAttribute(extensionURN: ext.id, attribute: attribute, subAttribute: nil)
            try applyAttribute(op, r, value: member.value, to: &resource)
        }
    }

    // MARK: - Attribute paths without a filter

    private func applyAttribute(
        _ op: SCIMPatchRequest.Op, _ r: SCIMResolvedAttribute, value: SCIMValue?, to resource: inout SCIMObject
    ) throws(SCIMError) {
        let a = r.attribute
        // Write-only attributes (password) are accepted and discarded: nothing is stored.
        if a.mutability == .writeOnly || r.subAttribute?.mutability == .writeOnly { return }
        var holder = container(resource, r.extensionURN)
        let current = holder.value(forAttribute: a.name)

        if let sub = r.subAttribute {
            try applySubAttribute(op, a, sub, value: value, current: current, holder: &holder, path: r.canonicalPath)
            setContainer(holder, r.extensionURN, in: &resource)
            return
        }

        if op == .remove {
            if a.multiValued, let value, !value.isUnassigned {
                let remaining = try removingValues(value, from: current?.arrayValue ?? [], a, path: r.canonicalPath)
                set(remaining.isEmpty ? nil : .array(remaining), for: a, in: &holder)
            } else {
                try checkImmutable(a, old: current, new: nil, path: r.canonicalPath)
                holder.removeValue(forAttribute: a.name)
            }
            setContainer(holder, r.extensionURN, in: &resource)
            return
        }

        guard let value else { return }
        if clears(value, a) {
            try checkImmutable(a, old: current, new: nil, path: r.canonicalPath)
            holder.removeValue(forAttribute: a.name)
            setContainer(holder, r.extensionURN, in: &resource)
            return
        }
        guard let new = try SCIMValueCoercion.coerce(value, to: a, path: r.canonicalPath) else {
            // An empty array or object: `replace` clears, `add` adds nothing.
            if op == .replace {
                try checkImmutable(a, old: current, new: nil, path: r.canonicalPath)
                holder.removeValue(forAttribute: a.name)
            }
            setContainer(holder, r.extensionURN, in: &resource)
            return
        }
        let result: SCIMValue
        if a.multiValued {
            let incoming = new.arrayValue ?? [new]
            if op == .add {
                result = .array(merging(incoming, into: current?.arrayValue ?? [], a))
            } else {
                result = new
            }
        } else if a.type == .complex, case .object(let old)? = current, case .object(let patch) = new {
            result = .object(mergingComplex(patch, into: old))
        } else {
            result = new
        }
        try checkImmutable(a, old: current, new: result, path: r.canonicalPath)
        set(result, for: a, in: &holder)
        setContainer(holder, r.extensionURN, in: &resource)
    }

    /// `name.givenName`, `manager.value`, `emails.value` (every element).
    private func applySubAttribute(
        _ op: SCIMPatchRequest.Op, _ a: SCIMAttribute, _ sub: SCIMAttribute, value: SCIMValue?, current: SCIMValue?,
        holder: inout SCIMObject, path: String
    ) throws(SCIMError) {
        let newValue: SCIMValue?
        if op == .remove || clears(value, sub) {
            newValue = nil
        } else if let value {
            newValue = try SCIMValueCoercion.coerceSingle(value, to: sub, path: path)
        } else {
            newValue = nil
        }
        if a.multiValued {
            var elements = current?.arrayValue ?? []
            if elements.isEmpty {
                // Nothing to update: an add or replace creates the element, a remove does nothing.
                if let newValue { elements = [.object(SCIMObject([(sub.name, newValue)]))] }
            } else {
                for i in elements.indices {
                    var element = elements[i].objectValue ?? SCIMObject()
                    try checkImmutable(sub, old: element.value(forAttribute: sub.name), new: newValue, path: path)
                    set(newValue, for: sub, in: &element)
                    elements[i] = .object(element)
                }
                elements.removeAll { $0.isUnassigned }
                if sub.name == "primary" { elements = SCIMValueCoercion.fixPrimary(elements, preferring: []) }
            }
            set(elements.isEmpty ? nil : .array(elements), for: a, in: &holder)
        } else {
            var object = current?.objectValue ?? SCIMObject()
            try checkImmutable(sub, old: object.value(forAttribute: sub.name), new: newValue, path: path)
            set(newValue, for: sub, in: &object)
            set(object.isEmpty ? nil : .object(object), for: a, in: &holder)
        }
    }

    // MARK: - Value paths with a filter

    private func applyFiltered(
        _ op: SCIMPatchRequest.Op, _ r: SCIMResolvedAttribute, filter: SCIMFilter, sub: SCIMAttribute?, value: SCIMValue?,
        to resource: inout SCIMObject
    ) throws(SCIMError) {
        let a = r.attribute
        let path = r.canonicalPath + "[\(filter)]" + (sub.map { "." + $0.name } ?? "")
        let evaluator = SCIMFilterEvaluator(resourceType: resourceType)
        var holder = container(resource, r.extensionURN)
        var elements = holder.value(forAttribute: a.name)?.arrayValue ?? []
        let matched = elements.indices.filter { i in
            elements[i].objectValue.map { evaluator.matches(filter, element: $0, of: a) } ?? false
        }
        var touched = Set<Int>()

        switch (op, sub) {
        case (.remove, nil):
            // Removing what is not there is not an error: IdPs retry removals.
            for i in matched.reversed() { elements.remove(at: i) }
        case (.remove, let sub?):
            for i in matched {
                var element = elements[i].objectValue ?? SCIMObject()
                try checkImmutable(sub, old: element.value(forAttribute: sub.name), new: nil, path: path)
                element.removeValue(forAttribute: sub.name)
                elements[i] = .object(element)
            }
            elements.removeAll { $0.isUnassigned }
        case (_, let sub?):
            let newValue =
                clears(value, sub) ? nil : try value.flatMap { v throws(SCIMError) in try SCIMValueCoercion.coerceSingle(v, to: sub, path: path) }
            if matched.isEmpty {
                guard let newValue else { break }
                guard var element = try elementFromFilter(filter, a) else {
                    throw SCIMError(.noTarget, "\(SCIMError.quote(path)) matches nothing")
                }
                element.setValue(newValue, forAttribute: sub.name)
                elements.append(.object(element))
                touched.insert(elements.count - 1)
            } else {
                for i in matched {
                    var element = elements[i].objectValue ?? SCIMObject()
                    try checkImmutable(sub, old: element.value(forAttribute: sub.name), new: newValue, path: path)
                    set(newValue, for: sub, in: &element)
                    elements[i] = .object(element)
                    touched.insert(i)
                }
                elements.removeAll { $0.isUnassigned }
            }
        case (_, nil):
            var incoming = value
            if case .array(let list)? = incoming, list.count == 1 { incoming = list[0] }
            guard let incoming, !incoming.isNull else {
                for i in matched.reversed() { elements.remove(at: i) }
                break
            }
            guard case .object(let patch)? = try SCIMValueCoercion.coerceSingle(incoming, to: a, path: path) else {
                throw SCIMError(.invalidValue, "\(SCIMError.quote(path)) takes an object value")
            }
            if matched.isEmpty {
                guard let base = try elementFromFilter(filter, a) else {
                    throw SCIMError(.noTarget, "\(SCIMError.quote(path)) matches nothing")
                }
                elements.append(.object(mergingComplex(patch, into: base)))
                touched.insert(elements.count - 1)
            } else {
                let identity = try elementFromFilter(filter, a) ?? SCIMObject()
                for i in matched {
                    let old = elements[i].objectValue ?? SCIMObject()
                    // `add` merges into the element; `replace` replaces it, keeping the
                    // filter's `eq` terms so the element still answers to the same filter.
                    elements[i] = .object(op == .add ? mergingComplex(patch, into: old) : mergingComplex(patch, into: identity))
                    touched.insert(i)
                }
            }
        }
        elements = SCIMValueCoercion.fixPrimary(elements, preferring: touched)
        set(elements.isEmpty ? nil : .array(elements), for: a, in: &holder)
        setContainer(holder, r.extensionURN, in: &resource)
    }

    /// The element a filter of `eq` terms joined by `and` describes, such as
    /// `{"type": "mobile"}` for `type eq "mobile"`; `nil` for any other filter.
    private func elementFromFilter(_ filter: SCIMFilter, _ a: SCIMAttribute) throws(SCIMError) -> SCIMObject? {
        switch filter {
        case .compare(let attr, .eq, let literal):
            guard attr.valueFilter == nil, attr.path.subAttribute == nil, attr.path.schemaURN == nil,
                let sub = a.subAttribute(attr.path.attribute),
                let v = try? SCIMValueCoercion.coerceSingle(literal, to: sub, path: a.name + "." + sub.name)
            else { return nil }
            return SCIMObject([(sub.name, v)])
        case .and(let operands):
            var out = SCIMObject()
            for operand in operands {
                guard let part = try elementFromFilter(operand, a) else { return nil }
                for m in part { out.setValue(m.value, forAttribute: m.key) }
            }
            return out
        default:
            return nil
        }
    }

    // MARK: - Multi-valued helpers

    /// `add` semantics: new values join, updating an element with the same identity.
    private func merging(_ incoming: [SCIMValue], into existing: [SCIMValue], _ a: SCIMAttribute) -> [SCIMValue] {
        var out = existing
        var touched = Set<Int>()
        for value in incoming {
            if let i = out.firstIndex(where: { sameElement($0, value, a) }) {
                if case .object(let old) = out[i], case .object(let new) = value {
                    out[i] = .object(mergingComplex(new, into: old))
                } else {
                    out[i] = value
                }
                touched.insert(i)
            } else {
                out.append(value)
                touched.insert(out.count - 1)
            }
        }
        return SCIMValueCoercion.fixPrimary(out, preferring: touched)
    }

    /// Two elements are the same value when they are equal, or when both have a `value` that
    /// compares equal (under the sub-attribute's `caseExact`) and no differing `type`.
    private func sameElement(_ x: SCIMValue, _ y: SCIMValue, _ a: SCIMAttribute) -> Bool {
        if x == y { return true }
        guard case .object(let ox) = x, case .object(let oy) = y,
            let vx = ox.value(forAttribute: "value"), let vy = oy.value(forAttribute: "value")
        else {
            if case .string(let sx) = x, case .string(let sy) = y, !a.caseExact { return sx.lowercased() == sy.lowercased() }
            return false
        }
        guard SCIMComparison.matches(vx, .eq, vy, definition: a.subAttribute("value")) else { return false }
        switch (ox.value(forAttribute: "type")?.stringValue, oy.value(forAttribute: "type")?.stringValue) {
        case (let tx?, let ty?): return tx.lowercased() == ty.lowercased()
        default: return true
        }
    }

    /// Sub-attributes of `patch` replace those of `base`; the others stay (RFC 7644 §3.5.2.3).
    /// When the `value` itself changes (a new manager), the old element's other
    /// sub-attributes described the old value, so they go.
    private func mergingComplex(_ patch: SCIMObject, into base: SCIMObject) -> SCIMObject {
        if let new = patch.value(forAttribute: "value"), let old = base.value(forAttribute: "value"), new != old {
            return patch
        }
        var out = base
        for m in patch { out.setValue(m.value, forAttribute: m.key) }
        return out
    }

    /// Entra's `Remove` with a `value` list: drop the elements each listed value identifies.
    private func removingValues(_ value: SCIMValue, from elements: [SCIMValue], _ a: SCIMAttribute, path: String) throws(SCIMError) -> [SCIMValue] {
        let listed = value.arrayValue ?? [value]
        var targets: [SCIMValue] = []
        for item in listed {
            if let v = try SCIMValueCoercion.coerceSingle(item, to: a, path: path) { targets.append(v) }
        }
        return elements.filter { element in
            !targets.contains { target in
                if case .object(let t) = target, let tv = t.value(forAttribute: "value"), let ev = element[attribute: "value"] {
                    return SCIMComparison.matches(ev, .eq, tv, definition: a.subAttribute("value"))
                }
                return sameElement(element, target, a)
            }
        }
    }
}

extension SCIMResourceType {
    /// Parses a PatchOp body and applies it to stored attributes; see ``SCIMPatchApplier``.
    package func patch(_ attributes: SCIMObject, with body: SCIMValue, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMObject {
        try SCIMPatchApplier(resourceType: self, limits: limits).apply(body: body, to: attributes)
    }
}
