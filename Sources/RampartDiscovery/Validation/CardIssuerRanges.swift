/// Issuer identification number (IIN) ranges of the card brands and the lengths each issues,
/// from the brands' published ranges: a number is a card number only if a brand issues numbers
/// of its prefix and its length. Luhn-valid numbers outside every range (a French SIRET, a
/// reference number with a check digit) are not cards.
public enum CardIssuerRanges {
    /// One brand's prefix range: numbers whose first `digits` digits lie in `low...high`.
    struct Range: Sendable {
        let brand: String
        let digits: Int
        let low: Int
        let high: Int
        let lengths: ClosedRange<Int>
        let exceptLengths: Set<Int>

        init(_ brand: String, _ low: Int, _ high: Int? = nil, digits: Int, lengths: ClosedRange<Int>, except: Set<Int> = []) {
            self.brand = brand
            self.low = low
            self.high = high ?? low
            self.digits = digits
            self.lengths = lengths
            self.exceptLengths = except
        }
    }

    static let ranges: [Range] = [
        Range("Visa", 4, digits: 1, lengths: 13...19, except: [14, 15, 17, 18]),
        Range("Mastercard", 51, 55, digits: 2, lengths: 16...16),
        Range("Mastercard", 2221, 2720, digits: 4, lengths: 16...16),
        Range("American Express", 34, digits: 2, lengths: 15...15),
        Range("American Express", 37, digits: 2, lengths: 15...15),
        Range("Diners Club", 300, 305, digits: 3, lengths: 14...19),
        Range("Diners Club", 3095, digits: 4, lengths: 14...19),
        Range("Diners Club", 36, digits: 2, lengths: 14...19),
        Range("Diners Club", 38, 39, digits: 2, lengths: 14...19),
        Range("JCB", 3528, 3589, digits: 4, lengths: 16...19),
        Range("Discover", 6011, digits: 4, lengths: 16...19),
        Range("Discover", 644, 649, digits: 3, lengths: 16...19),
        Range("Discover", 65, digits: 2, lengths: 16...19),
        Range("UnionPay", 62, digits: 2, lengths: 16...19),
        Range("UnionPay", 81, digits: 2, lengths: 16...19),
        Range("Maestro", 5018, digits: 4, lengths: 12...19),
        Range("Maestro", 5020, digits: 4, lengths: 12...19),
        Range("Maestro", 5038, digits: 4, lengths: 12...19),
        Range("Maestro", 5893, digits: 4, lengths: 12...19),
        Range("Maestro", 6304, digits: 4, lengths: 12...19),
        Range("Maestro", 6759, digits: 4, lengths: 12...19),
        Range("Maestro", 6761, 6763, digits: 4, lengths: 12...19),
        Range("Maestro", 56, 58, digits: 2, lengths: 16...19),
        Range("Maestro", 639, digits: 3, lengths: 16...19),
        Range("Maestro", 67, digits: 2, lengths: 16...19),
        Range("Dankort", 5019, digits: 4, lengths: 16...16),
        Range("Mir", 2200, 2204, digits: 4, lengths: 16...19),
        Range("Borica", 2205, digits: 4, lengths: 16...16),
        Range("RuPay", 60, digits: 2, lengths: 16...16),
        Range("RuPay", 508, digits: 3, lengths: 16...16),
        Range("RuPay", 6521, 6522, digits: 4, lengths: 16...16),
        Range("Verve", 506099, 506198, digits: 6, lengths: 16...19),
        Range("Verve", 650002, 650027, digits: 6, lengths: 16...19),
        Range("InstaPayment", 637, 639, digits: 3, lengths: 16...16),
        Range("InterPayment", 636, digits: 3, lengths: 16...19),
        Range("Troy", 9792, digits: 4, lengths: 16...16),
        Range("Humo", 9860, digits: 4, lengths: 16...16),
        Range("UzCard", 8600, digits: 4, lengths: 16...16),
        Range("GPN", 1946, digits: 4, lengths: 16...19),
    ]

    /// The brand issuing numbers with these ASCII digits' prefix and length, if any.
    static func brand(of digits: [UInt8]) -> String? {
        let length = digits.count
        var prefixes = [Int](repeating: 0, count: 7)
        for n in 1...min(6, length) { prefixes[n] = prefixes[n - 1] * 10 + ASCII.digitValue(digits[n - 1]) }
        for range in ranges where range.digits <= length {
            let p = prefixes[range.digits]
            if p >= range.low, p <= range.high, range.lengths.contains(length), !range.exceptLengths.contains(length) { return range.brand }
        }
        return nil
    }

    /// Whether a brand issues card numbers of the prefix and length of `number` (ASCII digits;
    /// separators ignored).
    public static func isIssued(_ number: String) -> Bool {
        let digits = number.utf8.filter(ASCII.isDigit)
        return digits.count >= 12 && digits.count <= 19 && brand(of: Array(digits)) != nil
    }
}
