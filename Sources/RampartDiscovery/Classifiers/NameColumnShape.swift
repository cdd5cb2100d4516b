/// What a column of person names looks like beyond each value: many different values, nearly
/// all name-shaped, some of them names the lists know. A column of family names holds many
/// the lists have never seen (`Pichler`, `Wallner`); a column of statuses or departments holds
/// capitalised words too, but few different ones.
enum NameColumnShape {
    /// Fewest different values.
    static let minDistinct = 10
    /// Fewest non-empty values before the shape is believed.
    static let minSamples = 20

    /// The ordinal a name match records: a hash of the value (to count distinct values) and
    /// whether it was a single word no list knows.
    static func ordinal(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, singleUnknownWord: Bool) -> Int {
        var hash: UInt32 = 2_166_136_261
        for i in r { hash = (hash ^ UInt32(ASCII.lower(b[i]))) &* 16_777_619 }
        return (singleUnknownWord ? 1 << 32 : 0) | Int(hash)
    }

    /// How many matches were single unknown words.
    static func singleUnknownWords(_ ordinals: [Int]) -> Int {
        ordinals.reduce(0) { $0 + ($1 >> 32 & 1) }
    }

    /// Whether the evidence describes a column of names: 80 % name shaped, few look-alikes, many
    /// different values, and at least 10 % listed names unless the column's name says it holds
    /// names (`Familienname`, `nom_de_famille`).
    static func holdsNames(_ e: ColumnEvidence, namedForNames: Bool) -> Bool {
        guard e.nonEmptyCount >= minSamples, e.lookalikeShare <= 0.1 else { return false }
        let n = Double(e.nonEmptyCount)
        guard namedForNames || Double(e.validatedCount) >= 0.1 * n, Double(e.matchedCount) >= 0.8 * n else { return false }
        let distinct = Set(e.ordinals.lazy.map { $0 & 0xFFFF_FFFF }).count
        return distinct >= minDistinct && Double(distinct) >= 0.05 * Double(e.matchedCount)
    }
}
