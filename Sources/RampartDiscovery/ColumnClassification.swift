/// One class found in one column.
public struct ColumnClassification: Sendable, Hashable, Codable {
    /// The class.
    public var dataClass: DataClass
    /// How sure the verdict is, 0…1.
    public var confidence: Double
    /// Share of non-empty sampled values holding the class, 0…1.
    public var prevalence: Double
    /// Sampled values holding the class.
    public var matchedCount: Int
    /// Non-empty values sampled.
    public var sampledCount: Int
    /// A few masked examples of the evidence (never raw values).
    public var maskedSamples: [String]

    public init(
        dataClass: DataClass,
        confidence: Double,
        prevalence: Double,
        matchedCount: Int,
        sampledCount: Int,
        maskedSamples: [String] = []
    ) {
        self.dataClass = dataClass
        self.confidence = confidence
        self.prevalence = prevalence
        self.matchedCount = matchedCount
        self.sampledCount = sampledCount
        self.maskedSamples = maskedSamples
    }
}
