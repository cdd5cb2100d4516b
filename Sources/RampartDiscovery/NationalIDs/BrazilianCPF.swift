/// Brazil's individual taxpayer number (CPF): nine digits and two mod-11 check digits,
/// written `123.456.789-09`. Numbers of one repeated digit pass the checks but are not issued.
struct BrazilianCPF: NationalIDFormat {
    var dataClass: DataClass { .brCPF }
    var nameHints: ColumnNameHints { ColumnNameHints(positive: ["cpf", "cpf number", "numero cpf", "cadastro pessoa fisica"]) }
    var compactLengths: ClosedRange<Int> { 11...11 }
    var digitCount: ClosedRange<Int> { 11...11 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[3, 3, 3, 2], [9, 2]]) else { return nil }
        guard d.contains(where: { $0 != d[0] }) else { return .lookalike }
        let first = WeightedSum.mod11Complement(WeightedSum.of(d[0..<9], [10, 9, 8, 7, 6, 5, 4, 3, 2]))
        let second = WeightedSum.mod11Complement(WeightedSum.of(d[0..<10], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]))
        return NationalIDRules.checked(first == d[9] && second == d[10])
    }
}
