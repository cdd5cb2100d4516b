/// Brazil's company registration number (CNPJ): eight digits of the firm, four of the branch
/// and two mod-11 check digits, written `11.222.333/0001-81`.
struct BrazilianCNPJ: NationalIDFormat {
    var dataClass: DataClass { .brCNPJ }
    var nameHints: ColumnNameHints { ColumnNameHints(positive: ["cnpj", "cnpj number", "numero cnpj", "cadastro nacional"]) }
    var compactLengths: ClosedRange<Int> { 14...14 }
    var digitCount: ClosedRange<Int> { 14...14 }
    var letterCount: ClosedRange<Int> { 0...0 }

    func strength(_ c: [UInt8], groups: [Int]) -> Match.Strength? {
        guard let d = NationalIDRules.digits(c), NationalIDRules.grouped(groups, as: [[2, 3, 3, 4, 2], [8, 4, 2], [12, 2]]) else {
            return nil
        }
        guard d.contains(where: { $0 != d[0] }) else { return .lookalike }
        let first = WeightedSum.mod11Complement(WeightedSum.of(d[0..<12], [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]))
        let second = WeightedSum.mod11Complement(WeightedSum.of(d[0..<13], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]))
        return NationalIDRules.checked(first == d[12] && second == d[13])
    }
}
