/// China's resident identity card number (居民身份证号码): six digits of region, the birth date
/// as `yyyymmdd`, a three-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check
/// character, `0`–`9` or `X` (`11010519491231002X`).
struct ChineseResidentID: NationalIDFormat {
    var dataClass: DataClass { .cnResidentID }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["身份证", "身份证号", "身份证号码", "shenfenzheng", "resident id", "id card", "idcard", "sfz"])
    }
    var compactLengths: ClosedRange<Int> { 18...18 }
    var digitCount: ClosedRange<Int> { 17...18 }
    var letterCount: ClosedRange<Int> { 0...1 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard groups.count == 1, let d = NationalIDRules.digits(c[0..<17]) else { return nil }
        let checkValue: Int
        if c[17] == 0x58 {
            checkValue = 10
        } else if ASCII.isDigit(c[17]) {
            checkValue = ASCII.digitValue(c[17])
        } else {
            return nil
        }
        let year = NationalIDRules.number(d, 6..<10)
        guard d[0] >= 1, d[0] <= 8, year >= 1900, year <= 2099,
            NationalIDRules.isDate(year: year, month: NationalIDRules.number(d, 10..<12), day: NationalIDRules.number(d, 12..<14))
        else { return .lookalike }
        return NationalIDRules.checked(ISO7064.mod11_2Check(d) == checkValue)
    }
}
