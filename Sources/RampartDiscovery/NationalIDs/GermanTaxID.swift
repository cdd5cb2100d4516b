/// Germany's tax identification number (steuerliche Identifikationsnummer): eleven digits, the
/// first not 0; in the first ten exactly one digit repeats (twice or three times); the last is
/// an ISO 7064 MOD 11,10 check digit.
struct GermanTaxID: NationalIDFormat {
    var dataClass: DataClass { .deTaxID }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: [
            "steuer id", "steuerid", "steueridentifikationsnummer", "identifikationsnummer", "idnr", "steuer idnr", "tax id", "taxid",
            "steuernummer",
        ])
    }
    var compactLengths: ClosedRange<Int> { 11...11 }
    var digitCount: ClosedRange<Int> { 11...11 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[2, 3, 3, 3], [3, 4, 4]]) else { return nil }
        guard d[0] != 0 else { return .lookalike }
        var counts = [Int](repeating: 0, count: 10)
        for x in d[0..<10] { counts[x] += 1 }
        let repeated = counts.filter { $0 > 1 }
        guard repeated.count == 1, repeated[0] <= 3 else { return .lookalike }
        return NationalIDRules.checked(ISO7064.mod11_10IsValid(d))
    }
}
