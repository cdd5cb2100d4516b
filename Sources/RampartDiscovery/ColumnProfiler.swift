/// Streams one column's values and keeps a bounded, uniformly random sample of them.
///
/// Reservoir sampling (Algorithm R) keeps at most ``sampleLimit`` non-empty values whatever the
/// row count, each truncated to ``maxValueBytes`` bytes, so a column of 1 MB strings costs a
/// bounded amount of memory. The random generator is seeded, so a scan is reproducible.
public struct ColumnProfiler: Sendable {
    /// The column's name.
    public let columnName: String
    /// Most values kept.
    public let sampleLimit: Int
    /// Longest value kept, in UTF-8 bytes.
    public let maxValueBytes: Int
    /// Values seen, including NULL and empty.
    public private(set) var valuesSeen = 0
    /// Values seen that were not NULL or empty.
    public private(set) var nonEmptySeen = 0
    /// UTF-8 bytes of all values seen.
    public private(set) var bytesSeen = 0
    /// The current sample.
    public private(set) var samples: [String] = []
    private var random: SplitMix64

    public init(
        columnName: String,
        sampleLimit: Int = 1000,
        maxValueBytes: Int = ClassificationLimits.defaultMaxInspectedBytes,
        seed: UInt64 = 0x5EED
    ) {
        self.columnName = columnName
        self.sampleLimit = max(1, sampleLimit)
        self.maxValueBytes = max(64, maxValueBytes)
        var hash: UInt64 = seed
        for b in columnName.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        self.random = SplitMix64(seed: hash)
    }

    /// Adds one value; `nil` is SQL NULL or JSON `null`.
    public mutating func add(_ value: String?) {
        valuesSeen += 1
        guard let value else { return }
        let size = value.utf8.count
        bytesSeen += size
        guard size > 0 else { return }
        nonEmptySeen += 1
        if samples.count < sampleLimit {
            samples.append(truncated(value, size))
        } else {
            let slot = Int(random.next() % UInt64(nonEmptySeen))
            if slot < sampleLimit { samples[slot] = truncated(value, size) }
        }
    }

    private func truncated(_ value: String, _ size: Int) -> String {
        // Decoding repairs a multi-byte character cut in half.
        size <= maxValueBytes ? value : String(decoding: value.utf8.prefix(maxValueBytes), as: UTF8.self)
    }

    /// Classifies the sample.
    public func classify(with classifier: ColumnClassifier = ColumnClassifier()) -> [ColumnClassification] {
        classifier.classify(columnName: columnName, values: samples.lazy.map { Optional($0) })
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
