/// The Verhoeff check (dihedral group D5), which catches every single-digit error and every
/// transposition of adjacent digits; India's Aadhaar numbers end in a Verhoeff check digit.
public enum Verhoeff {
    private static let multiplication: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    /// Row i permutes a digit i times by (1 5 7 6 2 8 3 0 9 4).
    private static let permutation: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]

    /// Whether the digit values in `digits` (0–9 each, check digit last) pass the check.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count > 1, digits.allSatisfy({ $0 >= 0 && $0 <= 9 }) else { return false }
        var c = 0
        for (i, d) in digits.reversed().enumerated() {
            c = Int(multiplication[c][Int(permutation[i % 8][d])])
        }
        return c == 0
    }
}
