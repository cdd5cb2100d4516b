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

    /// How the hot loop runs each classifier: built-ins on the shared byte fast path (national
    /// ids behind an inline count gate, since they are many and rarely match), anything else
    /// through the public protocol. A trivial enum, so the loop copies no existentials.
    private enum Path: Sendable {
        case bytes
        case gated(NationalIDClassifier.Gate)
        case generic
    }

    private let classifierList: [any Classifier]
    private let paths: [Path]
    /// The byte fast path of each classifier that has one, by index.
    private let byteClassifiers: [(any ByteClassifier)?]
    /// The classifiers in use, in order.
    public var classifiers: [any Classifier] { classifierList }
    /// The configuration in use.
    public let configuration: Configuration

    public init(classifiers: [any Classifier] = BuiltinClassifiers.all, configuration: Configuration = Configuration()) {
        self.classifierList = classifiers
        self.byteClassifiers = classifiers.map { $0 as? any ByteClassifier }
        self.paths = classifiers.map { c in
            if let id = c as? NationalIDClassifier { return .gated(id.gate) }
            return c is any ByteClassifier ? .bytes : .generic
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
        var evidence = classifierList.map { ColumnEvidence(dataClass: $0.dataClass) }
        var samples = [[String]](repeating: [], count: classifierList.count)
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
                for index in paths.indices {
                    let match: Match?
                    switch paths[index] {
                    case .bytes:
                        match = byteClassifiers[index]?.classify(bytes: bytes, features: features)
                    case .gated(let gate):
                        guard gate.admits(features) else { continue }
                        match = byteClassifiers[index]?.classify(bytes: bytes, features: features)
                    case .generic:
                        let text = substring ?? Substring(String(decoding: bytes, as: UTF8.self))
                        substring = text
                        match = classifierList[index].classify(text)
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
        let hints = classifierList.map { $0.nameHints.hint(forWords: words) }
        return Analysis(nonEmptyCount: nonEmpty, evidence: evidence, hints: hints, maskedSamples: samples)
    }

    /// The classes `values` hold, most confident first. `nil`, empty and blank values are not
    /// counted.
    public func classify(columnName: String, values: some Sequence<String?>) -> [ColumnClassification] {
        let analysis = analyse(columnName: columnName, values: values)
        let referenceDay = configuration.referenceDay
        var results: [ColumnClassification] = []
        var superseded: Set<DataClass> = []
        for (index, classifier) in classifierList.enumerated() {
            let e = analysis.evidence[index]
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
