/// The shape of one country's telephone numbers: its calling code, its trunk prefix, the
/// lengths of its national significant numbers (fixed and mobile) and the leading digits of its
/// fixed-line and mobile ranges.
struct NumberingPlan: Sendable {
    /// ISO 3166 region code, e.g. `"DE"`.
    let region: String
    /// ITU-T E.164 country calling code.
    let callingCode: Int
    /// The digits dialled before a national number inside the country (`0`, `8`, `06`), as
    /// digit values; empty when numbers are dialled without one (Spain, Italy, Norway).
    let trunkPrefix: [Int]
    /// Lengths of national significant numbers, one bit per length.
    let lengthMask: UInt32
    /// Leading digits of fixed-line numbers (national significant number), one or two digits each.
    let fixedPrefixes: [[Int]]
    /// Leading digits of mobile numbers, one or two digits each.
    let mobilePrefixes: [[Int]]

    init(_ region: String, _ callingCode: Int, trunk: String, lengths: [Int], fixed: String, mobile: String) {
        self.region = region
        self.callingCode = callingCode
        self.trunkPrefix = trunk.utf8.map(ASCII.digitValue)
        self.lengthMask = lengths.reduce(0) { $0 | (1 << UInt32($1)) }
        self.fixedPrefixes = fixed.split(separator: " ").map { $0.utf8.map(ASCII.digitValue) }
        self.mobilePrefixes = mobile.split(separator: " ").map { $0.utf8.map(ASCII.digitValue) }
    }

    /// Whether a national significant number of `length` digits exists.
    func allows(length: Int) -> Bool { length > 0 && length < 32 && lengthMask & (1 << UInt32(length)) != 0 }

    /// Whether `nsn` (a national significant number) is as long as the plan's numbers and starts
    /// like one of its fixed-line or mobile ranges.
    func fits(_ nsn: ArraySlice<Int>) -> Bool {
        guard allows(length: nsn.count) else { return false }
        return fixedPrefixes.contains { nsn.starts(with: $0) } || mobilePrefixes.contains { nsn.starts(with: $0) }
    }

    /// Whether `nsn` is as long as the plan's numbers and starts like one of its mobiles.
    func fitsMobile(_ nsn: ArraySlice<Int>) -> Bool {
        guard allows(length: nsn.count) else { return false }
        return mobilePrefixes.contains { prefix in nsn.starts(with: prefix) }
    }
}
