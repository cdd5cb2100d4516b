/// The UK National Insurance number: two prefix letters, six digits, a suffix letter A–D
/// (`QQ 12 34 56 C`). It has no check digit; HMRC's allocation rules (letters never used,
/// prefixes never issued) make the structure specific enough.
struct UKNationalInsuranceNumber: NationalIDFormat {
    var dataClass: DataClass { .ukNationalInsurance }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["nino", "ni", "nin", "national insurance", "nationalinsurance", "ni number", "nino number"])
    }
    var compactLengths: ClosedRange<Int> { 8...9 }
    /// The two prefix letters vary from person to person.
    var hasPersonalLetterPrefix: Bool { true }
    var digitCount: ClosedRange<Int> { 6...6 }
    var letterCount: ClosedRange<Int> { 2...3 }

    private static let neverFirst = Set("DFIQUV".utf8)
    private static let neverSecond = Set("DFIQUVO".utf8)
    private static let unissuedPrefixes: Set<String> = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard ASCII.isUpper(c[0]), ASCII.isUpper(c[1]), c[2..<8].allSatisfy(ASCII.isDigit) else { return nil }
        if c.count == 9 {
            guard ASCII.isUpper(c[8]) else { return nil }
        }
        guard NationalIDRules.grouped(groups, as: [[2, 2, 2, 2, 1], [2, 6, 1], [2, 2, 2, 2], [2, 6], [8, 1]]) else { return nil }
        let prefix = String(decoding: c[0..<2], as: UTF8.self)
        let suffixValid = c.count == 8 || (c[8] >= 0x41 && c[8] <= 0x44)
        return NationalIDRules.checked(
            !Self.neverFirst.contains(c[0]) && !Self.neverSecond.contains(c[1]) && !Self.unissuedPrefixes.contains(prefix) && suffixValid
        )
    }
}
