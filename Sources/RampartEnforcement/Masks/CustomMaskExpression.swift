// SPDX-License-Identifier: Apache-2.0

/// A `CUSTOM` mask's expression (Ranger's `valueExpr`, `{col}` standing for the column) made SQL
/// only when every token is on an allow-list, and written so that nothing in it is looked up
/// through a `search_path`.
///
/// The expression becomes part of a view that masked roles read, and PostgreSQL checks it as the
/// sync role, so it must reach nothing but the one column, constants and built-in functions: no
/// other column, no catalog, file or network function, no subquery, no second statement, no
/// comment to hide the rest of the view's text in, and no function or operator a database user
/// created (a `public.upper(varchar)` would beat `pg_catalog.upper(text)` on a `varchar` column,
/// CVE-2018-1058's pattern). What it may use:
///
/// - `{col}`, string literals (`'…'`, `''` for a quote; no backslash, no control character),
///   whole and decimal numbers;
/// - the functions in ``functions``, always called with parentheses and written
///   `pg_catalog.<name>(…)` (`coalesce`, `greatest` and `least` are grammar, not functions);
///   the count of `repeat` and the length of `lpad` and `rpad` is a whole number up to
///   ``maximumRepeat``, so a read cannot be made to build gigabytes per row;
/// - `CASE WHEN … THEN … ELSE … END` (searched form only: the simple form compares with an `=`
///   found on the search path), `AND`, `OR`, `NOT`, `IS`, `NULL`, `TRUE`, `FALSE`;
/// - the operators `||`, `+`, `-`, `*`, `/`, `%`, `=`, `<>` (or `!=`), `<`, `>`, `<=`, `>=`, each
///   written `OPERATOR(pg_catalog.…)`, and never two in a row (PostgreSQL would read them as one);
/// - casts `::type` to one of ``types``, written as `pg_catalog` types; balanced parentheses.
///
/// Anything else refuses the mask, and the planner withholds the column from the role (fail closed).
package enum CustomMaskExpression {
    /// Functions a mask may call: built-ins that read only their arguments.
    package static let functions: Set<String> = [
        "abs", "btrim", "ceil", "char_length", "coalesce", "concat", "concat_ws", "date_part", "date_trunc", "floor", "greatest",
        "initcap", "least", "left", "length", "lower", "lpad", "ltrim", "make_date", "md5", "regexp_replace", "repeat", "replace",
        "reverse", "right", "round", "rpad", "rtrim", "split_part", "substr", "to_char", "translate", "trunc", "upper",
    ]
    /// Grammar that looks like a function: written as is (it cannot be qualified).
    static let grammar: Set<String> = ["coalesce", "greatest", "least"]
    /// Functions whose second argument is a count or length, bounded by ``maximumRepeat``.
    static let bounded: Set<String> = ["repeat", "lpad", "rpad"]
    /// Functions whose result can be many times longer than their input; one per expression, so
    /// bounds cannot multiply (`repeat(repeat(…, 1000), 1000)` would be a gigabyte per row).
    static let growing: Set<String> = ["repeat", "lpad", "rpad", "replace", "regexp_replace"]
    package static let maximumRepeat = 1000
    /// Types a mask may cast to, and the `pg_catalog` type each is.
    package static let types: [String: String] = [
        "text": "pg_catalog.text", "varchar": "pg_catalog.varchar", "integer": "pg_catalog.int4", "int": "pg_catalog.int4",
        "bigint": "pg_catalog.int8", "smallint": "pg_catalog.int2", "numeric": "pg_catalog.numeric", "date": "pg_catalog.date",
        "boolean": "pg_catalog.bool",
    ]
    static let keywords: Set<String> = ["case", "when", "then", "else", "end", "and", "or", "not", "is", "null", "true", "false"]
    static let operators: [String: String] = [
        "||": "||", "<>": "<>", "!=": "<>", "<=": "<=", ">=": ">=", "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "=": "=",
        "<": "<", ">": ">",
    ]
    static let operatorCharacters = Set("+-*/<>=~!@#%^&|`?".unicodeScalars)
    /// Longer than any mask a person writes; bounds the work of checking one.
    package static let maximumLength = 4096

    /// The expression with `{col}` replaced by `column` (an already quoted identifier), or why
    /// it is refused.
    package static func sql(_ expression: String, column: String) -> Result<String, MaskSQL.Problem> {
        guard expression.utf8.count <= maximumLength else { return .failure(refusal("longer than \(maximumLength) bytes")) }
        var scanner = Scanner(characters: Array(expression.unicodeScalars), column: column)
        do {
            return .success(try scanner.run())
        } catch {
            return .failure(error)
        }
    }

    static func refusal(_ why: String) -> MaskSQL.Problem { MaskSQL.Problem(message: "CUSTOM mask refused: \(why)") }

    /// One pass over the expression, writing the SQL as it goes.
    private struct Scanner {
        /// An open parenthesis: a call (of `function`) or a grouping.
        struct Frame {
            var function: String?
            var argument = 0
            /// The tokens of the current argument of a bounded function's count.
            var countTokens: [String] = []
        }

        let characters: [Unicode.Scalar]
        let column: String
        var index = 0
        var output = ""
        var frames: [Frame] = []
        var previous: Token = .start
        /// The function named last, for the frame its `(` opens.
        var lastFunction: String?
        /// The growing function already called, if any (``CustomMaskExpression/growing``).
        var grower: String?

        enum Token: Equatable {
            case start, value, function, cast, `operator`, open, close, comma
            case name(String)
        }

        init(characters: [Unicode.Scalar], column: String) {
            self.characters = characters
            self.column = column
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < characters.count ? characters[index + offset] : nil }

        static func isNameStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        /// The spaces an expression may hold between tokens (any other is refused).
        static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

        mutating func emit(_ text: String, as token: Token) {
            if !output.isEmpty, previous != .open { output += " " }
            output += text
            if !frames.isEmpty, frames[frames.count - 1].function.map(CustomMaskExpression.bounded.contains) == true,
                frames[frames.count - 1].argument == 1, token != .comma, token != .close
            {
                frames[frames.count - 1].countTokens.append(text)
            }
            previous = token
        }

        mutating func run() throws(MaskSQL.Problem) -> String {
            while let character = peek() {
                if Self.isSpace(character) {
                    index += 1
                    continue
                }
                if character.properties.generalCategory == .control || character.properties.isWhitespace {
                    throw refusal("a control or unusual space character (U+\(String(character.value, radix: 16, uppercase: true)))")
                }
                // A value straight after a value or `)`: `{col} ('x')` or `{col} 'x'` would call a
                // function, or read a literal of a type, named like the column.
                if previous == .value || previous == .close, character == "{" || character == "'" || character == "(" || Self.isDigit(character) {
                    throw refusal("two values in a row (`\(Character(character))` after a value)")
                }
                if case .name("case") = previous, !Self.isNameStart(character) {
                    throw refusal("`CASE` must be followed by `WHEN` (the simple form compares with an operator from the search path)")
                }
                if case .cast = previous {
                    try castType()
                } else if character == "{" {
                    try placeholder()
                } else if character == "'" {
                    try literal()
                } else if Self.isDigit(character) {
                    try number()
                } else if Self.isNameStart(character) {
                    try name()
                } else {
                    try punctuation(character)
                }
            }
            if case .cast = previous { throw refusal("`::` must name a type") }
            if previous == .operator { throw refusal("the expression ends in an operator") }
            if case .name(let word) = previous, word == "case" { throw refusal("`CASE` must be followed by `WHEN`") }
            guard frames.isEmpty else { throw refusal("a `(` is not closed") }
            guard previous != .start else { throw refusal("the expression is empty") }
            return output
        }

        mutating func placeholder() throws(MaskSQL.Problem) {
            guard index + 4 < characters.count, String(String.UnicodeScalarView(characters[index...(index + 4)])) == "{col}" else {
                throw refusal("only `{col}` may stand in braces")
            }
            index += 5
            // `{col}(…)` would call a function named like the column; `{col}'…'` would be a
            // literal of a type named like it.
            if let next = peek(), next == "(" || next == "'" { throw refusal("`{col}` followed by `\(Character(next))`") }
            emit(column, as: .value)
        }

        mutating func literal() throws(MaskSQL.Problem) {
            var end = index + 1
            while true {
                guard end < characters.count else { throw refusal("a string literal is not closed") }
                let c = characters[end]
                // A backslash would end the literal elsewhere on a server reading escapes.
                if c == "\\" { throw refusal("a backslash in a string literal") }
                if c.properties.generalCategory == .control { throw refusal("a control character in a string literal") }
                if c == "'" {
                    if end + 1 < characters.count, characters[end + 1] == "'" {
                        end += 2
                        continue
                    }
                    break
                }
                end += 1
            }
            emit(String(String.UnicodeScalarView(characters[index...end])), as: .value)
            index = end + 1
        }

        mutating func number() throws(MaskSQL.Problem) {
            var end = index
            var dots = 0
            while end < characters.count, Self.isDigit(characters[end]) || characters[end] == "." {
                if characters[end] == "." { dots += 1 }
                end += 1
            }
            if end < characters.count, Self.isNameStart(characters[end]) { throw refusal("a number runs into a name") }
            let text = String(String.UnicodeScalarView(characters[index..<end]))
            guard dots <= 1, text.last != "." else { throw refusal("`\(text)` is not a number") }
            index = end
            emit(text, as: .value)
        }

        mutating func name() throws(MaskSQL.Problem) {
            var end = index
            while end < characters.count, Self.isNameStart(characters[end]) || Self.isDigit(characters[end]) { end += 1 }
            let word = String(String.UnicodeScalarView(characters[index..<end])).lowercased()
            // `E'…'`, `U&'…'` and their kind read escapes; a name touching a literal is refused.
            if end < characters.count, characters[end] == "'" { throw refusal("a prefixed string literal (`\(word)'…'`)") }
            if case .name(let before) = previous, before == "case", word != "when" {
                throw refusal("`CASE` must be followed by `WHEN` (the simple form compares with an operator from the search path)")
            }
            var next = end
            while next < characters.count, Self.isSpace(characters[next]) {
                next += 1
            }
            index = end
            if keywords.contains(word) {
                emit(word, as: .name(word))
            } else if next < characters.count, characters[next] == "(" {
                guard functions.contains(word) else { throw refusal("function `\(word)` is not on the allow-list") }
                if growing.contains(word) {
                    if let grower { throw refusal("`\(word)` after `\(grower)`: one of \(growing.sorted().joined(separator: ", ")) per mask") }
                    grower = word
                }
                lastFunction = word
                emit(grammar.contains(word) ? word : "pg_catalog.\(word)", as: .function)
            } else {
                throw refusal("`\(word)` is neither `{col}` nor an allowed function or keyword; a mask reads only its own column")
            }
        }

        mutating func castType() throws(MaskSQL.Problem) {
            guard let first = peek(), Self.isNameStart(first) else { throw refusal("`::` must name a type") }
            var end = index
            while end < characters.count, Self.isNameStart(characters[end]) || Self.isDigit(characters[end]) { end += 1 }
            let word = String(String.UnicodeScalarView(characters[index..<end])).lowercased()
            guard let type = types[word] else {
                throw refusal("a cast to `\(word)`, which is not one of \(types.keys.sorted().joined(separator: ", "))")
            }
            index = end
            // The cast operator was written when `::` was read; the type follows it directly.
            output += type
            previous = .value
        }

        mutating func punctuation(_ character: Unicode.Scalar) throws(MaskSQL.Problem) {
            let two = peek(1).map { String(Character(character)) + String(Character($0)) } ?? ""
            if two == "--" || two == "/*" { throw refusal("a comment") }
            if two == "::" {
                guard previous == .value || previous == .close || previous == .name("null") else { throw refusal("`::` follows nothing") }
                output += "::"
                index += 2
                previous = .cast
                return
            }
            let symbol = operators[two] != nil ? two : String(Character(character))
            if let written = operators[symbol] {
                index += symbol.unicodeScalars.count
                // Two operators in a row would be read by PostgreSQL as one (`<<`, `%>`, `||/`).
                if let next = peek(), CustomMaskExpression.operatorCharacters.contains(next) {
                    throw refusal("`\(symbol)\(Character(next))`: two operators in a row")
                }
                emit("OPERATOR(pg_catalog.\(written))", as: .operator)
                return
            }
            switch character {
            case "(":
                let function: String? = previous == .function ? lastFunction : nil
                index += 1
                if !output.isEmpty, previous != .function { output += " " }
                output += "("
                frames.append(Frame(function: function))
                previous = .open
            case ")":
                guard let frame = frames.popLast() else { throw refusal("a `)` closes nothing") }
                index += 1
                output += ")"
                previous = .close
                if let function = frame.function, bounded.contains(function) { try checkCount(frame, function: function) }
            case ",":
                guard !frames.isEmpty, frames[frames.count - 1].function != nil else { throw refusal("a `,` outside a function's arguments") }
                index += 1
                let frame = frames[frames.count - 1]
                if let function = frame.function, bounded.contains(function), frame.argument == 1 { try checkCount(frame, function: function) }
                frames[frames.count - 1].argument += 1
                output += ","
                previous = .comma
            default:
                throw refusal("the character `\(Character(character))`")
            }
        }

        /// `repeat(x, n)`, `lpad(x, n …)`, `rpad(x, n …)`: `n` a whole number up to the bound.
        func checkCount(_ frame: Frame, function: String) throws(MaskSQL.Problem) {
            guard frame.argument >= 1 else { throw refusal("`\(function)` needs a count") }
            guard frame.countTokens.count == 1, let count = Int(frame.countTokens[0]), count <= maximumRepeat else {
                throw refusal("the count of `\(function)` must be a whole number up to \(maximumRepeat)")
            }
        }
    }
}
