/// The Dutch citizen service number (burgerservicenummer): nine digits passing the
/// "elfproef", 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11 (`1112.22.333`, `111222333`).
struct DutchBSN: NationalIDFormat {
    var dataClass: DataClass { .nlBSN }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["bsn", "burgerservicenummer", "sofinummer", "sofi", "citizen service number"])
    }
    var compactLengths: ClosedRange<Int> { 9...9 }
    var digitCount: ClosedRange<Int> { 9...9 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[4, 2, 3], [3, 3, 3]]) else { return nil }
        guard d.contains(where: { $0 != 0 }) else { return .lookalike }
        let sum = WeightedSum.of(d[0..<8], [9, 8, 7, 6, 5, 4, 3, 2]) - d[8]
        return NationalIDRules.checked(sum % 11 == 0)
    }
}
