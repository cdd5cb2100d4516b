/// Finds IBANs anywhere in a value, compact (`DE89370400440532013000`) or in groups of four
/// (`DE89 3704 0044 0532 0130 00`): a registered country code, the country's exact length, and
/// MOD 97-10 check digits. A whole value with a known country and the right length that fails
/// the check is a look-alike.
public struct IBANClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .iban }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: ["iban", "account", "bank account", "bankaccount", "acct", "pay to", "payto"],
        negative: ["creditor", "bic", "swift", "mandate"]
    )

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 4, f.letters >= 2, f.length >= 15 else { return nil }
        let t = b.trimmedRange()
        var lookalike: Match?
        var i = t.lowerBound
        while i + 15 <= t.upperBound {
            let c0 = ASCII.upper(b[i])
            guard ASCII.isUpper(c0), i == 0 || !ASCII.isAlnum(b[i - 1]) else {
                i += 1
                continue
            }
            let c1 = ASCII.upper(b[i + 1])
            guard ASCII.isUpper(c1), ASCII.isDigit(b[i + 2]), ASCII.isDigit(b[i + 3]),
                let length = IBANRegistry.length(c0, c1)
            else {
                i += 1
                continue
            }
            // Read `length` alphanumerics, allowing single spaces between groups.
            var chars: [UInt8] = [c0, c1, b[i + 2], b[i + 3]]
            chars.reserveCapacity(length)
            var j = i + 4
            while j < t.upperBound, chars.count < length {
                let c = b[j]
                if ASCII.isAlnum(c) {
                    chars.append(ASCII.upper(c))
                } else if c == 0x20, j + 1 < t.upperBound, ASCII.isAlnum(b[j + 1]), chars.count % 4 == 0 {
                    // Printed IBANs group by four.
                } else {
                    break
                }
                j += 1
            }
            let boundary = j == b.count || !ASCII.isAlnum(b[j])
            if chars.count == length, boundary {
                if IBANRegistry.mod97IsValid(chars) {
                    return Match(dataClass: .iban, strength: .validated, byteRange: i..<j)
                }
                if i == t.lowerBound, j == t.upperBound {
                    lookalike = Match(dataClass: .iban, strength: .lookalike, byteRange: i..<j)
                }
            }
            i += 1
        }
        return lookalike
    }
}
