/// India's Aadhaar number: twelve digits, the first 2–9, the last a Verhoeff check digit,
/// written `2345 6789 0124`.
struct IndianAadhaar: NationalIDFormat {
    var dataClass: DataClass { .inAadhaar }
    var nameHints: ColumnNameHints { ColumnNameHints(positive: ["aadhaar", "aadhar", "uid", "uidai", "aadhaar number", "aadhaar no"]) }
    var compactLengths: ClosedRange<Int> { 12...12 }
    var digitCount: ClosedRange<Int> { 12...12 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[4, 4, 4]]) else { return nil }
        guard d[0] >= 2 else { return .lookalike }
        return NationalIDRules.checked(Verhoeff.isValid(d))
    }
}
