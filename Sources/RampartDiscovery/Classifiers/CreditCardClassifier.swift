/// Finds full payment card numbers anywhere in a value: 12–19 digits, contiguous or grouped
/// with single spaces or dashes, whose issuer prefix and length fit a known brand and whose Luhn
/// check passes.
///
/// A whole value shaped like a card number that fails Luhn is a look-alike (order numbers,
/// reference numbers); masked forms (`**** 1234`, `411111******1234`) have no digit run long
/// enough to count.
public struct CreditCardClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .creditCard }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: ["card", "cc", "pan", "ccnum", "cardnumber", "creditcard", "card no", "cardno"],
        negative: ["masked", "mask", "last4", "last 4", "expiry", "exp", "bin", "order", "tracking", "id"]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.1, plausiblePrevalence: 0.9, maxLookalikeShare: 0.2)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 12 else { return nil }
        let t = b.trimmedRange()
        var i = t.lowerBound
        var lookalike: Match?
        while i < t.upperBound {
            guard ASCII.isDigit(b[i]) else {
                i += 1
                continue
            }
            if i > 0,
                ASCII.isAlnum(b[i - 1]) || b[i - 1] == 0x2A || b[i - 1] == 0x2E || b[i - 1] == 0x2D || b[i - 1] == 0x2F
                    || b[i - 1] == 0x2B
            {
                while i < t.upperBound, ASCII.isAlnum(b[i]) { i += 1 }
                continue
            }
            // Collect digits with single separators of one kind.
            var digits: [UInt8] = []
            var groups: [Int] = []
            var groupLength = 0
            var separator: UInt8?
            var j = i
            var end = i
            while j < t.upperBound, digits.count <= 19 {
                let c = b[j]
                if ASCII.isDigit(c) {
                    digits.append(c)
                    groupLength += 1
                    end = j + 1
                } else if c == 0x20 || c == 0x2D, separator == nil || separator == c, j + 1 < t.upperBound,
                    ASCII.isDigit(b[j + 1]), groupLength > 0
                {
                    separator = c
                    groups.append(groupLength)
                    groupLength = 0
                } else {
                    break
                }
                j += 1
            }
            groups.append(groupLength)
            let boundary = end == b.count || !(ASCII.isAlnum(b[end]) || b[end] == 0x2A)
            if boundary, digits.count >= 12, digits.count <= 19, Self.groupingIsCardLike(groups), !b.continuesIBAN(at: i) {
                let range = i..<end
                if CardIssuerRanges.brand(of: digits) != nil {
                    if Luhn.isValid(digits) {
                        return Match(dataClass: .creditCard, strength: .validated, byteRange: range)
                    }
                    if range == t { lookalike = Match(dataClass: .creditCard, strength: .lookalike, byteRange: range) }
                } else if range == t, digits.count >= 14, digits.count <= 16 {
                    // Card-length numbers no brand issues (a SIRET, a reference with a Luhn check
                    // digit): look-alikes, whether or not they pass Luhn.
                    lookalike = Match(dataClass: .creditCard, strength: .lookalike, byteRange: range)
                }
            }
            i = max(end, i + 1)
        }
        return lookalike
    }

    /// Card numbers are printed contiguous or in groups of 3–6 digits.
    static func groupingIsCardLike(_ groups: [Int]) -> Bool {
        groups.count == 1 || (groups.count <= 5 && groups.allSatisfy { $0 >= 3 && $0 <= 6 })
    }
}
