// SPDX-License-Identifier: Apache-2.0

/// An expression of a condition script.
indirect enum ScriptExpression: Sendable {
    case literal(ScriptValue)
    case name(String)
    case member(ScriptExpression, String)
    case call(ScriptExpression, [ScriptExpression])
    case not(ScriptExpression)
    case negate(ScriptExpression)
    case binary(String, ScriptExpression, ScriptExpression)
}

/// A statement of a condition script.
indirect enum ScriptStatement: Sendable {
    case variable(String, ScriptExpression)
    /// `ctx.result = …` (the one property a script may set) or `name = …` for a `var`.
    case assign(ScriptExpression, ScriptExpression)
    case expression(ScriptExpression)
    case branch(ScriptExpression, ScriptStatement, ScriptStatement?)
    case block([ScriptStatement])
    case empty
}
