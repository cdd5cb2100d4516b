// SPDX-License-Identifier: Apache-2.0

/// A recursive-descent parser for RFC 7644 §3.4.2.2 filters.
///
/// Grammar, with precedence `not` > `and` > `or`:
///
///     filter    = or EOF
///     or        = and *("or" and)
///     and       = unary *("and" unary)
///     unary     = "not" "(" or ")" / "(" or ")" / attrExp
///     attrExp   = attrPath ["[" valFilter "]" ["." subAttr]] ["pr" / compareOp compValue]
///     compValue = "false" / "null" / "true" / number / string
///
/// A value path (`emails[type eq "work"]`) stands alone as a test, or, as Entra sends it,
/// with a sub-attribute and comparison (`emails[type eq "work"].value eq "…"`). Value paths do
/// not nest. Nesting depth and the number of comparisons are bounded by ``SCIMLimits``, so
/// recursion depth is bounded whatever the input.
struct SCIMFilterParser {
    private let tokens: [SCIMFilterLexer.Token]
    private let limits: SCIMLimits
    private var index = 0
    private var depth = 0
    private var terms = 0

    init(_ text: String, limits: SCIMLimits) throws(SCIMError) {
        guard text.utf8.count <= limits.maxFilterLength else {
            throw SCIMError(.invalidFilter, "filter longer than \(limits.maxFilterLength) bytes")
        }
        self.tokens = try SCIMFilterLexer.tokens(text)
        self.limits = limits
    }

    mutating func parse() throws(SCIMError) -> SCIMFilter {
        guard peek.kind != .end else { throw SCIMError(.invalidFilter, "empty filter") }
        let filter = try parseOr(inValuePath: false)
        guard peek.kind == .end else { throw unexpected("end of filter") }
        return filter
    }

    /// Parses the inside of a value path's brackets, as in a PATCH path: sub-attribute names
    /// only, no nested value paths.
    mutating func parseValueFilter() throws(SCIMError) -> SCIMFilter {
        guard peek.kind != .end else { throw SCIMError(.invalidFilter, "empty value filter") }
        try enter()
        let filter = try parseOr(inValuePath: true)
        guard peek.kind == .end else { throw unexpected("`]`") }
        return filter
    }

    private var peek: SCIMFilterLexer.Token { tokens[index] }

    private mutating func advance() -> SCIMFilterLexer.Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private func unexpected(_ wanted: String) -> SCIMError {
        let t = peek
        let found: String
        switch t.kind {
        case .word(let w): found = SCIMError.quote(w, limit: 40)
        case .string(let s): found = "string " + SCIMError.quote(s, limit: 40)
        case .openParen: found = "`(`"
        case .closeParen: found = "`)`"
        case .openBracket: found = "`[`"
        case .closeBracket: found = "`]`"
        case .end: found = "end of filter"
        }
        return SCIMError(.invalidFilter, "expected \(wanted) at offset \(t.offset), found \(found)")
    }

    private func isKeyword(_ token: SCIMFilterLexer.Token, _ keyword: String) -> Bool {
        if case .word(let w) = token.kind { return scimNamesEqual(w, keyword) }
        return false
    }

    private mutating func enter() throws(SCIMError) {
        depth += 1
        guard depth <= limits.maxFilterDepth else {
            throw SCIMError(.invalidFilter, "filter nested deeper than \(limits.maxFilterDepth)")
        }
    }

