// SPDX-License-Identifier: Apache-2.0

/// `LIKE` patterns built from text a person typed, which must match as text: `%`, `_` and the
/// escape character itself lose their meaning (the query says `ESCAPE '\'`).
enum SQLPattern {
    /// Matches what starts with `text`.
    static func prefix(_ text: String) -> String {
        // By scalar, not by character: `%` followed by a combining mark is one Character, yet
        // the database sees a `%` in it.
        var pattern = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "%" || scalar == "_" || scalar == "\\" { pattern.append("\\") }
            pattern.append(scalar)
        }
        pattern.append("%")
        return String(pattern)
    }
}
