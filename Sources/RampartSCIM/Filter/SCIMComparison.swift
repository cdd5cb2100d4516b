// SPDX-License-Identifier: Apache-2.0

/// How SCIM compares two attribute values, shared by filters and sorting
/// (RFC 7644 §3.4.2.2, §3.4.2.3).
///
/// Strings compare case-insensitively unless the attribute is `caseExact`; `dateTime` values
/// compare as instants; numbers numerically; booleans only for equality. Values of different
/// kinds never match.
package enum SCIMComparison {
    /// Whether `value op literal` holds for an attribute defined by `definition` (`nil` for an
    /// attribute the schema does not define: compared as its JSON type, ignoring case).
    package static func matches(_ value: SCIMValue, _ op: SCIMFilterOperator, _ literal: SCIMValue, definition: SCIMAttribute?) -> Bool {
        let type = definition?.type
        let caseExact = definition?.caseExact ?? false
        switch (value, literal) {
        case (.bool(let a), _):
            guard let b = booleanLiteral(literal) else { return false }
            switch op {
            case .eq: return a == b
            case .ne: return a != b
            default: return false
            }
        case (.string(let a), .string(let b)):
            if type == .dateTime, let da = SCIMDateTime.parse(a), let db = SCIMDateTime.parse(b) {
                return ordered(da, db, op) ?? false
            }
            let x = caseExact ? a : a.lowercased()
            let y = caseExact ? b : b.lowercased()
            switch op {
            case .co: return x.contains(y)
            case .sw: return x.hasPrefix(y)
            case .ew: return x.hasSuffix(y)
            default: return ordered(x, y, op) ?? false
            }
        case (.string(let a), _) where type == .boolean:
            // A boolean stored as text by an earlier, laxer write: compare it as the boolean it spells.
            guard let bv = booleanLiteral(.string(a)) else { return false }
            return matches(.bool(bv), op, literal, definition: definition)
        case (.integer, _), (.decimal, _):
            guard let a = value.doubleValue, let b = literal.doubleValue else { return false }
            return ordered(a, b, op) ?? false
        default:
            return false
        }
    }

    /// Orders two values of one attribute for sorting: `nil` when they cannot be ordered.
    package static func order(_ a: SCIMValue, _ b: SCIMValue, definition: SCIMAttribute?) -> Ordering? {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if definition?.type == .dateTime, let dx = SCIMDateTime.parse(x), let dy = SCIMDateTime.parse(y) {
                return compare3(dx, dy)
            }
            if definition?.caseExact ?? false { return compare3(x, y) }
            return compare3(x.lowercased(), y.lowercased())
        case (.bool(let x), .bool(let y)):
            return compare3(x ? 1 : 0, y ? 1 : 0)
        default:
            if let x = a.doubleValue, let y = b.doubleValue { return compare3(x, y) }
            return nil
        }
    }

    /// A three-way comparison result.
    package enum Ordering: Sendable { case less, equal, greater }

    private static func compare3<T: Comparable>(_ a: T, _ b: T) -> Ordering {
        a < b ? .less : (a == b ? .equal : .greater)
    }

    private static func ordered<T: Comparable>(_ a: T, _ b: T, _ op: SCIMFilterOperator) -> Bool? {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .gt: return a > b
        case .ge: return a >= b
        case .lt: return a < b
        case .le: return a <= b
        case .co, .sw, .ew: return nil
        }
    }

    /// The boolean a literal stands for: `true`/`false`, or the strings `"True"`/`"False"` that
    /// Entra sends (any case).
    package static func booleanLiteral(_ v: SCIMValue) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .string(let s):
            if scimNamesEqual(s, "true") { return true }
            if scimNamesEqual(s, "false") { return false }
            return nil
        default: return nil
        }
    }
}
