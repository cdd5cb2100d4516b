/// Finds IPv4 and IPv6 addresses anywhere in a value (`src=10.0.0.7`, `[2001:db8::1]:443`,
/// `203.0.113.9/24`), parsed strictly by ``IPAddressParser``.
///
/// A whole value made of dot-separated numbers that is not a valid IPv4 address (`1.4.22`,
/// `3.12.40.300`, `2.1.0-rc1`) is a look-alike: a column of them holds version numbers, and the
/// four-part versions in it that happen to parse as addresses do not make it an IP column.
public struct IPAddressClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .ipAddress }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: ["ip", "ipaddr", "ipaddress", "ipv4", "ipv6", "ip address", "remote addr", "remoteaddr", "client"],
        negative: ["version", "ver", "build", "release", "mac", "oid"]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.1, plausiblePrevalence: nil, maxLookalikeShare: 0.2)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    /// The default verdict, except for columns named like a version or build, and columns of
    /// many different four-part numbers that never exceed small values (`3.17.5.12`): build
    /// numbers, which parse as addresses but are not.
    public func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict? {
        if context.hint == .negative { return nil }
        if IPv4Shape.looksLikeBuildNumbers(evidence.ordinals) { return nil }
        return columnPolicy.verdict(for: evidence, hint: context.hint)
    }

    @inline(__always) private static func isDelimiter(_ c: UInt8) -> Bool {
        ASCII.isSpace(c) || c == 0x2C || c == 0x3B || c == 0x3D || c == 0x22 || c == 0x27 || c == 0x28 || c == 0x29
            || c == 0x3C || c == 0x3E || c == 0x7C || c == 0x40
    }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 1, f.dots >= 2 || f.colons >= 2 else { return nil }
        let t = b.trimmedRange()
        var i = t.lowerBound
        var lookalike: Match?
        while i < t.upperBound {
            while i < t.upperBound, Self.isDelimiter(b[i]) { i += 1 }
            let start = i
            while i < t.upperBound, !Self.isDelimiter(b[i]) { i += 1 }
            guard i > start else { continue }
            if let range = address(in: b, start..<i) {
                return Match(dataClass: .ipAddress, strength: .validated, byteRange: range, ordinal: IPv4Shape.ordinal(b, range))
            }
            if start == t.lowerBound, i == t.upperBound, Self.isDottedNumberLookalike(b, start..<i) {
                lookalike = Match(dataClass: .ipAddress, strength: .lookalike, byteRange: start..<i)
            }
        }
        return lookalike
    }

    /// The address inside one token, stripping brackets, a port, a CIDR suffix and sentence
    /// punctuation.
    private func address(in b: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Range<Int>? {
        var lo = token.lowerBound
        var hi = token.upperBound
        while hi > lo, b[hi - 1] == 0x2E || b[hi - 1] == 0x3A || b[hi - 1] == 0x2C { hi -= 1 }
        guard hi - lo >= 2 else { return nil }
        if b[lo] == 0x5B, let close = b.firstIndex(of: 0x5D, from: lo), close < hi {  // [v6]:port
            lo += 1
            hi = close
        }
        // Text before "=" or "://" is a key or a scheme.
        var colons = 0
        var dots = 0
        for k in lo..<hi {
            if b[k] == 0x3A { colons += 1 } else if b[k] == 0x2E { dots += 1 }
        }
        if let slash = b.firstIndex(of: 0x2F, from: lo), slash < hi {
            // A CIDR suffix: "/" and 1–3 digits.
            var k = slash + 1
            while k < hi, ASCII.isDigit(b[k]) { k += 1 }
            guard k == hi, k - slash - 1 >= 1, k - slash - 1 <= 3 else { return nil }
            hi = slash
        }
        if colons >= 2 {
            return IPAddressParser.isIPv6(b, lo..<hi) ? lo..<hi : nil
        }
        guard dots == 3 else { return nil }
        if colons == 1, let colon = b.firstIndex(of: 0x3A, from: lo), colon < hi {
            // "10.0.0.1:8080"
            var k = colon + 1
            while k < hi, ASCII.isDigit(b[k]) { k += 1 }
            guard k == hi, k > colon + 1 else { return nil }
            hi = colon
        }
        return IPAddressParser.isIPv4(b, lo..<hi) ? lo..<hi : nil
    }

    /// Digits in at least three dot-separated parts, optionally with a `-suffix`, that are not
    /// an IPv4 address.
    static func isDottedNumberLookalike(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var dots = 0
        var k = r.lowerBound
        var sawDigit = false
        while k < r.upperBound {
            let c = b[k]
            if ASCII.isDigit(c) {
                sawDigit = true
            } else if c == 0x2E, sawDigit {
                dots += 1
                sawDigit = false
            } else if c == 0x2D || c == 0x2B, dots >= 2, sawDigit {
                break  // "-rc1", "+build5"
            } else {
                return false
            }
            k += 1
        }
        return dots >= 2 && !IPAddressParser.isIPv4(b, r)
    }
}
