/// One classifier's verdict on one value.
///
/// A match never stores the value itself, only where in the value the evidence lies, so results
/// built from matches cannot leak raw data by accident.
public struct Match: Sendable, Hashable {
    /// How strong the evidence in a single value is.
    public enum Strength: Int, Sendable, Hashable, Comparable, Codable {
        /// Shaped like the class but failing its validation (a 16-digit number failing Luhn, a
        /// dotted quad with an octet above 255). Such values make a column *less* likely to hold
        /// the class: they are what look-alike columns (order numbers, versions) are made of.
        case lookalike = 0
        /// Shaped like the class, with no checksum or rule to confirm it (a bare 9-digit number,
        /// a date that could be a birth date, a capitalised word that could be a name).
        case plausible = 1
        /// Shaped like the class and confirmed by its rules (Luhn, MOD 97, SSN ranges, a parsed
        /// address, a known credential prefix).
        case validated = 2

        public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The class the evidence is for.
    public var dataClass: DataClass
    /// How strong the evidence is.
    public var strength: Strength
    /// The UTF-8 byte offsets of the evidence inside the classified value, used for masking.
    public var byteRange: Range<Int>
    /// A class-specific number the column verdict may use; for dates of birth, the day number
    /// (days since 1970-01-01) of the parsed date.
    public var ordinal: Int?

    public init(dataClass: DataClass, strength: Strength, byteRange: Range<Int>, ordinal: Int? = nil) {
        self.dataClass = dataClass
        self.strength = strength
        self.byteRange = byteRange
        self.ordinal = ordinal
    }
}
