/// Italy's codice fiscale: three letters of the family name, three of the given name, year,
/// month letter, day (plus 40 for women), the municipality's cadastral code and a check letter
/// (`RSSMRA85T10A562S`). Digits may be replaced by letters (`LMNPQRSTUV`) to make codes unique
/// (omocodia).
struct ItalianFiscalCode: NationalIDFormat {
    var dataClass: DataClass { .itFiscalCode }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["codice fiscale", "codicefiscale", "cod fiscale", "cf", "fiscal code", "tax code", "codfisc"])
    }
    var compactLengths: ClosedRange<Int> { 16...16 }
    var digitCount: ClosedRange<Int> { 0...7 }
    var letterCount: ClosedRange<Int> { 9...16 }

    /// Positions that hold digits, or their omocodia letters.
    private static let digitPositions: Set<Int> = [6, 7, 9, 10, 12, 13, 14]
    private static let omocodia = Array("LMNPQRSTUV".utf8)
    private static let months = Set("ABCDEHLMPRST".utf8)
    /// The value of a character in an odd (1st, 3rd, …) position; digits and letters A–J share it.
    private static let oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard groups.count == 1 else { return nil }
        for (i, b) in c.enumerated() {
            if Self.digitPositions.contains(i) {
                guard ASCII.isDigit(b) || Self.omocodia.contains(b) else { return nil }
            } else {
                guard ASCII.isUpper(b) else { return nil }
            }
        }
        guard Self.months.contains(c[8]) else { return .lookalike }
        var sum = 0
        for (i, b) in c[0..<15].enumerated() {
            let value = ASCII.isDigit(b) ? ASCII.digitValue(b) : Int(b - 0x41)
            sum += i % 2 == 0 ? Self.oddValues[value] : value
        }
        return NationalIDRules.checked(Int(c[15] - 0x41) == sum % 26)
    }
}
