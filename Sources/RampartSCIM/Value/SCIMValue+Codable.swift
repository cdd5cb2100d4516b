// SPDX-License-Identifier: Apache-2.0

/// `Codable` support, so a ``SCIMValue`` can sit inside other Codable types.
///
/// Prefer ``SCIMJSON/parse(_:limits:)`` for request bodies: it keeps member order and bounds
/// nesting. Through `Decoder`, member order is whatever the decoder reports, so members are
/// sorted by name to stay deterministic.
extension SCIMValue: Codable {
    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: MemberName.self) {
            var members: [SCIMObject.Member] = []
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(SCIMObject.Member(key: key.stringValue, value: try keyed.decode(SCIMValue.self, forKey: key)))
            }
            self = .object(SCIMObject(exactMembers: members))
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [SCIMValue] = []
            while !unkeyed.isAtEnd { elements.append(try unkeyed.decode(SCIMValue.self)) }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? single.decode(Int.self) {
            self = .integer(i)
        } else if let d = try? single.decode(Double.self) {
            self = .decimal(d)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .integer(let i):
            var c = encoder.singleValueContainer()
            try c.encode(i)
        case .decimal(let d):
            var c = encoder.singleValueContainer()
            if d.isFinite { try c.encode(d) } else { try c.encodeNil() }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for element in a { try c.encode(element) }
        case .object(let o):
            var c = encoder.container(keyedBy: MemberName.self)
            for member in o.members { try c.encode(member.value, forKey: MemberName(stringValue: member.key)) }
        }
    }
}
