// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A policy text with `${{expression}}` parts (Ranger's `RangerRequestExprResolver`), such as
/// the resource value `/home/${{USER._name}}` or the row filter `dept = '${{USER.dept}}'`: each
/// part is a ``ConditionScript`` expression evaluated for the request and replaced by its value.
///
/// Parsed once when the policy is loaded; ``expand(_:placing:)`` runs per request. Values come
/// from callers and directories, so each is checked for where it lands (``Placement``) and one
/// that does not fit makes the whole expansion fail: a resource value then matches nothing and a
/// row filter or mask takes its strictest form.
struct RequestExpression: Sendable {
    /// Where an expression's value lands in the text.
    enum Placement: Sendable {
        /// A resource value, matched as written: an empty value or one with a wildcard (`*`,
        /// `?`) would match more than the value names.
        case resourceValue
        /// SQL (a row filter or mask): each value is checked for its place, inside a `'…'`
        /// literal or outside one (``sqlValue(_:inLiteral:)``).
        case sql
    }

    private enum Part: Sendable {
        case text(String)
        /// An expression, and whether it stands inside a single-quoted SQL literal.
        case expression(ConditionScript, inLiteral: Bool)
    }

    private let parts: [Part]

    static let opening = "${{"
    static let closing = "}}"
    /// A byte scan before the string search: most policy values have no `$` at all, and every
    /// value of every policy is asked when a snapshot is built.
    static func mayHold(_ text: String) -> Bool { text.utf8.contains(UInt8(ascii: "$")) }

    /// Whether `text` has a `${{…}}` part that `parsed` (``init(_:)`` of `text`) could not read:
    /// the feature is then reported as unsupported.
    static func failedToParse(_ text: String?, _ parsed: RequestExpression?) -> Bool {
        guard parsed == nil, let text else { return false }
        return mayHold(text) && text.contains(opening)
    }

    /// The longest value placed; a longer one fails the expansion.
    static let maximumValueLength = 1024

    /// The parts of `text`, or `nil` when it has no `${{…}}` or one that does not parse (the
    /// caller reports the feature as unsupported).
    init?(_ text: String) {
        guard Self.mayHold(text), text.contains(Self.opening) else { return nil }
        var parts: [Part] = []
        var rest = Substring(text)
        var quotes = 0
        while let open = rest.range(of: Self.opening) {
            guard let close = rest.range(of: Self.closing, range: open.upperBound..<rest.endIndex) else { return nil }
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { parts.append(.text(String(before))) }
            // A doubled quote inside a literal counts twice, so parity still says whether the
            // expression stands inside one.
            quotes += before.filter { $0 == "'" }.count
            guard let script = ConditionScript(String(rest[open.upperBound..<close.lowerBound])) else { return nil }
            parts.append(.expression(script, inLiteral: quotes % 2 == 1))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The text with every expression replaced by its value for `input`, or `nil` when one has
    /// no value (an attribute the user does not have) or a value that does not fit its place.
    func expand(_ input: ScriptInput, placing placement: Placement) -> String? {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text):
                out += text
            case .expression(let script, let inLiteral):
                guard let value = script.value(input), value.utf8.count <= Self.maximumValueLength else { return nil }
                switch placement {
                case .resourceValue:
                    guard !value.isEmpty, !value.contains(where: { $0 == "*" || $0 == "?" }) else { return nil }
                    out += value
                case .sql:
                    guard let placed = Self.sqlValue(value, inLiteral: inLiteral) else { return nil }
                    out += placed
                }
            }
        }
        return out
    }

    /// A value for SQL text. Inside a literal: `'` doubled (standard SQL), and no backslash or
    /// control character, which some dialects (Hive, MySQL) read as escapes. Outside one: only a
    /// plain word or number (letters, digits, `_`, `.`, `-`), since anything else could be SQL.
    static func sqlValue(_ value: String, inLiteral: Bool) -> String? {
        if inLiteral {
            guard !value.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control }) else { return nil }
            return value.replacingOccurrences(of: "'", with: "''")
        }
        guard !value.isEmpty,
            value.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0) })
        else { return nil }
        return value
    }
}

extension ConditionScript {
    /// The script's value as text (`undefined`, `null` and host objects have none).
    func value(_ input: ScriptInput) -> String? {
        var interpreter = ScriptInterpreter(input: input)
        let value = interpreter.run(statements)
        guard !interpreter.failed else { return nil }
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.rounded() == n && abs(n) < 9.0e15 ? String(Int64(n)) : String(n)
        case .undefined, .null, .host: return nil
        }
    }
}
