/// The NHS number of England, Wales and the Isle of Man: ten digits (`943 476 5919`), the last
/// a modulus-11 check over the first nine weighted 10 down to 2; a check of 10 is never issued.
struct UKNHSNumber: NationalIDFormat {
    var dataClass: DataClass { .ukNHSNumber }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["nhs", "nhs number", "nhsnumber", "nhs no", "chi", "health number"], negative: ["phone", "tel", "mobile"])
    }
    var compactLengths: ClosedRange<Int> { 10...10 }
    var digitCount: ClosedRange<Int> { 10...10 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[3, 3, 4]]) else { return nil }
        let check = 11 - WeightedSum.of(d[0..<9], [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11
        guard check != 10 else { return .lookalike }
        return NationalIDRules.checked((check == 11 ? 0 : check) == d[9])
    }
}
