// SPDX-License-Identifier: Apache-2.0

/// A parsed SCIM filter (RFC 7644 §3.4.2.2).
///
/// `and` and `or` are n-ary, so a long chain such as `a eq 1 or b eq 2 or …` is one flat node
/// and evaluating it never recurses deeper than the parenthesised nesting the parser allowed.
package indirect enum SCIMFilter: Sendable, Hashable, CustomStringConvertible {
    /// Every operand matches.
    case and([SCIMFilter])
    /// At least one operand matches.
    case or([SCIMFilter])
    /// The operand does not match.
    case not(SCIMFilter)
    /// `attr pr`: the attribute has a non-empty value.
    case present(SCIMFilterAttribute)
    /// `attr op value`.
    case compare(SCIMFilterAttribute, SCIMFilterOperator, SCIMValue)
    /// `attr[filter]`: some element of a multi-valued complex attribute matches the inner filter.
    case valuePath(SCIMAttributePath, SCIMFilter)

    /// Parses `text`.
    ///
    /// - Throws: ``SCIMError`` `invalidFilter` for bad syntax or input over `limits`.
    package static func parse(_ text: String, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMFilter {
        var parser = try SCIMFilterParser(text, limits: limits)
        return try parser.parse()
    }

    /// The filter in RFC 7644 syntax, fully parenthesised where precedence needs it.
    package var description: String {
        switch self {
        case .and(let fs): return fs.map { $0.operandDescription(in: "and") }.joined(separator: " and ")
        case .or(let fs): return fs.map { $0.operandDescription(in: "or") }.joined(separator: " or ")
        case .not(let f): return "not (\(f))"
        case .present(let a): return "\(a) pr"
        case .compare(let a, let op, let v): return "\(a) \(op.rawValue) \(v)"
        case .valuePath(let p, let f): return "\(p)[\(f)]"
        }
    }

    private func operandDescription(in parent: String) -> String {
        switch self {
        case .or where parent == "and": return "(\(self))"
        default: return description
        }
    }

    /// The value the filter requires `attribute` (a top-level name, ignoring case) to equal,
    /// when every match must satisfy `attribute eq value`.
    ///
    /// Servers use it to look a user up by `userName` or `externalId` through an index
    /// instead of scanning, then still evaluate the whole filter on the candidates.
    package func requiredEquality(on attribute: String) -> SCIMValue? {
        switch self {
        case .compare(let a, .eq, let v):
            guard a.valueFilter == nil, a.path.subAttribute == nil,
                scimNamesEqual(a.path.attribute, attribute), !v.isNull
            else { return nil }
            return v
        case .and(let fs):
            for f in fs { if let v = f.requiredEquality(on: attribute) { return v } }
            return nil
        default:
            return nil
        }
    }
}

/// A comparison operator (RFC 7644 §3.4.2.2, table 3).
package enum SCIMFilterOperator: String, Sendable, Hashable, CaseIterable {
    /// Equal.
    case eq
    /// Not equal: the negation of `eq`, so an absent attribute matches.
    case ne
    /// Contains (strings).
    case co
    /// Starts with (strings).
    case sw
    /// Ends with (strings).
    case ew
    /// Greater than.
    case gt
    /// Greater than or equal.
    case ge
    /// Less than.
    case lt
    /// Less than or equal.
    case le

    /// Whether the operator orders values, which booleans and binaries cannot be.
    package var isOrdering: Bool { self == .gt || self == .ge || self == .lt || self == .le }
}

/// The attribute a comparison or `pr` applies to: a path, and for Entra's
/// `emails[type eq "work"].value eq "…"` form, the element filter before the sub-attribute.
package struct SCIMFilterAttribute: Sendable, Hashable, CustomStringConvertible {
    /// The attribute path; with a ``valueFilter``, its sub-attribute follows the brackets.
    package var path: SCIMAttributePath
    /// The filter on the elements of a multi-valued attribute, if any.
    package var valueFilter: SCIMFilter?

    /// Creates a filter attribute.
    package init(path: SCIMAttributePath, valueFilter: SCIMFilter? = nil) {
        self.path = path
        self.valueFilter = valueFilter
    }

    package var description: String {
        guard let valueFilter else { return path.text }
        var base = path
        let sub = base.subAttribute
        base = SCIMAttributePath(schemaURN: base.schemaURN, attribute: base.attribute)
        return "\(base)[\(valueFilter)]" + (sub.map { "." + $0 } ?? "")
    }
}
