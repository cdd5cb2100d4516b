/// Finds an e-mail address anywhere in a value: a local part, `@`, and a domain of at least two
/// labels ending in an alphabetic top-level domain. Credentials inside URLs
/// (`postgres://user:pw@host`) are not addresses and are skipped.
public struct EmailClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .email }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(positive: ["email", "mail", "emailaddress", "e mail"], negative: ["domain", "server", "host"])

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.at > 0, f.dots > 0, f.length >= 6 else { return nil }
        var searchFrom = 0
        while let at = b.firstIndex(of: 0x40, from: searchFrom) {
            searchFrom = at + 1
            if let range = address(around: at, in: b) {
                return Match(dataClass: .email, strength: .validated, byteRange: range)
            }
        }
        return nil
    }

    @inline(__always) private static func isLocalByte(_ c: UInt8) -> Bool {
        ASCII.isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D || c == 0x27
    }

    private func address(around at: Int, in b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = at
        while start > 0, at - start < 64, Self.isLocalByte(b[start - 1]) { start -= 1 }
        while start < at, b[start] == 0x2E || b[start] == 0x27 { start += 1 }  // no leading dot or quote
        guard start < at, b[at - 1] != 0x2E else { return nil }
        if start > 0 {
            let before = b[start - 1]
            // `scheme://user:password@host` and `ssh://` style prefixes hold credentials, not addresses.
            if before == 0x3A || before == 0x2F || before == 0x40 || Self.isLocalByte(before) { return nil }
        }
        // Inside a URL ("scheme://user:p!ss@host") the "@" separates credentials from the host.
        var k = start
        while k >= 3, !ASCII.isSpace(b[k - 1]), start - k < 256 {
            if b[k - 1] == 0x2F, b[k - 2] == 0x2F, b[k - 3] == 0x3A { return nil }
            k -= 1
        }
        var end = at + 1
        var lastDot = -1
        var labelLength = 0
        while end < b.count, end - at <= 254 {
            let c = b[end]
            if ASCII.isAlnum(c) || c == 0x2D {
                labelLength += 1
                if labelLength > 63 { return nil }
            } else if c == 0x2E {
                // A dot not followed by a label character ends the address (end of a sentence).
                guard end + 1 < b.count, ASCII.isAlnum(b[end + 1]), labelLength > 0 else { break }
                lastDot = end
                labelLength = 0
            } else {
                break
            }
            end += 1
        }
        guard lastDot > at + 1 else { return nil }
        // Top-level domain: 2–24 letters.
        let tldLength = end - lastDot - 1
        guard tldLength >= 2, tldLength <= 24 else { return nil }
        for i in (lastDot + 1)..<end where !ASCII.isAlpha(b[i]) { return nil }
        // `..` is not allowed in either part.
        for i in start..<(end - 1) where b[i] == 0x2E && b[i + 1] == 0x2E { return nil }
        if b[at + 1] == 0x2D || b[at + 1] == 0x2E { return nil }
        if end < b.count, b[end] == 0x40 { return nil }
        return start..<end
    }
}
