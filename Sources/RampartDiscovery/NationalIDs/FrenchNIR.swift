/// France's social security number (NIR, numéro de sécurité sociale): sex, year and month of
/// birth, département (`2A`/`2B` for Corsica), commune, order number, then a key of
/// 97 − (the 13-digit number mod 97): `1 85 05 78 006 084 36`.
struct FrenchNIR: NationalIDFormat {
    var dataClass: DataClass { .frNIR }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: [
            "nir", "insee", "numero securite sociale", "securite sociale", "secu", "num secu", "no secu", "numsecu", "ssn",
        ])
    }
    var compactLengths: ClosedRange<Int> { 15...15 }
    var digitCount: ClosedRange<Int> { 13...15 }
    var letterCount: ClosedRange<Int> { 0...1 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard NationalIDRules.grouped(groups, as: [[1, 2, 2, 2, 3, 3, 2], [13, 2], [1, 2, 2, 5, 3, 2]]) else { return nil }
        var body = Array(c[0..<13])
        // Corsica's départements 2A and 2B count as 19 and 18 in the key.
        if body[5] == 0x32, body[6] == 0x41 || body[6] == 0x42 {
            body[5] = 0x31
            body[6] = body[6] == 0x41 ? 0x39 : 0x38
        }
        guard let d = NationalIDRules.digits(body), let key = NationalIDRules.digits(c[13..<15]) else { return nil }
        guard [1, 2, 3, 4, 7, 8].contains(d[0]) else { return .lookalike }
        let month = d[3] * 10 + d[4]
        guard (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month) else { return .lookalike }
        var n = 0
        for x in d { n = (n * 10 + x) % 97 }
        return NationalIDRules.checked(97 - n == key[0] * 10 + key[1])
    }
}
