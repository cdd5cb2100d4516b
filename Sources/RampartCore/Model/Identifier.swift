// SPDX-License-Identifier: Apache-2.0

/// A stable, opaque identifier stored as text.
///
/// Ids are UUIDv7 strings, so that they sort by creation time, which keeps keyset pagination
/// ordered the way people expect without a second sort column.
package protocol StringIdentifier: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    Comparable
where RawValue == String {
    init(rawValue: String)
}

extension StringIdentifier {
    package init(_ raw: String) { self.init(rawValue: raw) }

    package var description: String { rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A new, time-ordered identifier.
    package static func generate() -> Self { Self(rawValue: UUIDv7.generate()) }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies a tenant.
package struct TenantID: StringIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    /// The scope of the platform operator, which belongs to no customer tenant.
    ///
    /// No row in `tenants` has this id, so nothing tenant-scoped can ever be found under it.
    package static let platform = TenantID(rawValue: "00000000-0000-0000-0000-000000000000")
}

/// Identifies a user within its tenant.
package struct UserID: StringIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a group within its tenant.
package struct GroupID: StringIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}

/// Identifies the platform operator account.
package struct OperatorID: StringIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a session (not the bearer token: only the token's hash is stored).
package struct SessionID: StringIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}
