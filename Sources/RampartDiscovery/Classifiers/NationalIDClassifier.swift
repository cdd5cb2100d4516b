/// Recognises one national identity number written as a whole value, in its compact form or
/// grouped with spaces, dashes, dots or slashes (`943 476 5919`, `123.456.789-09`,
/// `RSSMRA85T10A562S`).
///
/// Each number's own rules and check digit (``NationalIDClassifier/all`` lists them) decide:
/// a value that passes is validated, one shaped right that fails is a look-alike. Numbers
/// inside free text are not looked for: without the column's company the short ones are too
/// easily random.
public struct NationalIDClassifier: Classifier, ByteClassifier {
    let format: any NationalIDFormat
    /// The format's count gates, copied out of the existential so the check is plain loads.
    let gate: Gate
    private let compactLengths: ClosedRange<Int>

    init(format: some NationalIDFormat) {
        self.format = format
        self.gate = Gate(digitCount: format.digitCount, letterCount: format.letterCount)
        self.compactLengths = format.compactLengths
        self.nameHints = format.nameHints
    }

    /// Whether a value's counts allow the number at all; most values fail here.
    struct Gate: Sendable {
        let digitCount: ClosedRange<Int>
        let letterCount: ClosedRange<Int>

        @inline(__always) func admits(_ f: ValueFeatures) -> Bool {
            digitCount.contains(f.digits) && letterCount.contains(f.letters) && f.length <= NationalIDClassifier.maxWritten + 8
                && f.newlines == 0 && f.nonASCII == 0
        }
    }

    public var dataClass: DataClass { format.dataClass }
    public let nameHints: ColumnNameHints
    public var columnPolicy: ColumnPolicy { format.columnPolicy }
    /// A checked national number explains digits that other shapes only resemble.
    public var supersedes: Set<DataClass> { [.phone, .usSSN, .passport, .creditCard] }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    /// Longest separator-laden form considered (`1 85 05 78 006 084 36` is 21 bytes).
    static let maxWritten = 24

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard gate.admits(f) else { return nil }
        let t = b.trimmedRange()
        guard t.count <= Self.maxWritten, !t.isEmpty else { return nil }
        let lengths = compactLengths
        var compact: [UInt8] = []
        compact.reserveCapacity(lengths.upperBound)
        var groups: [Int] = []
        var group = 0
        for i in t {
            let c = b[i]
            if ASCII.isAlnum(c) {
                compact.append(ASCII.upper(c))
                group += 1
            } else if c == 0x20 || c == 0x2D || c == 0x2E || c == 0x2F {
                guard group > 0 else { return nil }
                groups.append(group)
                group = 0
            } else {
                return nil
            }
        }
        groups.append(group)
        guard lengths.contains(compact.count) else { return nil }
        guard let strength = format.strength(compact, groups: groups) else { return nil }
        let ordinal = format.hasPersonalLetterPrefix ? SharedLetterPrefix.ordinal(b, t) : nil
        return Match(dataClass: format.dataClass, strength: strength, byteRange: t, ordinal: ordinal)
    }

    /// The default verdict, except for a number whose letters vary by person written with one
    /// shared prefix in the whole column, when its name does not say what it holds.
    public func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict? {
        if format.hasPersonalLetterPrefix, context.hint != .positive, SharedLetterPrefix.isShared(evidence.ordinals) { return nil }
        return columnPolicy.verdict(for: evidence, hint: context.hint)
    }
}

extension NationalIDClassifier {
    /// One classifier per built-in national identity number.
    public static let all: [NationalIDClassifier] = [
        NationalIDClassifier(format: UKNationalInsuranceNumber()),
        NationalIDClassifier(format: UKNHSNumber()),
        NationalIDClassifier(format: GermanTaxID()),
        NationalIDClassifier(format: FrenchNIR()),
        NationalIDClassifier(format: SpanishDNI()),
        NationalIDClassifier(format: ItalianFiscalCode()),
        NationalIDClassifier(format: DutchBSN()),
        NationalIDClassifier(format: BrazilianCPF()),
        NationalIDClassifier(format: BrazilianCNPJ()),
        NationalIDClassifier(format: IndianAadhaar()),
        NationalIDClassifier(format: IndianPAN()),
        NationalIDClassifier(format: JapaneseMyNumber()),
        NationalIDClassifier(format: ChineseResidentID()),
        NationalIDClassifier(format: KoreanRRN()),
    ]
}
