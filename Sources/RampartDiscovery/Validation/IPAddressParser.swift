/// Strict IPv4 and IPv6 text parsing (RFC 4291 §2.2 forms, including `::` and a dotted IPv4
/// tail). No backtracking: each parser walks its bytes once.
public enum IPAddressParser {
    /// Whether `text` is an IPv4 address in dotted-quad form (no leading zeros).
    public static func isIPv4(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { isIPv4($0, $0.indices) }
    }

    /// Whether `text` is an IPv6 address.
    public static func isIPv6(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { isIPv6($0, $0.indices) }
    }

    static func isIPv4(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        var leadingZero = false
        var i = r.lowerBound
        while i <= r.upperBound {
            let end = i == r.upperBound
            let c: UInt8 = end ? 0x2E : b[i]
            if ASCII.isDigit(c) {
                if digits == 0 { leadingZero = c == 0x30 } else if leadingZero { return false }
                value = value * 10 + ASCII.digitValue(c)
                digits += 1
                if digits > 3 || value > 255 { return false }
            } else if c == 0x2E {
                guard digits > 0 else { return false }
                parts += 1
                if parts > 4 { return false }
                value = 0
                digits = 0
            } else {
                return false
            }
            i += 1
        }
        return parts == 4
    }

    static func isIPv6(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let n = r.count
        guard n >= 2, n <= 45 else { return false }
        var groups = 0
        var sawDouble = false
        var i = r.lowerBound
        let end = r.upperBound
        if b[i] == 0x3A {
            guard i + 1 < end, b[i + 1] == 0x3A else { return false }
            sawDouble = true
            i += 2
            if i == end { return true }
        }
        while i < end {
            // One group: 1–4 hex digits, or a dotted IPv4 tail taking two groups.
            var j = i
            while j < end, ASCII.isHex(b[j]), j - i < 5 { j += 1 }
            if j < end, b[j] == 0x2E {
                guard isIPv4(b, i..<end) else { return false }
                groups += 2
                i = end
                break
            }
            let len = j - i
            guard len >= 1, len <= 4 else { return false }
            groups += 1
            i = j
            if i == end { break }
            guard b[i] == 0x3A else { return false }
            i += 1
            if i < end, b[i] == 0x3A {
                guard !sawDouble else { return false }
                sawDouble = true
                i += 1
                if i == end { break }
            } else if i == end {
                return false
            }
        }
        return sawDouble ? groups <= 7 : groups == 8
    }
}
