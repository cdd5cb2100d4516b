/// Value formats the multilingual corpora share: dates, grouped numbers and barcodes. The
/// corpora keep their own name, street and place lists; only these mechanical formats are common.
enum EvalFormats {
    typealias I = EvalIdentifiers

    /// Year in `years`, month, day (1–28).
    static func ymd(_ r: inout EvalRandom, _ years: ClosedRange<Int>) -> (Int, Int, Int) {
        (r.int(years), r.int(1...12), r.int(1...28))
    }

    /// `dd<sep>mm<sep>yyyy` with a year in `years`.
    static func dmy(_ r: inout EvalRandom, _ years: ClosedRange<Int>, _ separator: String) -> String {
        let (y, m, d) = ymd(&r, years)
        return "\(I.format2(d))\(separator)\(I.format2(m))\(separator)\(y)"
    }

    /// `yyyy-mm-dd` with a year in `years`.
    static func iso(_ r: inout EvalRandom, _ years: ClosedRange<Int>) -> String {
        let (y, m, d) = ymd(&r, years)
        return "\(y)-\(I.format2(m))-\(I.format2(d))"
    }

    /// A subscriber number of `count` digits that does not start with 0 or 1.
    static func sub(_ r: inout EvalRandom, _ count: Int) -> String {
        "\(r.int(2...9))\(r.digits(count - 1))"
    }

    /// `n` with `separator` between groups of three digits.
    static func thousands(_ n: Int, _ separator: String) -> String {
        var head = String(n)
        var groups: [String] = []
        while head.count > 3 {
            groups.insert(String(head.suffix(3)), at: 0)
            head = String(head.dropLast(3))
        }
        groups.insert(head, at: 0)
        return groups.joined(separator: separator)
    }

    /// `n` grouped the Indian way (lakh, crore): 4,50,000.
    static func lakhs(_ n: Int) -> String {
        let s = String(n)
        guard s.count > 3 else { return s }
        var head = String(s.dropLast(3))
        var groups = [String(s.suffix(3))]
        while head.count > 2 {
            groups.insert(String(head.suffix(2)), at: 0)
            head = String(head.dropLast(2))
        }
        groups.insert(head, at: 0)
        return groups.joined(separator: ",")
    }

    /// An EAN-13 barcode starting with `prefix` (a GS1 country prefix), with its check digit.
    static func ean13(_ prefix: String, _ r: inout EvalRandom) -> String {
        let body = prefix + r.digits(12 - prefix.count)
        var sum = 0
        for (i, ch) in body.enumerated() { sum += Int(String(ch))! * (i % 2 == 0 ? 1 : 3) }
        return body + String((10 - sum % 10) % 10)
    }
}
