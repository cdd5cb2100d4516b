/// Recognises one class of sensitive data in single values.
///
/// Classifiers are pure: no I/O, no state, no clock. ``classify(_:)`` judges one value; the
/// column verdict (``verdict(for:context:)``) judges a column from the evidence of its sampled
/// values, and has a default built from ``columnPolicy``.
///
/// ```swift
/// let match = EmailClassifier().classify("reach me at jane@example.com")
/// // match?.dataClass == .email, match?.strength == .validated
/// ```
public protocol Classifier: Sendable {
    /// The class this classifier recognises.
    var dataClass: DataClass { get }
    /// Column-name keywords that raise or lower confidence; never sufficient on their own.
    var nameHints: ColumnNameHints { get }
    /// The thresholds the default column verdict applies.
    var columnPolicy: ColumnPolicy { get }
    /// Classes whose verdict on the same column this classifier's verdict overrides: a column of
    /// NHS numbers is not also one of phone numbers because `943 476 5919` is shaped like one.
    var supersedes: Set<DataClass> { get }
    /// Judges one value; `nil` when the value holds no evidence for ``dataClass``.
    func classify(_ value: Substring) -> Match?
    /// Judges a column from the evidence of its sampled values; `nil` when the column does not
    /// hold the class.
    func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict?
}

extension Classifier {
    public var nameHints: ColumnNameHints { ColumnNameHints() }
    public var columnPolicy: ColumnPolicy { ColumnPolicy() }
    public var supersedes: Set<DataClass> { [] }

    public func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict? {
        columnPolicy.verdict(for: evidence, hint: context.hint)
    }
}

/// The fast path built-in classifiers implement: raw UTF-8 plus features counted once per value,
/// so eleven classifiers don't each walk the value to find out it has no `@` or no digits.
protocol ByteClassifier: Classifier {
    func classify(bytes: UnsafeBufferPointer<UInt8>, features: ValueFeatures) -> Match?
}

extension ByteClassifier {
    /// The public entry point of built-ins: caps the value, counts features, runs the fast path.
    func classifyValue(_ value: Substring) -> Match? {
        withCappedBytes(value, limit: ClassificationLimits.defaultMaxInspectedBytes) { bytes in
            classify(bytes: bytes, features: ValueFeatures(bytes))
        }
    }
}
