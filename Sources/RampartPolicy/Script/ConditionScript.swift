// SPDX-License-Identifier: Apache-2.0

/// A Ranger condition script in the small JavaScript subset Rampart evaluates itself, parsed once
/// when a policy is loaded.
///
/// Ranger runs `expression` conditions in a JavaScript engine. Rampart runs no general script
/// engine: a tenant's policy must not be able to loop, allocate without bound or reach anything
/// but the request. The subset covers what Ranger's own conditions use:
///
/// - statements: `var name = expression;`, `if (expression) statement [else statement]`,
///   `{ … }`, `ctx.result = expression;` and expression statements;
/// - expressions: string, number, `true`/`false`/`null`/`undefined` literals, names, member
///   access (`TAG.level`), calls of the host methods below, `!`, unary `-`, `==`, `!=`, `===`,
///   `!==`, `<`, `<=`, `>`, `>=`, `&&`, `||` and parentheses, with JavaScript's loose equality,
///   comparison and truthiness;
/// - host names: `ctx.getRequestContextAttribute(name)`, `ctx.isAccessedBefore(attribute)`,
///   `ctx.isAccessedAfter(attribute)`, `ctx.result`, `tagAttr.get(name)`, `TAG.<attribute>`,
///   `tag.<attribute>`, `USER._name` (the user's name), `USER.<attribute>` (one of the user's
///   attributes), and the macros `IS_IN_ROLE(r)`, `IS_IN_GROUP(g)`, `HAS_TAG(t)`.
///
/// A script outside the subset does not parse (``init(_:)`` returns `nil`) and the condition is
/// reported as unsupported, as before. The script's value is its last expression statement's
/// when that is a boolean, otherwise `ctx.result` (false unless set), as in Ranger.
struct ConditionScript: Sendable {
    let statements: [ScriptStatement]

    /// The longest script parsed; longer ones are unsupported.
    static let maximumLength = 4096

    init?(_ source: String) {
        guard source.utf8.count <= Self.maximumLength, let tokens = ScriptLexer.tokens(source) else { return nil }
        var parser = ScriptParser(tokens: tokens)
        guard let statements = parser.program() else { return nil }
        self.statements = statements
    }

    /// What one run of a script found.
    struct Outcome {
        var holds: Bool
        /// The script asked for a request context attribute the request did not have.
        var readMissingContext: Bool
    }

    /// Whether the script holds for `input`.
    func evaluate(_ input: ScriptInput) -> Outcome {
        var interpreter = ScriptInterpreter(input: input)
        let value = interpreter.run(statements)
        if case .bool(let result) = value { return Outcome(holds: result, readMissingContext: interpreter.readMissingContext) }
        return Outcome(holds: interpreter.result.isTruthy, readMissingContext: interpreter.readMissingContext)
    }
}
