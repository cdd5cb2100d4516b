/// South Korea's resident registration number (주민등록번호): the birth date as `yymmdd`, a
/// dash, then a digit for century and sex, five more digits and a check digit
/// (`900101-1234568`). Numbers issued since October 2020 have random final digits, so a valid
/// date and sex digit with a failing check is still plausible.
struct KoreanRRN: NationalIDFormat {
    var dataClass: DataClass { .krRRN }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["주민등록번호", "주민번호", "rrn", "resident registration", "jumin", "resident number"])
    }
    var compactLengths: ClosedRange<Int> { 13...13 }
    var digitCount: ClosedRange<Int> { 13...13 }
    var letterCount: ClosedRange<Int> { 0...0 }

    var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.5, plausiblePrevalence: 0.9, maxLookalikeShare: 0.2)
    }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), groups == [6, 7] || groups.count == 1 else { return nil }
        let centuryAndSex = d[6]
        let century = [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800][centuryAndSex]
        guard NationalIDRules.isDate(year: century + d[0] * 10 + d[1], month: d[2] * 10 + d[3], day: d[4] * 10 + d[5]) else {
            return .lookalike
        }
        let check = (11 - WeightedSum.of(d[0..<12], [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11) % 10
        return check == d[12] ? .validated : .plausible
    }
}
