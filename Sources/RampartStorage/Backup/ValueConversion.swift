// SPDX-License-Identifier: Apache-2.0

import RampartBackup

/// Converts a backed-up value to the type of the column it is restored into.
///
/// This is what makes a SQLite backup restore into PostgreSQL and back: SQLite stores a
/// `BOOLEAN` as 0/1 and may hold text in an integer column, PostgreSQL is strict. A value that
/// cannot be converted without loss is an error, never a silent change.
enum ValueConversion {
    static func convert(_ value: BackupValue, to column: ColumnSchema, table: String) throws -> BackupValue {
        if case .null = value { return .null }
        switch (column.type, value) {
        case (.integer, .integer), (.boolean, .boolean), (.real, .real), (.text, .text), (.blob, .blob), (.other, .text):
            return value
        case (.integer, .boolean(let flag)):
            return .integer(flag ? 1 : 0)
        case (.integer, .real(let number)) where number.rounded() == number && abs(number) < 9.0e18:
            return .integer(Int64(number))
        case (.integer, .text(let text)):
            if let number = Int64(text) { return .integer(number) }
        case (.boolean, .integer(let number)) where number == 0 || number == 1:
            return .boolean(number == 1)
        case (.boolean, .text(let text)):
            switch text.lowercased() {
            case "true", "t", "1": return .boolean(true)
            case "false", "f", "0": return .boolean(false)
            default: break
            }
        case (.real, .integer(let number)):
            return .real(Double(number))
        case (.real, .text(let text)):
            if let number = Double(text) { return .real(number) }
        case (.text, .integer(let number)), (.other, .integer(let number)):
            return .text(String(number))
        case (.text, .real(let number)), (.other, .real(let number)):
            return .text(number.description)
        case (.text, .boolean(let flag)), (.other, .boolean(let flag)):
            return .text(flag ? "true" : "false")
        case (.text, .blob(let bytes)):
            if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        case (.blob, .text(let text)):
            return .blob(Array(text.utf8))
        default:
            break
        }
        throw BackupError(
            .incompatible, "cannot restore a \(kind(of: value)) value into \(table).\(column.name) (\(column.declaredType))")
    }

    static func kind(of value: BackupValue) -> String {
        switch value {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        case .boolean: "boolean"
        }
    }
}
