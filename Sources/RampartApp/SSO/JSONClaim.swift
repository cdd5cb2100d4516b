// SPDX-License-Identifier: Apache-2.0

/// A JSON value from an identity provider (a claim, a JWK member, a discovery field).
package enum JSONClaim: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONClaim])
    case object([String: JSONClaim])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONClaim].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONClaim].self))
        }
    }

    package var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    package var bool: Bool? {
        switch self {
        case .bool(let value): return value
        // Some providers send `"email_verified": "true"`.
        case .string(let value): return value == "true" ? true : value == "false" ? false : nil
        default: return nil
        }
    }

    /// A string, or the strings of an array (`aud` and `groups` come either way).
    package var strings: [String] {
        switch self {
        case .string(let value): return [value]
        case .array(let values): return values.compactMap(\.string)
        default: return []
        }
    }

    package subscript(_ key: String) -> JSONClaim? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
