/// The weighted digit sum behind most national check digits (NHS, CPF, CNPJ, BSN, My Number,
/// RRN): each digit times its weight, added up. The caller applies its scheme's modulus.
enum WeightedSum {
    /// `Σ digits[i] × weights[i]` over the shorter of the two.
    @inline(__always) static func of(_ digits: ArraySlice<Int>, _ weights: [Int]) -> Int {
        var sum = 0
        for (d, w) in zip(digits, weights) { sum += d * w }
        return sum
    }

    /// The "11 minus the remainder" check digit most schemes use; remainders 0 and 1 give 0.
    @inline(__always) static func mod11Complement(_ sum: Int) -> Int {
        let r = sum % 11
        return r < 2 ? 0 : 11 - r
    }
}
