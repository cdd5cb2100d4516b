/// Recognises dates of birth.
///
/// A single value can only say "this is a date" (``DateParser``; values with a time of day are
/// events, not birthdays). Whether a column of dates holds *birth* dates is decided from the
/// whole column, relative to a reference day ("today"):
/// - people are born in the past, and nearly all of them at least a few years ago: event dates
///   (hires, signatures, creation) run up to the present, so a column whose youngest 2 % are
///   under ``minYoungestAge`` years old is not one of birth dates;
/// - the median age of a customer or employee base is adult;
/// - nobody is older than ``maxAge``.
/// A column name such as `dob` or `birth_date` relaxes the age rules; `hired_on` or `created`
/// forbids the class unless the content is unambiguous.
public struct DateOfBirthClassifier: Classifier, ByteClassifier {
    /// Youngest age (in years) the 5th percentile may have without a name hint.
    public var minYoungestAge: Double
    /// Median age (in years) a column needs without a name hint.
    public var minMedianAge: Double
    /// Oldest plausible age in years.
    public var maxAge: Double

    public init(minYoungestAge: Double = 10, minMedianAge: Double = 22, maxAge: Double = 120) {
        self.minYoungestAge = minYoungestAge
        self.minMedianAge = minMedianAge
        self.maxAge = maxAge
    }

    /// Without a name hint, the median age and the spread (2nd to 98th percentile, years) that
    /// make a column with young members a column of birth dates.
    static let generationsMedianAge = 30.0
    static let generationsSpan = 50.0

    public var dataClass: DataClass { .dateOfBirth }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: [
            "dob", "birth", "birthday", "bday", "birthdate", "born", "date of birth", "geburtsdatum", "geburtstag", "naissance",
            "nacimiento", "nascita", "nascimento", "geboortedatum", "urodzenia", "dogum", "рождения", "生年月日", "出生日期", "생년월일",
            "narozeni", "narození", "narodenia", "fodelsedatum", "födelsedatum", "fodelsedag", "födelsedag", "fodselsdato", "fødselsdato",
            "syntymaaika", "syntymäaika", "szuletesi", "születési", "nasterii", "nașterii", "γέννησης", "rodjenja", "rođenja",
        ],
        negative: [
            "hire", "hired", "created", "updated", "modified", "signed", "opened", "started", "start", "end",
            "expiry", "expires", "expiration", "issued", "issue", "due", "shipped", "joined", "paid", "closed",
            "deleted", "order", "invoice", "booking", "valid", "embauche", "eintritt", "einstellung", "contratacion", "alta",
            "assunzione", "admissao", "indienst", "入社日", "入社", "입사일",
        ]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.5, plausiblePrevalence: 0.5, maxLookalikeShare: 0.2)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 5, f.length >= 8, f.length <= 40, f.colons == 0, f.newlines == 0 else { return nil }
        let t = b.trimmedRange()
        guard let date = DateParser.parse(b, t, basicForm: true) else { return nil }
        return Match(dataClass: .dateOfBirth, strength: .plausible, byteRange: t, ordinal: date.dayNumber)
    }

    public func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict? {
        guard evidence.nonEmptyCount > 0 else { return nil }
        let prevalence = Double(evidence.matchedCount) / Double(evidence.nonEmptyCount)
        let needed = context.hint == .positive ? 0.3 : 0.5
        guard prevalence >= needed, evidence.ordinals.count >= 3 else { return nil }
        let ages = evidence.ordinals.map { Double(context.referenceDay - $0) / 365.2425 }.sorted()
        let future = ages.filter { $0 < 0 }.count
        let tooOld = ages.filter { $0 > maxAge }.count
        // Birth dates are never in the future and rarely past 120.
        guard Double(future + tooOld) / Double(ages.count) <= 0.01 else { return nil }
        // The 2nd percentile: the very youngest in small samples, robust to a stray typo in large ones.
        let youngest = ages[ages.count / 50]
        let median = ages[ages.count / 2]
        let ageOK: Bool
        switch context.hint {
        case .positive:
            ageOK = median >= 1
        case .negative:
            // Named like an event date: only an unmistakable adult population overrides the name.
            ageOK = youngest >= 2 * minYoungestAge && median >= 1.5 * minMedianAge
        case .none:
            // Patients and customers include children: a population may reach age zero when its
            // median is well into adulthood and it spans generations, which event dates (hires,
            // orders, visits: mostly recent, a few decades at most) do not.
            let oldest = ages[ages.count - 1 - ages.count / 50]
            ageOK =
                (youngest >= minYoungestAge && median >= minMedianAge)
                || (median >= Self.generationsMedianAge && oldest - youngest >= Self.generationsSpan)
        }
        guard ageOK else { return nil }
        var confidence = 0.5 + 0.25 * min(1, prevalence) + min(0.15, (youngest - minYoungestAge) / 40)
        if context.hint == .positive { confidence += 0.15 }
        if context.hint == .negative { confidence -= 0.25 }
        return ColumnVerdict(confidence: confidence, prevalence: prevalence)
    }
}
