// SPDX-License-Identifier: Apache-2.0

/// A JSON value as SCIM carries it: the body of every resource, request and response.
///
/// Integers and decimals are kept apart because SCIM has distinct `integer` and `decimal`
/// attribute types (RFC 7643 §2.3.4, §2.3.5), and an integer must come back out exactly as it
/// went in. Objects keep their members in document order (see ``SCIMObject``), so responses
/// read in the order the schema lists attributes.
package enum SCIMValue: Sendable, Hashable {
    /// JSON `null`. RFC 7643 §2.5 treats it like an unassigned attribute.
    case null
    /// JSON `true` or `false`.
    case bool(Bool)
    /// A JSON number written without a fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other JSON number.
    case decimal(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([SCIMValue])
    /// A JSON object.
    case object(SCIMObject)
}

extension SCIMValue {
    /// The string, when this is a string.
    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean, when this is a boolean.
    package var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The integer, when this is an integer (or a decimal with no fractional part).
    package var intValue: Int? {
        switch self {
        case .integer(let i): return i
        case .decimal(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }

    /// The number as a `Double`, when this is a number.
    package var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .decimal(let d): return d
        default: return nil
        }
    }

    /// The elements, when this is an array.
    package var arrayValue: [SCIMValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object, when this is an object.
    package var objectValue: SCIMObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// Whether this is `null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this value counts as unassigned under RFC 7643 §2.5: `null`, an empty array,
    /// or an object with no assigned member.
    package var isUnassigned: Bool {
        switch self {
        case .null: return true
        case .array(let a): return a.allSatisfy(\.isUnassigned)
        case .object(let o): return o.allSatisfy { $0.value.isUnassigned }
        default: return false
        }
    }

    /// Looks up an attribute of an object, ignoring case as SCIM attribute names require
    /// (RFC 7643 §2.1). `nil` when this is not an object or has no such member.
    package subscript(attribute name: String) -> SCIMValue? {
        objectValue?.value(forAttribute: name)
    }

    /// A short name for the JSON type, for error messages.
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension SCIMValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    package init(nilLiteral: ()) { self = .null }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .integer(value) }
    package init(floatLiteral value: Double) { self = .decimal(value) }
    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: SCIMValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, SCIMValue)...) {
        self = .object(SCIMObject(elements))
    }
}
