// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Runs a parsed condition script against one request. The subset has no loops and no function
/// definitions, so a run takes at most one step per syntax node.
struct ScriptInterpreter {
    let input: ScriptInput
    /// `ctx.result`.
    private(set) var result: ScriptValue = .bool(false)
    private var variables: [String: ScriptValue] = [:]
    /// Set when the script does what JavaScript would throw on (an unknown name, a property of
    /// `null`): the condition then fails, as Ranger's does when its script throws.
    private(set) var failed = false
    /// A context attribute the script asked for was missing.
    private(set) var readMissingContext = false

    init(input: ScriptInput) { self.input = input }

    /// The completion value of `statements` (the last expression statement's value), or
    /// `undefined`; `false` when the script failed.
    mutating func run(_ statements: [ScriptStatement]) -> ScriptValue {
        var completion: ScriptValue = .undefined
        for statement in statements { execute(statement, &completion) }
        if failed {
            result = .bool(false)
            return .bool(false)
        }
        return completion
    }

    private mutating func execute(_ statement: ScriptStatement, _ completion: inout ScriptValue) {
        guard !failed else { return }
        switch statement {
        case .empty:
            return
        case .variable(let name, let value):
            variables[name] = evaluate(value)
        case .assign(let target, let value):
            let assigned = evaluate(value)
            switch target {
            case .member(.name("ctx"), "result"): result = assigned
            case .name(let name) where variables[name] != nil: variables[name] = assigned
            default: failed = true
            }
            completion = assigned
        case .expression(let expression):
            completion = evaluate(expression)
        case .branch(let condition, let then, let otherwise):
            if evaluate(condition).isTruthy {
                execute(then, &completion)
            } else if let otherwise {
                execute(otherwise, &completion)
            }
        case .block(let body):
            for statement in body { execute(statement, &completion) }
        }
    }

    private mutating func evaluate(_ expression: ScriptExpression) -> ScriptValue {
        guard !failed else { return .undefined }
        switch expression {
        case .literal(let value):
            return value
        case .name(let name):
            if let value = variables[name] { return value }
            switch name {
            case "ctx": return .host(.ctx)
            case "tagAttr": return .host(.tagAttr)
            case "TAG", "tag": return .host(.tag)
            case "USER": return .host(.user)
            case "IS_IN_ROLE", "IS_IN_GROUP", "HAS_TAG": return .host(.function(name))
            default:
                failed = true
                return .undefined
            }
        case .member(let object, let name):
            return member(evaluate(object), name)
        case .call(let callee, let arguments):
            let function = evaluate(callee)
            let values = arguments.map { evaluate($0) }
            return call(function, values)
        case .not(let operand):
            return .bool(!evaluate(operand).isTruthy)
        case .negate(let operand):
            return .number(-evaluate(operand).number)
        case .binary(let op, let left, let right):
            let l = evaluate(left)
            // `&&` and `||` short-circuit and yield an operand, as in JavaScript.
            if op == "&&" { return l.isTruthy ? evaluate(right) : l }
            if op == "||" { return l.isTruthy ? l : evaluate(right) }
            let r = evaluate(right)
            switch op {
            case "==": return .bool(l.looselyEquals(r))
            case "!=": return .bool(!l.looselyEquals(r))
            case "===": return .bool(l.strictlyEquals(r))
            case "!==": return .bool(!l.strictlyEquals(r))
            case "<": return .bool(l.compare(r, <, strings: <))
            case "<=": return .bool(l.compare(r, <=, strings: <=))
            case ">": return .bool(l.compare(r, >, strings: >))
            case ">=": return .bool(l.compare(r, >=, strings: >=))
            default:
                failed = true
                return .undefined
            }
        }
    }

    private mutating func member(_ object: ScriptValue, _ name: String) -> ScriptValue {
        switch object {
        case .host(.ctx):
            switch name {
            case "result": return result
            case "getRequestContextAttribute", "isAccessedBefore", "isAccessedAfter": return .host(.method("ctx." + name))
            default: return .undefined
            }
        case .host(.tagAttr):
            return name == "get" ? .host(.method("tagAttr.get")) : .undefined
        case .host(.tag):
            return input.tag?.attributes[name].map { .string($0) } ?? .undefined
        case .host(.user):
            if name == "_name" { return .string(input.user) }
            return input.userAttributes[name].map { .string($0) } ?? .undefined
        case .undefined, .null:
            failed = true
            return .undefined
        default:
            return .undefined
        }
    }

    private mutating func call(_ function: ScriptValue, _ arguments: [ScriptValue]) -> ScriptValue {
        guard case .host(let host) = function else {
            failed = true
            return .undefined
        }
        let text: String? =
            switch arguments.first {
            case .string(let s)?: s
            case .number(let n)?: String(n)
            default: nil
            }
        switch host {
        case .method("ctx.getRequestContextAttribute"):
            guard let value = text.flatMap({ input.context[$0] }) else {
                readMissingContext = true
                return .null
            }
            return .string(value)
        case .method("ctx.isAccessedBefore"):
            guard let date = text.flatMap(tagDate) else { return .bool(false) }
            return .bool(input.accessTime < date)
        case .method("ctx.isAccessedAfter"):
            guard let date = text.flatMap(tagDate) else { return .bool(true) }
            return .bool(input.accessTime > date)
        case .method("tagAttr.get"):
            return text.flatMap { input.tag?.attributes[$0] }.map { .string($0) } ?? .null
        case .function("IS_IN_ROLE"):
            return .bool(text.map { input.roles.contains($0) } ?? false)
        case .function("IS_IN_GROUP"):
            return .bool(text.map { input.groups.contains($0) } ?? false)
        case .function("HAS_TAG"):
            return .bool(text.map { name in input.allTags.contains { $0.type == name } } ?? false)
        default:
            failed = true
            return .undefined
        }
    }

    /// The current tag's attribute `name` as a date, in the formats Ranger reads tag dates in
    /// (`yyyy/MM/dd`, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, `yyyy/MM/dd'T'HH:mm:ss.SSS'Z'`), in UTC.
    private func tagDate(_ name: String) -> Date? {
        guard let text = input.tag?.attributes[name] else { return nil }
        return ScriptDate.parse(text)
    }
}
