// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartEnforcement

/// A `CUSTOM` mask becomes SQL only when every token is on the allow-list: the column, constants,
/// built-in functions and operators written with `pg_catalog` (so none a database user created is
/// found through the search path); never another column, a catalog or file function, a second
/// statement, a comment, or a count that would build gigabytes per row.
@Suite struct CustomMaskExpressionTests {
    static let column = "\"card\""

    @Test(arguments: [
        ("concat('****', right({col}, 4))", #"pg_catalog.concat('****', pg_catalog.right("card", 4))"#),
        (
            "CASE WHEN {col} IS NULL THEN 'none' ELSE md5({col}::text) END",
            #"case when "card" is null then 'none' else pg_catalog.md5("card"::pg_catalog.text) end"#
        ),
        ("left({col},2)||'''s'", #"pg_catalog.left("card", 2) OPERATOR(pg_catalog.||) '''s'"#),
        ("round({col} * 0.01, 2)", #"pg_catalog.round("card" OPERATOR(pg_catalog.*) 0.01, 2)"#),
        ("date_trunc('month', {col})", #"pg_catalog.date_trunc('month', "card")"#),
        ("'redacted'", "'redacted'"),
        ("coalesce({col}, 'x')", #"coalesce("card", 'x')"#),
        ("NOT ({col} IS NULL) AND {col} != ''", #"not ("card" is null) and "card" OPERATOR(pg_catalog.<>) ''"#),
        ("lpad(right({col}, 2), 10, '*')", #"pg_catalog.lpad(pg_catalog.right("card", 2), 10, '*')"#),
        ("repeat('*', 4) || -1", #"pg_catalog.repeat('*', 4) OPERATOR(pg_catalog.||) OPERATOR(pg_catalog.-) 1"#),
    ])
    func allowedExpressionsBecomeSQLOverTheColumn(_ expression: String, _ expected: String) throws {
        #expect(try CustomMaskExpression.sql(expression, column: Self.column).get() == expected)
    }

    @Test(arguments: [
        ("pg_read_file('/etc/passwd')", "pg_read_file"),
        ("{col} || other_column", "other_column"),
        ("\"other\"", "character"),
        ("{col}; DROP TABLE t", "character `;`"),
        ("{col} -- hide the rest", "comment"),
        ("{col} /* */", "comment"),
        ("E'\\x41'", "prefixed"),
        ("'a\\' || secret || '", "backslash"),
        ("'open", "not closed"),
        ("right({col}, 4))", "closes nothing"),
        ("(({col})", "not closed"),
        ("{col}::regclass", "regclass"),
        ("{col}::", "must name a type"),
        ("{column}", "braces"),
        ("pg_catalog.md5({col})", "pg_catalog"),
        ("(select secret from t)", "select"),
        ("$$x$$", "character `$`"),
        ("   ", "empty"),
        ("1e5", "runs into a name"),
        ("1.", "not a number"),
        ("{col}({col})", "`{col}` followed by `(`"),
        ("{col}'x'", "`{col}` followed by `'`"),
        ("{col}<<1", "two operators in a row"),
        ("{col} => 1", "two operators in a row"),
        ("{col} ~ 'x'", "character `~`"),
        ("'a\u{0}b'", "control character"),
        ("{col}\u{A0}", "unusual space"),
        ("repeat({col}, 100000000)", "count of `repeat`"),
        ("rpad({col}, 2 + 1)", "count of `rpad`"),
        ("repeat({col})", "needs a count"),
        ("nullif({col}, 'x')", "nullif"),
        ("trim({col})", "trim"),
        ("CASE {col} WHEN 'a' THEN 'b' END", "followed by `WHEN`"),
        ("{col} ||", "ends in an operator"),
        ("{col}, 1", "`,` outside"),
        ("{col} ('x')", "two values in a row"),
        ("{col} 'x'", "two values in a row"),
        ("({col}) ({col})", "two values in a row"),
        ("{col} 1", "two values in a row"),
        ("repeat(repeat({col}, 1000), 1000)", "one of"),
        ("replace({col}, 'a', 'b') || repeat('x', 3)", "one of"),
    ])
    func anythingElseIsRefused(_ expression: String, _ reason: String) {
        switch CustomMaskExpression.sql(expression, column: Self.column) {
        case .success(let sql): Issue.record("\(expression) was accepted as \(sql)")
        case .failure(let problem): #expect(problem.message.contains(reason), "\(expression): \(problem.message)")
        }
    }

    @Test func aCustomMaskIsTextOverTheQuotedColumn() throws {
        let column = CatalogColumn(name: "Card \"No\"", type: "bigint")
        let mask = ColumnMask(type: "CUSTOM", value: "right({col}::text, 4)", policyID: 7)
        let sql = try #require(try MaskSQL.make(mask, column: column).get())
        #expect(sql.expression == "(pg_catalog.right(\"Card \"\"No\"\"\"::pg_catalog.text, 4))::text" && sql.isText)
        guard case .failure(let problem) = MaskSQL.make(ColumnMask(type: "CUSTOM", value: nil, policyID: 7), column: column) else {
            Issue.record("a CUSTOM mask without an expression was accepted")
            return
        }
        #expect(problem.message.contains("no expression"))
        let long = String(repeating: "a", count: CustomMaskExpression.maximumLength + 1)
        #expect(throws: MaskSQL.Problem.self) { try CustomMaskExpression.sql(long, column: "c").get() }
    }
}
