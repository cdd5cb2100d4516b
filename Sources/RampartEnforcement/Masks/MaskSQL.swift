// SPDX-License-Identifier: Apache-2.0

/// Ranger's mask types as plain SQL expressions, so masking needs no extension and runs on
/// managed PostgreSQL too.
///
/// The results follow Ranger's Hive transformers: `MASK` turns upper-case letters into `X`,
/// lower-case into `x` and digits into `n`; `MASK_SHOW_LAST_4` and `MASK_SHOW_FIRST_4` turn every
/// letter and digit but the last (first) four into `x`; `MASK_DATE_SHOW_YEAR` keeps the year and
/// sets the day to 1 January; `MASK_NULL` shows `NULL`; `MASK_NONE` shows the value; `MASK_HASH`
/// shows HMAC-SHA256 of the value in hex under the datasource's key (``MaskHashKey``), so equal
/// values stay joinable and no one without the key can test a guess; `CUSTOM` shows its
/// expression as text, when ``CustomMaskExpression`` finds every token of it on its allow-list.
package struct MaskSQL: Sendable, Hashable {
    /// The expression, over the quoted column name.
    package var expression: String
    /// Whether the expression is `text` whatever the column's type (the view's column then is too).
    package var isText: Bool

    /// Why a mask cannot be written as SQL; the column is then withheld from the role (fail closed).
    package struct Problem: Error, Sendable, Hashable {
        package var message: String
    }

    /// The SQL showing `column` masked as `mask` says; `nil` for `MASK_NONE` (the value itself).
    /// `MASK_HASH` needs the datasource's masking key (`hashAvailable`).
    package static func make(_ mask: ColumnMask, column: CatalogColumn, hashAvailable: Bool = false) -> Result<MaskSQL?, Problem> {
        let name = SQLText.identifier(column.name)
        let text = "\(name)::text"
        switch mask.type {
        case "MASK_NONE":
            return .success(nil)
        case "MASK_NULL":
            return .success(MaskSQL(expression: "NULL::\(column.type)", isText: false))
        case "MASK":
            let upper = "regexp_replace(\(text), '[[:upper:]]', 'X', 'g')"
            let lower = "regexp_replace(\(upper), '[[:lower:]]', 'x', 'g')"
            return .success(MaskSQL(expression: "regexp_replace(\(lower), '[[:digit:]]', 'n', 'g')", isText: true))
        case "MASK_SHOW_LAST_4":
            // left(v, -4) is all but the last four characters ('' when there are four or fewer).
            return .success(
                MaskSQL(expression: "regexp_replace(left(\(text), -4), '[[:alnum:]]', 'x', 'g') || right(\(text), 4)", isText: true))
        case "MASK_SHOW_FIRST_4":
            return .success(
                MaskSQL(expression: "left(\(text), 4) || regexp_replace(substr(\(text), 5), '[[:alnum:]]', 'x', 'g')", isText: true))
        case "MASK_HASH":
            guard hashAvailable else { return .failure(Problem(message: "MASK_HASH needs the datasource's masking key")) }
            return .success(MaskSQL(expression: MaskHashKey.expression(text), isText: true))
        case "MASK_DATE_SHOW_YEAR":
            if column.type == "date" {
                return .success(MaskSQL(expression: "make_date(extract(year FROM \(name))::integer, 1, 1)", isText: false))
            }
            if column.type.hasPrefix("timestamp") {
                return .success(MaskSQL(expression: "date_trunc('year', \(name))", isText: false))
            }
            return .failure(Problem(message: "MASK_DATE_SHOW_YEAR needs a date or timestamp column, not \(column.type)"))
        case "CUSTOM":
            guard let value = mask.value, !value.allSatisfy(\.isWhitespace) else {
                return .failure(Problem(message: "CUSTOM mask refused: it has no expression (valueExpr)"))
            }
            // As text, like the other masks: the view's column then has one type whatever the
            // expression returns.
            return CustomMaskExpression.sql(value, column: name).map { MaskSQL(expression: "(\($0))::text", isText: true) }
        default:
            return .failure(Problem(message: "mask type \(mask.type) cannot be enforced in PostgreSQL by this version"))
        }
    }

    /// Whether a column of `type` holds text already (no cast needed to mix it with a text mask).
    package static func isTextType(_ type: String) -> Bool {
        type == "text" || type == "name" || type == "citext" || type.hasPrefix("character")
    }
}
