/// A column whose values all begin with the same letters (`PZ0012345`, `JP104233`) holds an
/// organisation's own ids, not passport or National Insurance numbers: those start with letters
/// that vary from person to person (issuing office, series, region).
///
/// A match records its leading letters as its ordinal (``ordinal(_:_:)``), and the verdict asks
/// ``isShared(_:)`` of the column's ordinals.
enum SharedLetterPrefix {
    /// Fewest prefixed values before a shared prefix is believed to be a house style.
    static let minSamples = 10

    /// The value's leading upper-case ASCII letters (at most 4) packed into an ordinal, or `nil`
    /// when it starts with none.
    static func ordinal(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Int? {
        var packed = 0
        var count = 0
        var i = t.lowerBound
        while i < t.upperBound, count < 4, ASCII.isUpper(b[i]) {
            packed = packed << 8 | Int(b[i])
            count += 1
            i += 1
        }
        return count == 0 ? nil : packed
    }

    /// Whether every prefixed value of a large enough sample starts with the same two or more
    /// letters. One shared letter is not enough: some countries' passports all start with one
    /// (China `E`, Korea `M`, Switzerland `X`), and missing a passport column costs more than
    /// flagging a house-id column.
    static func isShared(_ ordinals: [Int]) -> Bool {
        guard ordinals.count >= minSamples, let first = ordinals.first, first > 0xFF else { return false }
        return ordinals.allSatisfy { $0 == first }
    }
}
