/// What a column of IPv4 addresses looks like beyond each address: the size of the parts and
/// how many different values there are. Build and version numbers (`3.17.5.12`) parse as
/// addresses, but a column of them never has a part above a few dozen; real addresses, even in
/// one private network, soon do.
enum IPv4Shape {
    /// Fewest different addresses before the column's shape is believed.
    static let minDistinct = 8
    /// Parts below this are "small".
    static let smallPart = 100

    /// The ordinal a match records: the largest part, whether the first is 10 (a private
    /// network, whose hosts may all be small), and a hash of the text to count distinct values.
    /// IPv6 addresses record a largest part beyond any IPv4 one.
    static func ordinal(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var largest = 0
        var part = 0
        var first = -1
        var hash: UInt32 = 2_166_136_261
        for i in r {
            let c = b[i]
            hash = (hash ^ UInt32(c)) &* 16_777_619
            if ASCII.isDigit(c) {
                part = min(1_000, part * 10 + ASCII.digitValue(c))
            } else if c == 0x2E {
                if first < 0 { first = part }
                largest = max(largest, part)
                part = 0
            } else {
                largest = 1_000  // IPv6
                part = 0
            }
        }
        largest = min(1_000, max(largest, part))
        return largest << 33 | (first == 10 ? 1 << 32 : 0) | Int(hash)
    }

    /// Whether the matches' ordinals describe many different four-part numbers, all small and
    /// mostly outside 10.0.0.0/8.
    static func looksLikeBuildNumbers(_ ordinals: [Int]) -> Bool {
        guard ordinals.count >= minDistinct else { return false }
        var tenNet = 0
        for o in ordinals {
            if o >> 33 >= smallPart { return false }
            if o >> 32 & 1 == 1 { tenNet += 1 }
        }
        guard tenNet * 2 < ordinals.count else { return false }
        return Set(ordinals.lazy.map { $0 & 0xFFFF_FFFF }).count >= minDistinct
    }
}
