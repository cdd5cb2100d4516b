/// A tenant's own classifier, as stored and sent over the API: a pattern, an optional named
/// validator, column-name hints and thresholds. ``compile()`` turns it into a ``Classifier``.
///
/// ```json
/// {"dataClass": "EMPLOYEE_ID", "pattern": "E-[0-9]{6}", "validator": "luhn",
///  "columnNameHints": ["employee", "emp"], "minPrevalence": 0.2}
/// ```
public struct CustomClassifierDefinition: Sendable, Hashable, Codable {
    /// How the pattern is applied to a value.
    public enum MatchMode: String, Sendable, Hashable, Codable {
        /// The whole (trimmed) value must match.
        case whole
        /// A match anywhere in the value counts (free text).
        case contains
    }

    /// The class id, e.g. `"EMPLOYEE_ID"` (upper-cased; letters, digits and `_`).
    public var dataClass: String
    /// A pattern in the ``SafePattern`` dialect.
    public var pattern: String
    /// Whether ASCII letters match regardless of case.
    public var caseInsensitive: Bool?
    /// A ``NamedValidator`` name (`luhn`, `mod97`, `iban`, `us_ssn`, `ip`, `ipv4`, `ipv6`,
    /// `date`), applied to the matched text; `nil` for none.
    public var validator: String?
    /// Column-name keywords that support the class.
    public var columnNameHints: [String]?
    /// Column-name keywords that speak against the class.
    public var negativeColumnNameHints: [String]?
    /// Share of non-empty values that must match (default 0.1 with a validator, 0.5 without).
    public var minPrevalence: Double?
    /// `whole` (default) or `contains`.
    public var match: MatchMode?
    /// How many characters of a value are inspected (default 256, at most 1024).
    public var maxInspectedLength: Int?

    public init(
        dataClass: String,
        pattern: String,
        caseInsensitive: Bool? = nil,
        validator: String? = nil,
        columnNameHints: [String]? = nil,
        negativeColumnNameHints: [String]? = nil,
        minPrevalence: Double? = nil,
        match: MatchMode? = nil,
        maxInspectedLength: Int? = nil
    ) {
        self.dataClass = dataClass
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        self.validator = validator
        self.columnNameHints = columnNameHints
        self.negativeColumnNameHints = negativeColumnNameHints
        self.minPrevalence = minPrevalence
        self.match = match
        self.maxInspectedLength = maxInspectedLength
    }

    /// Validates the definition and compiles it.
    public func compile() throws(DiscoveryError) -> CustomClassifier {
        let id = dataClass.uppercased()
        guard !id.isEmpty, id.count <= 64,
            id.unicodeScalars.allSatisfy({ ($0.value < 0x80) && (Character($0).isLetter || Character($0).isNumber || $0 == "_") })
        else {
            throw DiscoveryError(.invalidDefinition, "dataClass must be 1–64 ASCII letters, digits or underscores")
        }
        var validatorValue: NamedValidator?
        if let name = validator, !name.isEmpty {
            guard let found = NamedValidator.named(name) else {
                let known = NamedValidator.all.keys.sorted().joined(separator: ", ")
                throw DiscoveryError(.unknownValidator, "unknown validator '\(name)'; known: \(known)")
            }
            validatorValue = found
        }
        if let p = minPrevalence, !(p > 0 && p <= 1) {
            throw DiscoveryError(.invalidDefinition, "minPrevalence must be in (0, 1]")
        }
        let limit = maxInspectedLength ?? 256
        guard limit >= 1, limit <= 1024 else {
            throw DiscoveryError(.invalidDefinition, "maxInspectedLength must be in 1…1024")
        }
        let compiled = try SafePattern(pattern, caseInsensitive: caseInsensitive ?? false)
        return CustomClassifier(
            dataClass: DataClass(id),
            pattern: compiled,
            validator: validatorValue,
            nameHints: ColumnNameHints(positive: Set(columnNameHints ?? []), negative: Set(negativeColumnNameHints ?? [])),
            columnPolicy: ColumnPolicy(
                minPrevalence: minPrevalence ?? (validatorValue == nil ? 0.5 : 0.1),
                plausiblePrevalence: nil,
                maxLookalikeShare: 0.25
            ),
            mode: match ?? .whole,
            maxInspectedLength: limit
        )
    }
}
