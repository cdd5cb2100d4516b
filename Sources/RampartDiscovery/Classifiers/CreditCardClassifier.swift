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

    public var nameHints: ColumnNameHints {
        ColumnNameHints(
            positive: ["card", "cc", "pan", "ccnum", "cardnumber", "creditcard", "card no", "cardno"],
            negative: ["masked", "mask", "last4", "last 4", "expiry", "exp", "bin", "order", "tracking", "id"]
        )
    }

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
                if Self.brandAccepts(digits) {
                    if Luhn.isValid(digits) {
                        return Match(dataClass: .creditCard, strength: .validated, byteRange: range)
                    }
                    if range == t { lookalike = Match(dataClass: .creditCard, strength: .lookalike, byteRange: range) }
                } else if range == t, digits.count >= 14, digits.count <= 16 {
                    // Card-length numbers of no brand: look-alikes when they fail Luhn too.
                    if !Luhn.isValid(digits) {
                        lookalike = Match(dataClass: .creditCard, strength: .lookalike, byteRange: range)
                    }
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

    /// Whether the issuer prefix and length fit a known brand (Visa, Mastercard, Amex,
    /// Discover, JCB, Diners, UnionPay, Maestro, Mir, RuPay, Troy, Verve).
    static func brandAccepts(_ d: [UInt8]) -> Bool {
        func prefix(_ n: Int) -> Int {
            var v = 0
            for k in 0..<n { v = v * 10 + ASCII.digitValue(d[k]) }
            return v
        }
        let length = d.count
        let p1 = prefix(1)
        let p2 = prefix(2)
        let p3 = prefix(3)
        let p4 = prefix(4)
        switch p1 {
        case 4: return length == 13 || length == 16 || length == 19  // Visa
        case 3:
            if p2 == 34 || p2 == 37 { return length == 15 }  // Amex
            if p4 >= 3528 && p4 <= 3589 { return length >= 16 && length <= 19 }  // JCB
            if (p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p3 == 309 {
                return length >= 14 && length <= 19  // Diners
            }
            return false
        case 5:
            if p2 >= 51 && p2 <= 55 { return length == 16 }  // Mastercard
            if p2 == 50 || (p2 >= 56 && p2 <= 58) { return length >= 12 && length <= 19 }  // Maestro
            return false
        case 2:
            if p4 >= 2221 && p4 <= 2720 { return length == 16 }  // Mastercard 2-series
            if p4 >= 2200 && p4 <= 2204 { return length >= 16 && length <= 19 }  // Mir
            return false
        case 6:
            if p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 { return length >= 16 && length <= 19 }  // Discover
            if p2 == 62 || p2 == 81 { return length >= 16 && length <= 19 }  // UnionPay
            if p2 == 60 || p4 == 6521 || p4 == 6522 { return length == 16 }  // RuPay
            if p2 == 63 || p2 == 67 || p2 == 69 || p2 == 61 || p2 == 64 || p2 == 66 || p2 == 68 {
                return length >= 12 && length <= 19  // Maestro and regional debit
            }
            return false
        case 9: return p4 == 9792 && length == 16  // Troy
        default: return false
        }
    }
}
