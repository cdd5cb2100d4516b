// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A value of a condition script, with JavaScript's loose conversions.
enum ScriptValue: Sendable, Equatable {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A host object (`ctx`, `tagAttr`, `TAG`, `tag`) or one of its methods.
    case host(ScriptHost)

    var isTruthy: Bool {
        switch self {
        case .undefined, .null: false
        case .bool(let b): b
        case .number(let n): n != 0 && !n.isNaN
        case .string(let s): !s.isEmpty
        case .host: true
        }
    }

    /// JavaScript's `ToNumber`.
    var number: Double {
        switch self {
        case .undefined, .host: .nan
        case .null: 0
        case .bool(let b): b ? 1 : 0
        case .number(let n): n
        case .string(let s):
            Self.number(s.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// A trimmed string as a number: empty is 0, anything not numeric NaN.
    private static func number(_ trimmed: String) -> Double {
        trimmed.isEmpty ? 0 : (Double(trimmed) ?? .nan)
    }

    /// `==`: null and undefined equal each other only; otherwise strings, numbers and booleans
    /// compare as numbers unless both are strings.
    func looselyEquals(_ other: ScriptValue) -> Bool {
        switch (self, other) {
        case (.undefined, .undefined), (.null, .null), (.undefined, .null), (.null, .undefined): return true
        case (.undefined, _), (.null, _), (_, .undefined), (_, .null): return false
        case (.string(let a), .string(let b)): return a == b
        case (.host(let a), .host(let b)): return a == b
        case (.host, _), (_, .host): return false
        default: return number == other.number
        }
    }

    /// `===`: same type and value.
    func strictlyEquals(_ other: ScriptValue) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): a == b
        default: self == other
        }
    }

    /// `<` and friends: strings compare by code units when both are strings, anything else as numbers
    /// (a comparison with NaN is false).
    func compare(_ other: ScriptValue, _ holds: (Double, Double) -> Bool, strings: (String, String) -> Bool) -> Bool {
        if case .string(let a) = self, case .string(let b) = other { return strings(a, b) }
        let (a, b) = (number, other.number)
        if a.isNaN || b.isNaN { return false }
        return holds(a, b)
    }
}

/// The host objects and methods a script may name.
enum ScriptHost: Sendable, Equatable {
    case ctx
    case tagAttr
    /// `TAG` and `tag`: the current tag's attributes as properties.
    case tag
    /// `USER`: `USER._name` is the user's name, any other property one of the user's attributes.
    case user
    case method(String)
    case function(String)
}
