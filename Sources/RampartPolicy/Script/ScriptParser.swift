// SPDX-License-Identifier: Apache-2.0

/// A recursive-descent parser for the condition-script subset (``ConditionScript``). Nesting is
/// bounded, so a hostile script cannot exhaust the stack; anything outside the subset is `nil`.
struct ScriptParser {
    private let tokens: [ScriptToken]
    private var position = 0
    private var depth = 0
    static let maximumDepth = 64

    init(tokens: [ScriptToken]) { self.tokens = tokens }

    mutating func program() -> [ScriptStatement]? {
        var statements: [ScriptStatement] = []
        while position < tokens.count {
            guard let statement = statement() else { return nil }
            statements.append(statement)
        }
        return statements
    }

    private var current: ScriptToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func take(_ symbol: String) -> Bool {
        guard current == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func takeName(_ name: String) -> Bool {
        guard current == .name(name) else { return false }
        position += 1
        return true
    }

    private mutating func nested<T>(_ body: (inout ScriptParser) -> T?) -> T? {
        guard depth < Self.maximumDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        return body(&self)
    }

    private mutating func statement() -> ScriptStatement? {
        nested { parser in
            if parser.take(";") { return .empty }
            if parser.take("{") {
                var body: [ScriptStatement] = []
                while !parser.take("}") {
                    guard parser.current != nil, let statement = parser.statement() else { return nil }
                    body.append(statement)
                }
                return .block(body)
            }
            if parser.takeName("if") {
                guard parser.take("("), let condition = parser.expression(), parser.take(")"), let then = parser.statement() else { return nil }
                var otherwise: ScriptStatement?
                if parser.takeName("else") {
                    guard let statement = parser.statement() else { return nil }
                    otherwise = statement
                }
                return .branch(condition, then, otherwise)
            }
            if parser.takeName("var") || parser.takeName("let") || parser.takeName("const") {
                guard case .name(let name)? = parser.current else { return nil }
                parser.position += 1
                guard parser.take("="), let value = parser.expression() else { return nil }
                _ = parser.take(";")
                return .variable(name, value)
            }
            guard let target = parser.expression() else { return nil }
            if parser.take("=") {
                guard let value = parser.expression() else { return nil }
                _ = parser.take(";")
                return .assign(target, value)
            }
            _ = parser.take(";")
            return .expression(target)
        }
    }

    private mutating func expression() -> ScriptExpression? { nested { $0.or() } }

    // Precedence, loosest first: `||`, `&&`, equality, relational, unary.
    private mutating func or() -> ScriptExpression? { leftAssociative(["||"]) { $0.and() } }
    private mutating func and() -> ScriptExpression? { leftAssociative(["&&"]) { $0.equality() } }
    private mutating func equality() -> ScriptExpression? { leftAssociative(["===", "!==", "==", "!="]) { $0.relational() } }
    private mutating func relational() -> ScriptExpression? { leftAssociative(["<=", ">=", "<", ">"]) { $0.unary() } }

    /// `operand (op operand)*` for the operators `ops` of one precedence level.
    private mutating func leftAssociative(
        _ ops: [String], _ operand: (inout ScriptParser) -> ScriptExpression?
    ) -> ScriptExpression? {
        guard var left = operand(&self) else { return nil }
        while let op = ops.first(where: { current == .symbol($0) }) {
            position += 1
            guard let right = operand(&self) else { return nil }
            left = .binary(op, left, right)
        }
        return left
    }

    private mutating func unary() -> ScriptExpression? {
        nested { parser in
            if parser.take("!") { return parser.unary().map { .not($0) } }
            if parser.take("-") { return parser.unary().map { .negate($0) } }
            return parser.postfix()
        }
    }

    private mutating func postfix() -> ScriptExpression? {
        guard var value = primary() else { return nil }
        while true {
            if take(".") {
                guard case .name(let name)? = current else { return nil }
                position += 1
                value = .member(value, name)
            } else if take("(") {
                var arguments: [ScriptExpression] = []
                if !take(")") {
                    repeat {
                        guard let argument = expression() else { return nil }
                        arguments.append(argument)
                    } while take(",")
                    guard take(")") else { return nil }
                }
                value = .call(value, arguments)
            } else {
                return value
            }
        }
    }

    private mutating func primary() -> ScriptExpression? {
        guard let token = current else { return nil }
        position += 1
        switch token {
        case .number(let n): return .literal(.number(n))
        case .string(let s): return .literal(.string(s))
        case .name("true"): return .literal(.bool(true))
        case .name("false"): return .literal(.bool(false))
        case .name("null"): return .literal(.null)
        case .name("undefined"): return .literal(.undefined)
        case .name(let name):
            // Statements' keywords are not values.
            guard !["if", "else", "var", "let", "const", "function", "while", "for", "return", "new", "this"].contains(name) else { return nil }
            return .name(name)
        case .symbol("("):
            guard let inner = expression(), take(")") else { return nil }
            return inner
        case .symbol:
            return nil
        }
    }
}
