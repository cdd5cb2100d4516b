/// Character counts of one value, taken in a single pass and shared by every built-in
/// classifier so each can reject a value cheaply before looking closer.
struct ValueFeatures: Sendable {
    var length = 0
    var digits = 0
    var upper = 0
    var lower = 0
    var spaces = 0
    var newlines = 0
    var at = 0
    var dots = 0
    var colons = 0
    var dashes = 0
    var plus = 0
    var slashes = 0
    var underscores = 0
    var nonASCII = 0

    var letters: Int { upper + lower }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        for b in bytes {
            switch b {
            case 0x30...0x39: digits &+= 1
            case 0x41...0x5A: upper &+= 1
            case 0x61...0x7A: lower &+= 1
            case 0x20, 0x09: spaces &+= 1
            case 0x0A, 0x0D: newlines &+= 1
            case 0x40: at &+= 1
            case 0x2E: dots &+= 1
            case 0x3A: colons &+= 1
            case 0x2D: dashes &+= 1
            case 0x2B: plus &+= 1
            case 0x2F: slashes &+= 1
            case 0x5F: underscores &+= 1
            case 0x80...: nonASCII &+= 1
            default: break
            }
        }
    }
}

/// ASCII byte predicates; the built-ins scan UTF-8 directly, since every delimiter they care
/// about is ASCII and non-ASCII bytes simply never match.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b & ~0x20 : b }
    @inline(__always) static func digitValue(_ b: UInt8) -> Int { Int(b &- 0x30) }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The range without leading and trailing ASCII whitespace.
    func trimmedRange() -> Range<Int> {
        var lo = 0
        var hi = count
        while lo < hi, ASCII.isSpace(self[lo]) { lo += 1 }
        while hi > lo, ASCII.isSpace(self[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Whether the bytes at `offset` equal `literal` (ASCII, case-sensitive).
    func hasBytes(_ literal: StaticString, at offset: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset >= 0, offset + n <= count else { return false }
        let p = literal.utf8Start
        for i in 0..<n where self[offset + i] != p[i] { return false }
        return true
    }

    /// Whether the bytes at `offset` equal `literal`, ignoring ASCII case.
    func hasBytesIgnoringCase(_ literal: StaticString, at offset: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset >= 0, offset + n <= count else { return false }
        let p = literal.utf8Start
        for i in 0..<n where ASCII.lower(self[offset + i]) != ASCII.lower(p[i]) { return false }
        return true
    }

    /// First index of `byte` at or after `from`, if any.
    func firstIndex(of byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < count {
            if self[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// Whether `literal` occurs anywhere (ASCII, case-sensitive). Linear for the short literals used.
    func contains(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard n > 0, n <= count else { return false }
        let first = literal.utf8Start[0]
        var i = 0
        while i + n <= count {
            if self[i] == first, hasBytes(literal, at: i) { return true }
            i += 1
        }
        return false
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the digits starting at `start` continue a grouped IBAN (`DE89 3704 0044 …`): the
    /// previous word, after one space, is two letters and two digits, or a group of four
    /// letters and digits that itself continues one. Card and phone scanners skip such runs.
    func continuesIBAN(at start: Int) -> Bool {
        var end = start
        var hops = 0
        while end >= 2, self[end - 1] == 0x20, hops < 8 {
            let wordEnd = end - 1
            var wordStart = wordEnd
            while wordStart > 0, ASCII.isAlnum(self[wordStart - 1]) { wordStart -= 1 }
            let length = wordEnd - wordStart
            if length == 4, ASCII.isUpper(self[wordStart]), ASCII.isUpper(self[wordStart + 1]),
                ASCII.isDigit(self[wordStart + 2]), ASCII.isDigit(self[wordStart + 3])
            {
                return true
            }
            guard length == 4 else { return false }
            end = wordStart
            hops += 1
        }
        return false
    }
}
