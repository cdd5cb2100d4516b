// SPDX-License-Identifier: Apache-2.0

/// `LIKE` patterns built from text a person typed, which must match as text: `%`, `_` and the
/// escape character itself lose their meaning (the query says `ESCAPE '\'`).
enum SQLPattern {
    /// Matches what starts with `text`.
    static func prefix(_ text: String) -> String {
        var pattern = ""
        pattern.reserveCapacity(text.utf8.count + 1)
        for character in text {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        pattern.append("%")
        return pattern
    }
}