    private mutating func parseOr(inValuePath: Bool) throws(SCIMError) -> SCIMFilter {
        var operands = [try parseAnd(inValuePath: inValuePath)]
        while isKeyword(peek, "or") {
            _ = advance()
            operands.append(try parseAnd(inValuePath: inValuePath))
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd(inValuePath: Bool) throws(SCIMError) -> SCIMFilter {
        var operands = [try parseUnary(inValuePath: inValuePath)]
        while isKeyword(peek, "and") {
            _ = advance()
            operands.append(try parseUnary(inValuePath: inValuePath))
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseUnary(inValuePath: Bool) throws(SCIMError) -> SCIMFilter {
        if isKeyword(peek, "not"), tokens[index + 1].kind == .openParen {
            _ = advance()
            return .not(try parseParenthesised(inValuePath: inValuePath))
        }
        if peek.kind == .openParen {
            return try parseParenthesised(inValuePath: inValuePath)
        }
        return try parseAttributeExpression(inValuePath: inValuePath)
    }

    private mutating func parseParenthesised(inValuePath: Bool) throws(SCIMError) -> SCIMFilter {
        try enter()
        defer { depth -= 1 }
        _ = advance()  // (
        let inner = try parseOr(inValuePath: inValuePath)
        guard peek.kind == .closeParen else { throw unexpected("`)`") }
        _ = advance()
        return inner
    }

    private mutating func parseAttributeExpression(inValuePath: Bool) throws(SCIMError) -> SCIMFilter {
        terms += 1
        guard terms <= limits.maxFilterTerms else {
            throw SCIMError(.invalidFilter, "filter has more than \(limits.maxFilterTerms) comparisons")
        }
        guard case .word(let word) = peek.kind, !isReserved(word) else { throw unexpected("an attribute path") }
        guard var path = SCIMAttributePath.parse(word) else {
            throw SCIMError(.invalidFilter, "invalid attribute path \(SCIMError.quote(word, limit: 60)) at offset \(peek.offset)")
        }
        _ = advance()
        var valueFilter: SCIMFilter?
        if peek.kind == .openBracket {
            guard !inValuePath else { throw SCIMError(.invalidFilter, "value paths cannot nest (offset \(peek.offset))") }
            guard path.subAttribute == nil else { throw unexpected("a comparison operator") }
            try enter()
            _ = advance()  // [
            let inner = try parseOr(inValuePath: true)
            guard peek.kind == .closeBracket else { throw unexpected("`]`") }
            _ = advance()
            depth -= 1
            // `.sub` right after `]`: Entra's `emails[type eq "work"].value eq "…"`.
            if case .word(let w) = peek.kind, w.hasPrefix(".") {
                let sub = w.dropFirst()
                guard SCIMAttributePath.isAttributeName(sub) else {
                    throw SCIMError(.invalidFilter, "invalid sub-attribute \(SCIMError.quote(w, limit: 40)) at offset \(peek.offset)")
                }
                _ = advance()
                path = SCIMAttributePath(schemaURN: path.schemaURN, attribute: path.attribute, subAttribute: String(sub))
                valueFilter = inner
            } else {
                return .valuePath(path, inner)
            }
        }
        if inValuePath, path.schemaURN != nil || path.subAttribute != nil {
            throw SCIMError(.invalidFilter, "inside `[ ]` only sub-attribute names are allowed, found \(SCIMError.quote(path.text, limit: 60))")
        }
        let attribute = SCIMFilterAttribute(path: path, valueFilter: valueFilter)
        guard case .word(let opWord) = peek.kind else { throw unexpected("a comparison operator or `pr`") }
        if scimNamesEqual(opWord, "pr") {
            _ = advance()
            return .present(attribute)
        }
        guard let op = SCIMFilterOperator.allCases.first(where: { scimNamesEqual($0.rawValue, opWord) }) else {
            throw unexpected("a comparison operator or `pr`")
        }
        _ = advance()
        return .compare(attribute, op, try parseComparisonValue())
    }

    private mutating func parseComparisonValue() throws(SCIMError) -> SCIMValue {
        switch peek.kind {
        case .string(let s):
            _ = advance()
            return .string(s)
        case .word(let w):
            let value: SCIMValue
            if scimNamesEqual(w, "true") {
                value = .bool(true)
            } else if scimNamesEqual(w, "false") {
                value = .bool(false)
            } else if scimNamesEqual(w, "null") {
                value = .null
            } else if let first = w.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57),
                case let number? = try? SCIMJSON.parse(w), number.doubleValue != nil
            {
                value = number
            } else {
                throw unexpected("a value (string, number, true, false or null)")
            }
            _ = advance()
            return value
        default:
            throw unexpected("a value (string, number, true, false or null)")
        }
    }

    private func isReserved(_ word: String) -> Bool {
        scimNamesEqual(word, "and") || scimNamesEqual(word, "or")
    }
}
