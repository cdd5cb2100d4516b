/// Spain's identity numbers: the DNI (eight digits and a letter, `12345678Z`) and the NIE of
/// foreign residents (`X`, `Y` or `Z`, seven digits and a letter). The letter is the number
/// mod 23 looked up in `TRWAGMYFPDXBNJZSQVHLCKE`; for the NIE, X, Y and Z count as 0, 1, 2.
struct SpanishDNI: NationalIDFormat {
    var dataClass: DataClass { .esDNI }
    var nameHints: ColumnNameHints {
        ColumnNameHints(positive: ["dni", "nie", "nif", "documento identidad", "documento", "doc identidad", "dni nie"])
    }
    var compactLengths: ClosedRange<Int> { 9...9 }
    var digitCount: ClosedRange<Int> { 7...8 }
    var letterCount: ClosedRange<Int> { 1...2 }

    private static let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard NationalIDRules.grouped(groups, as: [[8, 1], [1, 7, 1]]), ASCII.isUpper(c[8]) else { return nil }
        var number: Int
        switch c[0] {
        case 0x58, 0x59, 0x5A: number = Int(c[0] - 0x58)  // NIE: X, Y, Z
        case 0x30...0x39: number = ASCII.digitValue(c[0])
        default: return nil
        }
        for b in c[1..<8] {
            guard ASCII.isDigit(b) else { return nil }
            number = number * 10 + ASCII.digitValue(b)
        }
        return NationalIDRules.checked(Self.letters[number % 23] == c[8])
    }
}
