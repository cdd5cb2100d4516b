/// A classifier compiled from a ``CustomClassifierDefinition``.
///
/// A value matching the pattern and passing the validator is validated evidence; one matching
/// the pattern but failing the validator is a look-alike (so a column of Luhn-failing numbers
/// is rejected). Only the first ``maxInspectedLength`` characters of a value are inspected, and
/// at most ``maxCandidates`` matches are validated per value, so cost per value is bounded.
public struct CustomClassifier: Classifier {
    /// Most pattern matches tried per value in `contains` mode.
    public static let maxCandidates = 8

    public let dataClass: DataClass
    public let pattern: SafePattern
    public let validator: NamedValidator?
    public let nameHints: ColumnNameHints
    public let columnPolicy: ColumnPolicy
    public let mode: CustomClassifierDefinition.MatchMode
    public let maxInspectedLength: Int

    public init(
        dataClass: DataClass,
        pattern: SafePattern,
        validator: NamedValidator?,
        nameHints: ColumnNameHints,
        columnPolicy: ColumnPolicy,
        mode: CustomClassifierDefinition.MatchMode,
        maxInspectedLength: Int
    ) {
        self.dataClass = dataClass
        self.pattern = pattern
        self.validator = validator
        self.nameHints = nameHints
        self.columnPolicy = columnPolicy
        self.mode = mode
        self.maxInspectedLength = maxInspectedLength
    }

    public func classify(_ value: Substring) -> Match? {
        let scalars = Array(value.unicodeScalars.prefix(maxInspectedLength))
        var lo = 0
        var hi = scalars.count
        while lo < hi, scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo, scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        guard lo < hi else { return nil }
        let input = scalars[lo..<hi].map(\.value)

        func byteRange(_ r: Range<Int>) -> Range<Int> {
            let before = scalars[..<(lo + r.lowerBound)].reduce(0) { $0 + UTF8.width($1) }
            let inside = scalars[(lo + r.lowerBound)..<(lo + r.upperBound)].reduce(0) { $0 + UTF8.width($1) }
            return before..<(before + inside)
        }
        func text(_ r: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[(lo + r.lowerBound)..<(lo + r.upperBound)])
            return String(s)
        }

        switch mode {
        case .whole:
            guard pattern.run(input, anchored: true) != nil else { return nil }
            let all = 0..<input.count
            let valid = validator?.validate(text(all)) ?? true
            return Match(dataClass: dataClass, strength: valid ? .validated : .lookalike, byteRange: byteRange(all))
        case .contains:
            var offset = 0
            var lookalike: Match?
            for _ in 0..<Self.maxCandidates {
                guard offset < input.count, let found = pattern.run(Array(input[offset...]), anchored: false) else { break }
                let r = (found.lowerBound + offset)..<(found.upperBound + offset)
                if validator?.validate(text(r)) ?? true {
                    return Match(dataClass: dataClass, strength: .validated, byteRange: byteRange(r))
                }
                lookalike = lookalike ?? Match(dataClass: dataClass, strength: .lookalike, byteRange: byteRange(r))
                offset = max(r.upperBound, r.lowerBound + 1)
            }
            // In free text a failed candidate is just other text, unless it is the whole value.
            if let l = lookalike, l.byteRange.count == byteRange(0..<input.count).count { return l }
            return nil
        }
    }
}
