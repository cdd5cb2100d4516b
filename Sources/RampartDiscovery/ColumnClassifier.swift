import Foundation

/// Classifies a column from its name and a sample of its values.
///
/// Every value is offered to every classifier; per class, the evidence of all values is handed
/// to the classifier's column verdict together with the column-name hint. Values are inspected
/// up to ``Configuration/maxInspectedBytes`` bytes each, so the cost per value is bounded.
///
/// ```swift
/// let classifier = ColumnClassifier()
/// let found = classifier.classify(columnName: "contact", values: ["jane@example.com", "+44 20 7946 0018"])
/// // found.map(\.dataClass) == [.email, .phone]
/// ```
public struct ColumnClassifier: Sendable {
    /// Tunables of column classification.
    public struct Configuration: Sendable {
        /// "Today" for age-dependent rules; `nil` means the current date.
        public var referenceDate: Date?
        /// How many UTF-8 bytes of each value are inspected.
        public var maxInspectedBytes: Int
        /// Masked samples kept per class.
        public var maskedSamplesPerClass: Int

        public init(
            referenceDate: Date? = nil, maxInspectedBytes: Int = ClassificationLimits.defaultMaxInspectedBytes, maskedSamplesPerClass: Int = 3
        ) {
            self.referenceDate = referenceDate
            self.maxInspectedBytes = max(64, maxInspectedBytes)
            self.maskedSamplesPerClass = max(0, maskedSamplesPerClass)
        }

        /// The reference day as days since 1970-01-01.
        var referenceDay: Int {
            Int(((referenceDate ?? Date()).timeIntervalSince1970 / 86_400).rounded(.down))
        }
    }

    /// Built-ins run on the shared byte fast path; anything else through the public protocol.
    private enum Runner: Sendable {
        case bytes(any ByteClassifier)
        case generic(any Classifier)

        var classifier: any Classifier {
            switch self {
            case .bytes(let c): return c
            case .generic(let c): return c
            }
        }
    }

    private let runners: [Runner]
    /// The classifiers in use, in order.
    public var classifiers: [any Classifier] { runners.map(\.classifier) }
    /// The configuration in use.
    public let configuration: Configuration

    public init(classifiers: [any Classifier] = BuiltinClassifiers.all, configuration: Configuration = Configuration()) {
        self.runners = classifiers.map { c in
            if let fast = c as? any ByteClassifier { return .bytes(fast) }
            return .generic(c)
        }
        self.configuration = configuration
    }

    /// Per-class evidence of one column, before any verdict: what ``classify(columnName:values:)``
    /// decides from. Useful to explain a result ("why is this not PHONE?").
    public struct Analysis: Sendable {
        /// Non-empty values inspected.
        public var nonEmptyCount: Int
        /// Evidence per classifier, in classifier order.
        public var evidence: [ColumnEvidence]
        /// The column-name hint per classifier, in classifier order.
        public var hints: [ColumnNameHints.Hint]
        /// Masked samples per classifier, in classifier order.
        public var maskedSamples: [[String]]
    }

    /// Collects the evidence of `values` for every classifier. `nil`, empty and blank values are
    /// not counted.
    public func analyse(columnName: String, values: some Sequence<String?>) -> Analysis {
        var evidence = runners.map { ColumnEvidence(dataClass: $0.classifier.dataClass) }
        var samples = [[String]](repeating: [], count: runners.count)
        let sampleLimit = configuration.maskedSamplesPerClass
        let cap = configuration.maxInspectedBytes
        var nonEmpty = 0

        for value in values {
            guard let value else { continue }
            withCappedBytes(Substring(value), limit: cap) { bytes in
                let trimmed = bytes.trimmedRange()
                guard !trimmed.isEmpty else { return }
                nonEmpty += 1
                let features = ValueFeatures(bytes)
                var substring: Substring?
                for (index, runner) in runners.enumerated() {
                    let match: Match?
                    switch runner {
                    case .bytes(let c):
                        match = c.classify(bytes: bytes, features: features)
                    case .generic(let c):
                        if substring == nil {
                            substring = Substring(String(decoding: bytes, as: UTF8.self))
                        }
                        match = c.classify(substring!)
                    }
                    guard let match else { continue }
                    evidence[index].record(match)
                    if match.strength != .lookalike, samples[index].count < sampleLimit {
                        samples[index].append(Masker.mask(bytes, match.byteRange, as: match.dataClass))
                    }
                }
            }
        }
        for index in evidence.indices { evidence[index].nonEmptyCount = nonEmpty }
        let words = ColumnNameHints.words(of: columnName)
        let hints = runners.map { $0.classifier.nameHints.hint(forWords: words) }
        return Analysis(nonEmptyCount: nonEmpty, evidence: evidence, hints: hints, maskedSamples: samples)
    }

    /// The classes `values` hold, most confident first. `nil`, empty and blank values are not
    /// counted.
    public func classify(columnName: String, values: some Sequence<String?>) -> [ColumnClassification] {
        let analysis = analyse(columnName: columnName, values: values)
        let referenceDay = configuration.referenceDay
        var results: [ColumnClassification] = []
        var superseded: Set<DataClass> = []
        for (index, runner) in runners.enumerated() {
            let e = analysis.evidence[index]
            let classifier = runner.classifier
            let context = ColumnContext(columnName: columnName, hint: analysis.hints[index], referenceDay: referenceDay)
            guard let verdict = classifier.verdict(for: e, context: context) else { continue }
            // Two classifiers for one class (a tenant's and a built-in): keep the surer one.
            if let existing = results.firstIndex(where: { $0.dataClass == classifier.dataClass }) {
                if results[existing].confidence >= verdict.confidence { continue }
                results.remove(at: existing)
            }
            superseded.formUnion(classifier.supersedes)
            results.append(
                ColumnClassification(
                    dataClass: classifier.dataClass,
                    confidence: (verdict.confidence * 1000).rounded() / 1000,
                    prevalence: (verdict.prevalence * 1000).rounded() / 1000,
                    matchedCount: e.matchedCount,
                    sampledCount: analysis.nonEmptyCount,
                    maskedSamples: analysis.maskedSamples[index]
                )
            )
        }
        results.removeAll { superseded.contains($0.dataClass) }
        return results.sorted { ($0.confidence, $1.dataClass) > ($1.confidence, $0.dataClass) }
    }
}
