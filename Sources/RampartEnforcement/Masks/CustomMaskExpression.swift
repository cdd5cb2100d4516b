// SPDX-License-Identifier: Apache-2.0

/// A `CUSTOM` mask's expression (Ranger's `valueExpr`, `{col}` standing for the column) made SQL
/// only when every token is on an allow-list.
///
/// The expression becomes part of a view that masked roles read, so it must not reach anything
/// but the one column and constants: no other column (that would show a column the role may not
/// read), no catalog, file or network function, no subquery, no second statement, no comment to
/// hide the rest of the view's text in. What it may use:
///
/// - `{col}`, string literals (`'…'`, `''` for a quote, no backslash), numbers;
/// - the functions in ``functions`` (text, number and date functions without side effects),
///   always called with parentheses;
/// - `CASE WHEN … THEN … ELSE … END`, `AND`, `OR`, `NOT`, `IS`, `NULL`, `TRUE`, `FALSE`;
/// - the operators `||`, `+`, `-`, `*`, `/`, `%`, `=`, `<>`, `!=`, `<`, `>`, `<=`, `>=`, and
///   casts `::type` to one of ``types``; parentheses, balanced.
///
/// Anything else (a bare name, `;`, `--`, `/*`, `"`, `$`, `.` outside a number, `E'…'`) refuses
/// the mask, and the planner withholds the column from the role (fail closed).
package enum CustomMaskExpression {
    /// Functions a mask may call: they read only their arguments.
    package static let functions: Set<String> = [
        "abs", "btrim", "ceil", "char_length", "coalesce", "concat", "concat_ws", "date_part", "date_trunc", "floor", "greatest",
        "initcap", "least", "left", "length", "lower", "lpad", "ltrim", "make_date", "md5", "nullif", "regexp_replace", "repeat",
        "replace", "reverse", "right", "round", "rpad", "rtrim", "split_part", "substr", "to_char", "translate", "trim", "trunc",
        "upper",
    ]
    /// Types a mask may cast to.
    package static let types: Set<String> = ["text", "varchar", "integer", "int", "bigint", "smallint", "numeric", "date", "boolean"]
    static let keywords: Set<String> = ["case", "when", "then", "else", "end", "and", "or", "not", "is", "null", "true", "false"]
    /// Longer than any mask a person writes; bounds the work of checking one.
    package static let maximumLength = 4096

    /// The expression with `{col}` replaced by `column` (an already quoted identifier), or why
    /// it is refused.
    package static func sql(_ expression: String, column: String) -> Result<String, MaskSQL.Problem> {
        func refuse(_ why: String) -> Result<String, MaskSQL.Problem> {
            .failure(MaskSQL.Problem(message: "CUSTOM mask refused: \(why)"))
        }
        guard expression.utf8.count <= maximumLength else { return refuse("longer than \(maximumLength) bytes") }
        let characters = Array(expression.unicodeScalars)
        var output = ""
        var index = 0
        var depth = 0
        var afterCast = false
        var tokens = 0
        while index < characters.count {
            let character = characters[index]
            if character.properties.isWhitespace {
                output.unicodeScalars.append(" ")
                index += 1
                continue
            }
            let castExpected = afterCast
            afterCast = false
            tokens += 1
            if castExpected && !(character.properties.isAlphabetic || character == "_") { return refuse("`::` must name a type") }
            if character == "{" {
                guard index + 4 < characters.count, String(String.UnicodeScalarView(characters[index...(index + 4)])) == "{col}" else {
                    return refuse("only `{col}` may stand in braces")
                }
                output += column
                index += 5
            } else if character == "'" {
                // A literal as PostgreSQL reads it with standard_conforming_strings; a backslash
                // is refused so a server reading escapes cannot be made to end it elsewhere.
                var end = index + 1
                var closed = false
                while end < characters.count {
                    if characters[end] == "\\" { return refuse("a backslash in a string literal") }
                    if characters[end] == "'" {
                        if end + 1 < characters.count, characters[end + 1] == "'" {
                            end += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    end += 1
                }
                guard closed else { return refuse("a string literal is not closed") }
                output.unicodeScalars.append(contentsOf: characters[index...end])
                index = end + 1
            } else if ("0"..."9").contains(character) {
                var end = index
                while end < characters.count, ("0"..."9").contains(characters[end]) || characters[end] == "." { end += 1 }
                if end < characters.count, characters[end].properties.isAlphabetic || characters[end] == "_" {
                    return refuse("a number runs into a name")
                }
                output.unicodeScalars.append(contentsOf: characters[index..<end])
                index = end
            } else if character.properties.isAlphabetic || character == "_" {
                var end = index
                while end < characters.count,
                    characters[end].properties.isAlphabetic || characters[end] == "_" || ("0"..."9").contains(characters[end])
                {
                    end += 1
                }
                let name = String(String.UnicodeScalarView(characters[index..<end])).lowercased()
                var next = end
                while next < characters.count, characters[next].properties.isWhitespace { next += 1 }
                let called = next < characters.count && characters[next] == "("
                // `E'…'`, `U&'…'` and their kind read escapes; a name touching a literal is refused.
                if end < characters.count, characters[end] == "'" { return refuse("a prefixed string literal (`\(name)'…'`)") }
                if castExpected {
                    guard types.contains(name) else {
                        return refuse("a cast to `\(name)`, which is not one of \(types.sorted().joined(separator: ", "))")
                    }
                } else if called {
                    guard functions.contains(name) else { return refuse("function `\(name)` is not on the allow-list") }
                } else if !keywords.contains(name) {
                    return refuse("`\(name)` is neither `{col}` nor an allowed function or keyword; a mask reads only its own column")
                }
                output += name
                index = end
            } else {
                let two = index + 1 < characters.count ? String(String.UnicodeScalarView(characters[index...(index + 1)])) : ""
                if ["||", "<>", "!=", "<=", ">="].contains(two) {
                    output += two
                    index += 2
                } else if two == "::" {
                    output += "::"
                    index += 2
                    afterCast = true
                } else if two == "--" || two == "/*" {
                    return refuse("a comment")
                } else if "+-*/%=<>,".unicodeScalars.contains(character) {
                    output.unicodeScalars.append(character)
                    index += 1
                } else if character == "(" {
                    depth += 1
                    output += "("
                    index += 1
                } else if character == ")" {
                    depth -= 1
                    guard depth >= 0 else { return refuse("a `)` closes nothing") }
                    output += ")"
                    index += 1
                } else {
                    return refuse("the character `\(Character(character))`")
                }
            }
        }
        if afterCast { return refuse("`::` must name a type") }
        guard depth == 0 else { return refuse("a `(` is not closed") }
        guard tokens > 0 else { return refuse("the expression is empty") }
        return .success(output)
    }
}
