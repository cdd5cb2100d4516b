/// What the sampled values of one column said about one class.
public struct ColumnEvidence: Sendable, Hashable {
    /// The class the evidence is for.
    public var dataClass: DataClass
    /// Sampled values that were not NULL, empty or blank.
    public var nonEmptyCount = 0
    /// Values with validated evidence.
    public var validatedCount = 0
    /// Values with plausible (unconfirmed) evidence.
    public var plausibleCount = 0
    /// Values shaped like the class that failed its validation.
    public var lookalikeCount = 0
    /// ``Match/ordinal`` of each validated or plausible match that had one, in sample order.
    public var ordinals: [Int] = []

    public init(dataClass: DataClass) {
        self.dataClass = dataClass
    }

    /// Values holding the class (validated or plausible).
    public var matchedCount: Int { validatedCount + plausibleCount }

    /// Share of look-alikes among all class-shaped values.
    public var lookalikeShare: Double {
        let shaped = matchedCount + lookalikeCount
        return shaped == 0 ? 0 : Double(lookalikeCount) / Double(shaped)
    }

    /// Adds one value's match (or its absence).
    public mutating func record(_ match: Match?) {
        guard let match else { return }
        switch match.strength {
        case .validated: validatedCount += 1
        case .plausible: plausibleCount += 1
        case .lookalike:
            lookalikeCount += 1
            return
        }
        if let ordinal = match.ordinal { ordinals.append(ordinal) }
    }
}

/// What a column verdict may know besides the evidence.
public struct ColumnContext: Sendable {
    /// The column's name as the source spells it.
    public var columnName: String
    /// The hint the column name gives for the class being judged.
    public var hint: ColumnNameHints.Hint
    /// "Today" for age-dependent rules (dates of birth), as days since 1970-01-01.
    public var referenceDay: Int

    public init(columnName: String, hint: ColumnNameHints.Hint, referenceDay: Int) {
        self.columnName = columnName
        self.hint = hint
        self.referenceDay = referenceDay
    }
}

/// A classifier's judgement that a column holds its class.
public struct ColumnVerdict: Sendable, Hashable {
    /// How sure the verdict is, 0…1.
    public var confidence: Double
    /// Share of non-empty sampled values holding the class, 0…1.
    public var prevalence: Double

    public init(confidence: Double, prevalence: Double) {
        self.confidence = min(1, max(0, confidence))
        self.prevalence = min(1, max(0, prevalence))
    }

    /// The shared confidence formula: more prevalence, more validated evidence and a positive
    /// hint raise it; look-alikes and a negative hint lower it.
    public static func confidence(
        prevalence: Double,
        validatedFraction: Double,
        lookalikeShare: Double,
        hint: ColumnNameHints.Hint
    ) -> Double {
        var c = 0.45 + 0.3 * min(1, prevalence / 0.5) + 0.15 * validatedFraction - 0.4 * lookalikeShare
        switch hint {
        case .positive: c += 0.1
        case .negative: c -= 0.2
        case .none: break
        }
        return min(1, max(0, c))
    }
}
