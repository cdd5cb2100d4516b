/// The thresholds that turn per-value evidence into a column verdict.
///
/// The *prevalence* of a class is the share of a column's non-empty sampled values that hold it.
/// A column gets the class when validated evidence reaches ``minPrevalence`` (plausible evidence
/// counting along when validated evidence is the majority), or when
/// validated and plausible evidence together reach ``plausiblePrevalence`` (if the class allows
/// plausible-only evidence). A column whose class-shaped values often fail validation (order
/// numbers failing Luhn, versions shaped like IPv4) is a look-alike column and is rejected when
/// their share passes ``maxLookalikeShare``.
public struct ColumnPolicy: Sendable, Hashable, Codable {
    /// Share of non-empty values that must hold validated evidence.
    public var minPrevalence: Double
    /// Share of non-empty values holding validated or plausible evidence that is enough on its
    /// own; `nil` when plausible evidence never suffices.
    public var plausiblePrevalence: Double?
    /// Whether plausible-only evidence also needs a positive column-name hint.
    public var plausibleNeedsHint: Bool
    /// Largest tolerated share of look-alikes among all class-shaped values.
    public var maxLookalikeShare: Double
    /// Fewest non-empty values before plausible-only evidence may decide: in a small sample,
    /// random ids pass shape rules by chance (20 random 9-digit numbers are all "valid SSNs"
    /// 7 % of the time).
    public var plausibleMinSamples: Int

    public init(
        minPrevalence: Double = 0.1,
        plausiblePrevalence: Double? = 0.9,
        plausibleNeedsHint: Bool = false,
        maxLookalikeShare: Double = 0.25,
        plausibleMinSamples: Int = 30
    ) {
        self.minPrevalence = minPrevalence
        self.plausiblePrevalence = plausiblePrevalence
        self.plausibleNeedsHint = plausibleNeedsHint
        self.maxLookalikeShare = maxLookalikeShare
        self.plausibleMinSamples = plausibleMinSamples
    }

    /// The default verdict: thresholds moved by the name hint, look-alike rejection, confidence.
    public func verdict(for evidence: ColumnEvidence, hint: ColumnNameHints.Hint) -> ColumnVerdict? {
        guard evidence.nonEmptyCount > 0, evidence.matchedCount > 0 else { return nil }
        let n = Double(evidence.nonEmptyCount)
        let validatedShare = Double(evidence.validatedCount) / n
        let prevalence = Double(evidence.matchedCount) / n
        let lookalikeShare = evidence.lookalikeShare

        var minValidated = minPrevalence
        var plausibleBar = plausiblePrevalence
        var lookalikeLimit = maxLookalikeShare
        switch hint {
        case .positive:
            minValidated *= 0.5
            plausibleBar = plausibleBar.map { $0 * 0.6 }
            lookalikeLimit = min(0.5, lookalikeLimit * 1.5)
        case .negative:
            minValidated = max(0.5, minValidated * 3)
            plausibleBar = nil
            lookalikeLimit *= 0.5
        case .none:
            if plausibleNeedsHint { plausibleBar = nil }
        }
        guard lookalikeShare <= lookalikeLimit else { return nil }
        // Where validated evidence dominates, the plausible rest is the same data written more
        // loosely (a trunk-dialled number among E.164 ones) and counts with it.
        let confirmedShare = evidence.validatedCount >= evidence.plausibleCount ? prevalence : validatedShare
        let byValidated = confirmedShare >= minValidated
        let enoughSamples = evidence.nonEmptyCount >= plausibleMinSamples || hint == .positive
        let byPlausible = enoughSamples && (plausibleBar.map { prevalence >= $0 } ?? false)
        guard byValidated || byPlausible else { return nil }

        let confidence = ColumnVerdict.confidence(
            prevalence: prevalence,
            validatedFraction: Double(evidence.validatedCount) / Double(evidence.matchedCount),
            lookalikeShare: lookalikeShare,
            hint: hint
        )
        return ColumnVerdict(confidence: confidence, prevalence: prevalence)
    }
}
