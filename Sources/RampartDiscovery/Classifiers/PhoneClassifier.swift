/// Finds a telephone number anywhere in a value.
///
/// Accepted shapes, each checked rather than pattern-matched:
/// - international: `+` or `00`, a real ITU country calling code, 8–15 digits in all (E.164);
/// - North American: `(415) 555-0134`, `415-555-0134`, `415.555.0134`, `1-415-555-0134`, with
///   area and exchange codes starting 2–9 and separators present;
/// - national with a trunk `0` (`020 7946 0018`, `03-1234-5678`): 10–12 digits in groups
///   (plausible only, since account numbers can look the same).
///
/// Bare digit strings are not phone numbers: they are ids, timestamps and tracking numbers far
/// more often. SSN (3-2-4) and card (4-4-4-4) groupings are rejected by construction.
public struct PhoneClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .phone }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: ["phone", "tel", "telephone", "mobile", "cell", "fax", "msisdn", "phonenumber", "contact"],
        negative: ["id", "ext"]
    )

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    /// Longest candidate run considered; longer digit runs are not phone numbers.
    private static let maxRun = 32

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 8 else { return nil }
        var best: Match?
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            guard c == 0x2B || c == 0x28 || ASCII.isDigit(c) else {
                i += 1
                continue
            }
            if i > 0 {
                let p = b[i - 1]
                if ASCII.isAlnum(p) || p == 0x2E || p == 0x2D || p == 0x2F || p == 0x5F || p == 0x40 || p == 0x23
                    || p == 0x2B || p == 0x24 || p == 0x2A
                {
                    // Inside a larger token: skip the rest of the token.
                    i += 1
                    while i < n, ASCII.isAlnum(b[i]) { i += 1 }
                    continue
                }
            }
            let (runEnd, runDigits) = scanRun(b, from: i)
            // Fewer than 8 digits is never a phone number here; most runs (amounts, dates) stop here.
            if runDigits < 8 || b.continuesIBAN(at: i) {
                i = max(runEnd, i + 1)
                continue
            }
            // Separators after the last digit ("… 555-0134. Thanks") belong to the sentence.
            var digitsEnd = runEnd
            while digitsEnd > i, !ASCII.isDigit(b[digitsEnd - 1]), b[digitsEnd - 1] != 0x29 { digitsEnd -= 1 }
            if let match = evaluate(b, i..<digitsEnd) {
                if match.strength == .validated { return match }
                best = best ?? match
            }
            i = max(runEnd, i + 1)
        }
        return best
    }

    /// The end of a run of digits and phone separators starting at `start`.
    private func scanRun(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, digits: Int) {
        var j = start
        var digits = 0
        var separatorsInARow = 0
        while j < b.count, j - start < Self.maxRun {
            let c = b[j]
            if ASCII.isDigit(c) {
                digits += 1
                separatorsInARow = 0
            } else if (c == 0x20 || c == 0x2D || c == 0x2E || c == 0x28 || c == 0x29) || (c == 0x2B && j == start) {
                separatorsInARow += 1
                if separatorsInARow > 2 { break }
            } else {
                break
            }
            j += 1
        }
        return (j, digits)
    }

    private func evaluate(_ b: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Match? {
        // Split into digit groups, noting the separators used.
        var groups: [Range<Int>] = []
        var groupStart = -1
        var plus = false
        var openParen = -1
        var parenGroup = -1
        var separatorKinds: Set<UInt8> = []
        for k in run {
            let c = b[k]
            if ASCII.isDigit(c) {
                if groupStart < 0 { groupStart = k }
                continue
            }
            if groupStart >= 0 {
                groups.append(groupStart..<k)
                groupStart = -1
            }
            switch c {
            case 0x2B: plus = true
            case 0x28:
                if openParen >= 0 || parenGroup >= 0 { return nil }
                openParen = groups.count
            case 0x29:
                guard openParen == groups.count - 1 else { return nil }
                parenGroup = openParen
                openParen = -1
            default: separatorKinds.insert(c)
            }
        }
        if groupStart >= 0 { groups.append(groupStart..<run.upperBound) }
        // An unmatched "(" can only be a stray opening bracket before the number.
        if openParen > 0 { return nil }
        guard !groups.isEmpty else { return nil }
        // The run may have swallowed a trailing number ("call 415-555-0134 3 times"): try the
        // longest prefix of groups first.
        var count = groups.count
        while count >= 1 {
            let prefix = Array(groups[0..<count])
            let end = prefix[count - 1].upperBound
            if end < b.count, ASCII.isAlpha(b[end]) {
                count -= 1
                continue
            }
            // Only a space sets a trailing number apart; `123.456.789.012` is one number.
            if count < groups.count, b[end] != 0x20 { return nil }
            if let strength = judge(b, prefix, plus: plus, parenGroup: parenGroup, separators: separatorKinds) {
                let start = plus ? run.lowerBound : (parenGroup == 0 ? prefix[0].lowerBound - 1 : prefix[0].lowerBound)
                return Match(dataClass: .phone, strength: strength, byteRange: start..<end)
            }
            count -= 1
        }
        return nil
    }

    private func judge(
        _ b: UnsafeBufferPointer<UInt8>,
        _ groups: [Range<Int>],
        plus: Bool,
        parenGroup: Int,
        separators: Set<UInt8>
    ) -> Match.Strength? {
        var digits: [Int] = []
        digits.reserveCapacity(16)
        for g in groups { for k in g { digits.append(ASCII.digitValue(b[k])) } }
        let sizes = groups.map(\.count)
        let total = digits.count
        if plus || (digits.count > 2 && digits[0] == 0 && digits[1] == 0 && groups.count >= 2 && sizes[0] >= 2) {
            let national = plus ? digits : Array(digits.dropFirst(2))
            if !plus, sizes[0] != 2, sizes[0] > 4 { return nil }
            guard national.count >= 8, national.count <= 15, Self.hasCallingCode(national) else { return nil }
            // NANP numbers after +1 must still have valid area and exchange codes.
            if national[0] == 1 {
                guard national.count == 11, national[1] >= 2, national[4] >= 2 else { return nil }
            }
            // Where the country's plan is known, the number after the code must fit it ("+33 (0)6 …"
            // keeps its trunk 0 in brackets); a misfit is still shaped like a phone number.
            if let (plans, nsn) = NumberingPlans.international(national) {
                let withoutTrunk = nsn.first == 0 ? nsn.dropFirst() : nsn
                return plans.contains(where: { $0.fits(nsn) || $0.fits(withoutTrunk) }) ? .validated : .plausible
            }
            return .validated
        }
        // North American Numbering Plan: [1] AAA EEE LLLL.
        var g = sizes
        var d = digits
        if g.count == 4, g[0] == 1, d[0] == 1 {
            g.removeFirst()
            d.removeFirst()
        }
        if g == [3, 3, 4], d[0] >= 2, d[3] >= 2, !(separators.isEmpty && parenGroup < 0) {
            if separators.contains(0x2E), separators.count > 1 { return nil }
            return .validated
        }
        if let strength = Self.nationalStrength(digits, sizes: sizes, separators: separators) { return strength }
        // National numbers dialled with a trunk 0.
        if total >= 10, total <= 12, digits[0] == 0, digits[1] != 0, groups.count >= 2,
            sizes.allSatisfy({ $0 >= 2 }), sizes[0] <= 5, sizes != [3, 2, 4], !separators.contains(0x2E) || separators.count == 1
        {
            return .plausible
        }
        return nil
    }

    /// A national number (no country code) that fits a country's numbering plan: dialled with its
    /// trunk prefix (`03-1234-5678`, `02-123-4567`, a bare `09012345678`), or without one
    /// (`612 345 678`, `333 123 4567`, `(11) 91234-5678`, a bare Chinese mobile `13812345678`).
    /// Only plausible: the country is unknown and account numbers can look the same, so a
    /// column needs most of its values shaped so.
    static func nationalStrength(_ d: [Int], sizes: [Int], separators: Set<UInt8>) -> Match.Strength? {
        let total = d.count
        // Nine digits at least: eight-digit runs are dates (`15.01.1985`) far more often.
        guard total >= 9, total <= 13, sizes != [3, 2, 4], sizes != [4, 4, 4, 4] else { return nil }
        guard separators.count <= 1 || (separators.count == 2 && separators.contains(0x20)) else { return nil }
        // Dates and timestamps (`2024-01-05 12:34`, `05.01.2024 12`) are digit groups too.
        if sizes.count >= 3, sizes[0..<3] == [4, 2, 2] || sizes[0..<3] == [2, 2, 4] { return nil }
        if sizes.count == 1 {
            // Bare digits only where mobiles are written so: a trunk 0 and a mobile range
            // (`08012345678`, `07700900123`), or China's eleven-digit `1[3-9]…` mobiles.
            if d[0] == 0, total >= 10, total <= 11,
                NumberingPlans.withTrunkPrefix.contains(where: { $0.trunkPrefix == [0] && $0.fitsMobile(d[1...]) })
            {
                return .plausible
            }
            if total == 11, d[0] == 1, d[1] >= 3 { return .plausible }
            return nil
        }
        guard sizes.allSatisfy({ $0 >= 2 }), sizes[0] <= 5 else { return nil }
        if d[0] == 0 {
            // An area code, then the subscriber number whole or in groups (`010-12345678`).
            return sizes.dropFirst().allSatisfy({ $0 <= 8 }) && NumberingPlans.fitsTrunkDialled(d) ? .plausible : nil
        }
        guard sizes.allSatisfy({ $0 <= 5 }), total <= 11 else { return nil }
        guard sizes.count <= 4 else { return nil }
        return NumberingPlans.fitsMobileWithoutTrunk(d) || NumberingPlans.fitsTrunkless(d) ? .plausible : nil
    }

    /// Whether the digits start with an assigned ITU-T E.164 country calling code.
    static func hasCallingCode(_ d: [Int]) -> Bool {
        guard d.count >= 3, d[0] != 0 else { return false }
        if d[0] == 1 || d[0] == 7 { return true }
        let two = d[0] * 10 + d[1]
        if twoDigitCodes.contains(two) { return true }
        return threeDigitZones.contains(two)
    }

    private static let twoDigitCodes: Set<Int> = [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
        60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ]
    private static let threeDigitZones: Set<Int> = [
        21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50, 59, 67, 68, 69, 85, 87, 88, 96, 97, 99,
    ]
}
