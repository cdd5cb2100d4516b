// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartEnforcement

/// A `CUSTOM` mask becomes SQL only when every token is on the allow-list: the column, constants,
/// side-effect-free functions; never another column, a catalog or file function, a second
/// statement or a comment.
@Suite struct CustomMaskExpressionTests {
    static let column = "\"card\""

    @Test(arguments: [
        ("concat('****', right({col}, 4))", "concat('****', right(\"card\", 4))"),
        ("CASE WHEN {col} IS NULL THEN 'none' ELSE md5({col}::text) END", "case when \"card\" is null then 'none' else md5(\"card\"::text) end"),
        ("left({col},2)||'''s'", "left(\"card\",2)||'''s'"),
        ("round({col} * 0.01, 2)", "round(\"card\" * 0.01, 2)"),
        ("date_trunc('month', {col})", "date_trunc('month', \"card\")"),
        ("'redacted'", "'redacted'"),
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
        #expect(sql.expression == "(right(\"Card \"\"No\"\"\"::text, 4))::text" && sql.isText)
        guard case .failure(let problem) = MaskSQL.make(ColumnMask(type: "CUSTOM", value: nil, policyID: 7), column: column) else {
            Issue.record("a CUSTOM mask without an expression was accepted")
            return
        }
        #expect(problem.message.contains("no expression"))
        let long = String(repeating: "a", count: CustomMaskExpression.maximumLength + 1)
        #expect(throws: MaskSQL.Problem.self) { try CustomMaskExpression.sql(long, column: "c").get() }
    }
}
