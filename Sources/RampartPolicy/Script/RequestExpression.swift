// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A policy text with `${{expression}}` parts (Ranger's `RangerRequestExprResolver`), such as
/// the resource value `/home/${{USER._name}}` or the row filter `dept = '${{USER.dept}}'`: each
/// part is a ``ConditionScript`` expression evaluated for the request and replaced by its value.
///
/// Parsed once when the policy is loaded; ``expand(_:quoting:)`` runs per request.
struct RequestExpression: Sendable {
    private enum Part: Sendable {
        case text(String)
        case expression(ConditionScript)
    }

    private let parts: [Part]

    static let opening = "${{"
    static let closing = "}}"

    /// The parts of `text`, or `nil` when it has no `${{…}}` or one that does not parse (the
    /// caller reports the feature as unsupported).
    init?(_ text: String) {
        guard text.contains(Self.opening) else { return nil }
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: Self.opening) {
            guard let close = rest.range(of: Self.closing, range: open.upperBound..<rest.endIndex) else { return nil }
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let script = ConditionScript(String(rest[open.upperBound..<close.lowerBound])) else { return nil }
            parts.append(.expression(script))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The text with every expression replaced by its value for `input`. An expression without a
    /// value (an attribute the user does not have) becomes `missing`, or makes the whole result
    /// `nil` when `missing` is `nil`, so that a policy value naming it matches nothing rather than
    /// something shorter.
    ///
    /// - Parameter quoting: applied to each value, e.g. doubling `'` for SQL text, so that an
    ///   attribute cannot end the string literal it is placed in.
    func expand(_ input: ScriptInput, missing: String? = nil, quoting: (String) -> String = { $0 }) -> String? {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text):
                out += text
            case .expression(let script):
                guard let value = script.value(input) ?? missing else { return nil }
                out += quoting(value)
            }
        }
        return out
    }

    /// SQL quoting: a value placed inside `'…'` stays inside it.
    static func sqlQuoted(_ value: String) -> String { value.replacingOccurrences(of: "'", with: "''") }
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
