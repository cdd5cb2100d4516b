// SPDX-License-Identifier: Apache-2.0

/// The definition of one SCIM attribute or sub-attribute (RFC 7643 §2.2, §7).
package struct SCIMAttribute: Sendable, Hashable {
    /// The data type of an attribute (RFC 7643 §2.3).
    package enum DataType: String, Sendable, Hashable, CaseIterable {
        /// Unicode text (§2.3.1).
        case string
        /// `true` or `false` (§2.3.2).
        case boolean
        /// A real number (§2.3.3).
        case decimal
        /// A whole number (§2.3.4).
        case integer
        /// An xsd:dateTime such as `2024-05-13T04:42:34Z` (§2.3.5).
        case dateTime
        /// Base64-encoded bytes (§2.3.6).
        case binary
        /// A URI, or a resource reference (§2.3.7).
        case reference
        /// An object of sub-attributes (§2.3.8).
        case complex
    }

    /// When an attribute may be written (RFC 7643 §7, `mutability`).
    package enum Mutability: String, Sendable, Hashable, CaseIterable {
        /// Never written by clients; values in requests are ignored.
        case readOnly
        /// Freely written.
        case readWrite
        /// Written at creation or by PUT when unset; never changed afterwards.
        case immutable
        /// Written but never returned.
        case writeOnly
    }

    /// When an attribute is returned (RFC 7643 §7, `returned`).
    package enum Returned: String, Sendable, Hashable, CaseIterable {
        /// Always, even when `excludedAttributes` names it.
        case always
        /// Never (for example `password`).
        case never
        /// Unless excluded, or unless `attributes` lists others.
        case `default`
        /// Only when `attributes` names it.
        case request
    }

    /// How an attribute's values must be unique (RFC 7643 §7, `uniqueness`).
    package enum Uniqueness: String, Sendable, Hashable, CaseIterable {
        /// Values need not be unique.
        case none
        /// Unique within the service provider (here: within the tenant).
        case server
        /// Globally unique.
        case global
    }

    /// The attribute name, in its canonical spelling.
    package var name: String
    /// The data type.
    package var type: DataType
    /// Whether the attribute holds an array of values.
    package var multiValued: Bool
    /// A human-readable description.
    package var description: String
    /// Whether a resource must have a value for it.
    package var required: Bool
    /// Whether string comparisons are case-sensitive.
    package var caseExact: Bool
    /// When clients may write it.
    package var mutability: Mutability
    /// When it is returned.
    package var returned: Returned
    /// How its values must be unique.
    package var uniqueness: Uniqueness
    /// Suggested values, such as `work` and `home` for `emails.type`.
    package var canonicalValues: [String]
    /// For `reference` attributes: what they may point to (`User`, `Group`, `external`, `uri`).
    package var referenceTypes: [String]
    /// For `complex` attributes: the sub-attributes.
    package var subAttributes: [SCIMAttribute]

    /// Creates an attribute definition; the defaults are RFC 7643 §2.2's.
    package init(
        _ name: String,
        type: DataType = .string,
        multiValued: Bool = false,
        description: String = "",
        required: Bool = false,
        caseExact: Bool = false,
        mutability: Mutability = .readWrite,
        returned: Returned = .default,
        uniqueness: Uniqueness = .none,
        canonicalValues: [String] = [],
        referenceTypes: [String] = [],
        subAttributes: [SCIMAttribute] = []
    ) {
        self.name = name
        self.type = type
        self.multiValued = multiValued
        self.description = description
        self.required = required
        self.caseExact = caseExact
        self.mutability = mutability
        self.returned = returned
        self.uniqueness = uniqueness
        self.canonicalValues = canonicalValues
        self.referenceTypes = referenceTypes
        self.subAttributes = subAttributes
    }

    /// The sub-attribute named `name`, ignoring case.
    package func subAttribute(_ name: String) -> SCIMAttribute? {
        subAttributes.first { scimNamesEqual($0.name, name) }
    }

    /// The attribute as RFC 7643 §7 renders it under `/Schemas`.
    package var rendered: SCIMValue {
        var o = SCIMObject()
        o["name"] = .string(name)
        o["type"] = .string(type.rawValue)
        o["multiValued"] = .bool(multiValued)
        o["description"] = .string(description)
        o["required"] = .bool(required)
        if !canonicalValues.isEmpty { o["canonicalValues"] = .array(canonicalValues.map { .string($0) }) }
        o["caseExact"] = .bool(caseExact)
        o["mutability"] = .string(mutability.rawValue)
        o["returned"] = .string(returned.rawValue)
        o["uniqueness"] = .string(uniqueness.rawValue)
        if !referenceTypes.isEmpty { o["referenceTypes"] = .array(referenceTypes.map { .string($0) }) }
        if type == .complex { o["subAttributes"] = .array(subAttributes.map(\.rendered)) }
        return .object(o)
    }
}
