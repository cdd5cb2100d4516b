// SPDX-License-Identifier: Apache-2.0

/// A JSON value, used for free-form fields of the Ranger model (options, tag attributes, schedules).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d):
            if d.rounded() == d, abs(d) < 9.0e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The value as a string, if it is a scalar (numbers and booleans are rendered as text).
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let d):
            if d.rounded() == d, abs(d) < 9.0e15 { return String(Int64(d)) }
            return String(d)
        default: return nil
        }
    }

    /// The value as a boolean; Ranger's Gson/Jackson readers also accept `"true"`/`"false"`.
    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s):
            switch s.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        case .number(let d): return d != 0
        default: return nil
        }
    }

    /// The value as an integer (numbers and numeric strings).
    public var int64Value: Int64? {
        switch self {
        case .number(let d): return d.isFinite ? Int64(exactly: d.rounded(.towardZero)) : nil
        case .string(let s): return Int64(trimSpaces(s))
        default: return nil
        }
    }

    /// The elements of an array, or `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members of an object, or `nil`.
    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Removes leading and trailing spaces.
func trimSpaces(_ s: some StringProtocol) -> String {
    var sub = Substring(s)
    while sub.first == " " || sub.first == "\t" { sub = sub.dropFirst() }
    while sub.last == " " || sub.last == "\t" { sub = sub.dropLast() }
    return String(sub)
}
