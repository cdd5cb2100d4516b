// SPDX-License-Identifier: Apache-2.0

/// Brings client values to the types the schema declares, accepting what real IdPs send.
///
/// Accepted beyond the letter of RFC 7643: booleans as the strings `"True"`/`"False"` (Entra),
/// integers and decimals as numeric strings, a single value where an array is expected, and a
/// bare string for a complex attribute with a `value` sub-attribute (Entra's `manager`,
/// members as ids) which becomes `{"value": …}`. Unknown and read-only sub-attributes, and
/// `null` members such as Entra's `"$ref": null`, are dropped. `null`, `[]` and `{}` mean
/// unassigned (RFC 7643 §2.5) and come back as `nil`.
package enum SCIMValueCoercion {
    /// Coerces `value` for `attribute` (whole, including multi-valuedness).
    ///
    /// - Parameter path: the attribute's path, for error messages.
    /// - Returns: the value to store, or `nil` for unassigned.
    /// - Throws: ``SCIMError`` `invalidValue` when the value cannot be read as the type.
    package static func coerce(_ value: SCIMValue, to attribute: SCIMAttribute, path: String) throws(SCIMError) -> SCIMValue? {
        if value.isNull { return nil }
        guard attribute.multiValued else { return try coerceSingle(value, to: attribute, path: path) }
        let elements: [SCIMValue]
        if case .array(let a) = value { elements = a } else { elements = [value] }
        var out: [SCIMValue] = []
        out.reserveCapacity(elements.count)
        for element in elements {
            if case .array = element {
                throw SCIMError(.invalidValue, "\(SCIMError.quote(path)) takes an array of values, not an array of arrays")
            }
            if let v = try coerceSingle(element, to: attribute, path: path) { out.append(v) }
        }
        return out.isEmpty ? nil : .array(fixPrimary(out, preferring: []))
    }

    /// Coerces one value (one element of a multi-valued attribute, or a singular value).
    package static func coerceSingle(_ value: SCIMValue, to attribute: SCIMAttribute, path: String) throws(SCIMError) -> SCIMValue? {
        func wrong() -> SCIMError {
            SCIMError(.invalidValue, "\(SCIMError.quote(path)) takes a \(attribute.type.rawValue), not a \(value.typeName)")
        }
        if value.isNull { return nil }
        switch attribute.type {
        case .string, .reference, .binary:
            guard case .string = value else { throw wrong() }
            return value
        case .dateTime:
            guard case .string(let s) = value else { throw wrong() }
            guard SCIMDateTime.parse(s) != nil else {
                throw SCIMError(
                    .invalidValue, "\(SCIMError.quote(path)) takes a dateTime such as `2024-05-13T04:42:34Z`, not \(SCIMError.quote(s, limit: 40))")
            }
            return value
        case .boolean:
            guard let b = SCIMComparison.booleanLiteral(value) else { throw wrong() }
            return .bool(b)
        case .integer:
            switch value {
            case .integer: return value
            case .decimal: if let i = value.intValue { return .integer(i) }
            case .string(let s): if let i = Int(s.trimmingSpaces) { return .integer(i) }
            default: break
            }
            throw wrong()
        case .decimal:
            switch value {
            case .integer(let i): return .decimal(Double(i))
            case .decimal: return value
            case .string(let s): if let d = Double(s.trimmingSpaces), d.isFinite { return .decimal(d) }
            default: break
            }
            throw wrong()
        case .complex:
            switch value {
            case .object(let o):
                var out = SCIMObject()
                for member in o {
                    // Unknown sub-attributes are dropped: /Schemas advertises exactly what is stored.
                    guard let sub = attribute.subAttribute(member.key), sub.mutability != .readOnly else { continue }
                    if let v = try coerceSingle(member.value, to: sub, path: path + "." + sub.name) {
                        out.setValue(v, forAttribute: sub.name)
                    }
                }
                return out.isEmpty ? nil : .object(out)
            case .string, .integer, .decimal, .bool:
                guard let sub = attribute.subAttribute("value") else { throw wrong() }
                guard let v = try coerceSingle(value, to: sub, path: path + ".value") else { return nil }
                return .object(SCIMObject([(sub.name, v)]))
            default:
                throw wrong()
            }
        }
    }

    /// Makes `primary: true` appear at most once (RFC 7643 §2.4). The winner is the last
    /// preferred element (one a PATCH just wrote) marked primary, else the first marked one;
    /// the others are set to `false`.
    package static func fixPrimary(_ elements: [SCIMValue], preferring preferred: Set<Int>) -> [SCIMValue] {
        let primaries = elements.indices.filter { elements[$0][attribute: "primary"]?.boolValue == true }
        guard primaries.count > 1 else { return elements }
        let winner = primaries.last(where: { preferred.contains($0) }) ?? primaries[0]
        var out = elements
        for i in primaries where i != winner {
            if var o = out[i].objectValue {
                o.setValue(.bool(false), forAttribute: "primary")
                out[i] = .object(o)
            }
        }
        return out
    }
}
