/// The structural rules of US Social Security numbers: area 001–899 except 666, group 01–99,
/// serial 0001–9999 (SSA rules since 2011 randomisation; 9xx are ITINs, not SSNs).
public enum SSNRules {
    /// Whether the three parts form an issuable SSN.
    public static func isValid(area: Int, group: Int, serial: Int) -> Bool {
        area >= 1 && area <= 899 && area != 666 && group >= 1 && group <= 99 && serial >= 1 && serial <= 9999
    }

    /// Whether nine ASCII digits form an issuable SSN.
    static func isValid(digits d: [Int]) -> Bool {
        guard d.count == 9 else { return false }
        return isValid(area: d[0] * 100 + d[1] * 10 + d[2], group: d[3] * 10 + d[4], serial: d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8])
    }

    /// Whether `text` (dashed, spaced or plain) is an issuable SSN.
    public static func isValid(_ text: String) -> Bool {
        let digits = text.utf8.filter(ASCII.isDigit).map(ASCII.digitValue)
        let others = text.utf8.filter { !ASCII.isDigit($0) && $0 != 0x2D && $0 != 0x20 }
        return others.isEmpty && isValid(digits: digits)
    }
}
