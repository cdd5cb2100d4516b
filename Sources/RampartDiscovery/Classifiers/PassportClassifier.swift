/// Recognises passport numbers written as a whole value.
///
/// Passport numbers carry no public check digit outside the machine-readable zone, so evidence
/// is structural: the national formats share "0–3 letters then 6–8 digits" (US, IN, AU, CA, CN,
/// JP, ES, IT, BR, MX, NG, KR), plus France's `99AA99999` and Germany's 9 characters from the
/// consonant-and-digit alphabet starting with C, F, G, H, J or K. Those are validated; nine bare
/// digits (US, GB) are only plausible, since member ids and SSNs look the same, and count only
/// in a column whose name says passport.
public struct PassportClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .passport }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: ["passport", "passportno", "passport no", "passport number", "travel document", "doc no", "docno", "document"],
        negative: ["booking", "tracking", "order", "invoice", "sku", "member", "employee", "emp", "ssn", "tin", "bic", "swift"]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.3, plausiblePrevalence: 0.8, plausibleNeedsHint: true, maxLookalikeShare: 0.5)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    /// The default verdict, except for a column whose values all start with the same letters
    /// (``SharedLetterPrefix``) and whose name does not say passport.
    public func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict? {
        if context.hint != .positive, SharedLetterPrefix.isShared(evidence.ordinals) { return nil }
        return columnPolicy.verdict(for: evidence, hint: context.hint)
    }

    private static let germanAlphabet: Set<UInt8> = Set("CFGHJKLMNPRTVWXYZ0123456789".utf8)

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 3, f.length >= 8, f.length <= 14, f.lower == 0, f.dashes == 0, f.dots == 0 else { return nil }
        let t = b.trimmedRange()
        let n = t.count
        guard n >= 8, n <= 9 else { return nil }
        var letters = 0
        while letters < n, ASCII.isUpper(b[t.lowerBound + letters]) { letters += 1 }
        var digits = 0
        while letters + digits < n, ASCII.isDigit(b[t.lowerBound + letters + digits]) { digits += 1 }
        if letters + digits == n {
            if letters == 0 { return n == 9 ? match(.plausible, t) : nil }
            if letters <= 3, digits >= 6, digits <= 8 {
                return Match(dataClass: .passport, strength: .validated, byteRange: t, ordinal: SharedLetterPrefix.ordinal(b, t))
            }
            return nil
        }
        // France: 99AA99999.
        if n == 9, (0..<2).allSatisfy({ ASCII.isDigit(b[t.lowerBound + $0]) }),
            (2..<4).allSatisfy({ ASCII.isUpper(b[t.lowerBound + $0]) }),
            (4..<9).allSatisfy({ ASCII.isDigit(b[t.lowerBound + $0]) })
        {
            return match(.validated, t)
        }
        // Germany: [CFGHJK] + 8 of the reduced alphabet, mixing letters and digits.
        if n == 9, "CFGHJK".utf8.contains(b[t.lowerBound]), t.allSatisfy({ Self.germanAlphabet.contains(b[$0]) }) {
            return match(.validated, t)
        }
        // Netherlands: two letters, six letters or digits, one digit (never the letter O).
        if n == 9, letters >= 2, ASCII.isDigit(b[t.upperBound - 1]), t.allSatisfy({ ASCII.isAlnum(b[$0]) && b[$0] != 0x4F }) {
            return match(.plausible, t)
        }
        return nil
    }

    private func match(_ strength: Match.Strength, _ range: Range<Int>) -> Match {
        Match(dataClass: .passport, strength: strength, byteRange: range, ordinal: nil)
    }
}
