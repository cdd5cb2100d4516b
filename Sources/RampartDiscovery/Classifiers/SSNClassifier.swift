/// Recognises US Social Security numbers: `AAA-GG-SSSS`, `AAA GG SSSS` or nine bare digits,
/// within the issuable ranges (``SSNRules``).
///
/// Delimited forms are validated evidence and are also found inside text. Nine bare digits are
/// only plausible: member ids and phone extensions look the same, so a column of them needs
/// near-total prevalence, and a column whose nine-digit values often fail the SSN rules (random
/// ids starting with 9, `000` areas) is rejected as a look-alike.
public struct SSNClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .usSSN }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: ["ssn", "social security", "socialsecurity", "sin", "tin", "taxpayer", "ss number"],
        negative: ["phone", "zip", "postal", "member", "order", "account", "ein"]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.1, plausiblePrevalence: 0.9, maxLookalikeShare: 0.02, plausibleMinSamples: 40)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 9 else { return nil }
        let t = b.trimmedRange()
        // Whole value first: it decides look-alikes.
        if let whole = parse(b, at: t.lowerBound, limit: t.upperBound), whole.end == t.upperBound {
            return Match(
                dataClass: .usSSN,
                strength: whole.valid ? (whole.delimited ? .validated : .plausible) : .lookalike,
                byteRange: t
            )
        }
        guard f.dashes + f.spaces >= 2, f.length > 11 else { return nil }
        // Inside text only delimited forms count.
        var i = t.lowerBound
        while i + 11 <= t.upperBound {
            if ASCII.isDigit(b[i]), i == 0 || !(ASCII.isAlnum(b[i - 1]) || b[i - 1] == 0x2D || b[i - 1] == 0x2E) {
                if let found = parse(b, at: i, limit: t.upperBound), found.delimited, found.valid {
                    let end = found.end
                    if end == b.count || !(ASCII.isAlnum(b[end]) || b[end] == 0x2D) {
                        return Match(dataClass: .usSSN, strength: .validated, byteRange: i..<end)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    private func parse(
        _ b: UnsafeBufferPointer<UInt8>,
        at start: Int,
        limit: Int
    ) -> (end: Int, delimited: Bool, valid: Bool)? {
        var d = [Int]()
        d.reserveCapacity(9)
        var i = start
        func take(_ n: Int) -> Bool {
            for _ in 0..<n {
                guard i < limit, ASCII.isDigit(b[i]) else { return false }
                d.append(ASCII.digitValue(b[i]))
                i += 1
            }
            return true
        }
        guard take(3) else { return nil }
        var separator: UInt8?
        if i < limit, b[i] == 0x2D || b[i] == 0x20 {
            separator = b[i]
            i += 1
        }
        guard take(2) else { return nil }
        if let s = separator {
            guard i < limit, b[i] == s else { return nil }
            i += 1
        }
        guard take(4) else { return nil }
        if i < limit, ASCII.isDigit(b[i]) { return nil }
        return (i, separator != nil, SSNRules.isValid(digits: d))
    }
}
