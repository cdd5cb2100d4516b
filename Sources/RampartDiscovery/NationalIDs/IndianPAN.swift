/// India's permanent account number (PAN): five letters, four digits, a letter
/// (`ABCPE1234F`). The fourth letter says who holds it (`P` a person, `C` a company, …).
/// There is no check character, so the holder letter is the only rule to test.
struct IndianPAN: NationalIDFormat {
    var dataClass: DataClass { .inPAN }
    var nameHints: ColumnNameHints { ColumnNameHints(positive: ["pan", "pan number", "pan no", "pancard", "pan card", "permanent account"]) }
    var compactLengths: ClosedRange<Int> { 10...10 }
    var digitCount: ClosedRange<Int> { 4...4 }
    var letterCount: ClosedRange<Int> { 6...6 }

    private static let holders = Set("ABCFGHJLPT".utf8)

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard groups.count == 1, c[0..<5].allSatisfy(ASCII.isUpper), c[5..<9].allSatisfy(ASCII.isDigit), ASCII.isUpper(c[9]) else {
            return nil
        }
        return NationalIDRules.checked(Self.holders.contains(c[3]))
    }
}
