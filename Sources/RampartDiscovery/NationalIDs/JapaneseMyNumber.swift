/// Japan's individual number (My Number, 個人番号): twelve digits, the last a mod-11 check over
/// the first eleven weighted 6 5 4 3 2 7 6 5 4 3 2, written `1234 5678 9018`.
struct JapaneseMyNumber: NationalIDFormat {
    var dataClass: DataClass { .jpMyNumber }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["my number", "mynumber", "個人番号", "マイナンバー", "kojin bango", "individual number"])
    }
    var compactLengths: ClosedRange<Int> { 12...12 }
    var digitCount: ClosedRange<Int> { 12...12 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[4, 4, 4]]) else { return nil }
        let check = WeightedSum.mod11Complement(WeightedSum.of(d[0..<11], [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]))
        return NationalIDRules.checked(check == d[11])
    }
}
