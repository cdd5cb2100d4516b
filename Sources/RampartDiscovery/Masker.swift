/// Produces masked samples that show what kind of value was found without revealing it:
/// `j***@example.com`, `**** **** **** 1234`, `***-**-6789`, `203.0.*.*`.
///
/// Masked samples are the only trace of values a report keeps. They are capped at
/// ``maxLength`` characters.
public enum Masker {
    /// Longest masked sample, in characters.
    public static let maxLength = 48

    /// The masked form of `value` for `dataClass` (the whole value is treated as the evidence).
    public static func mask(_ value: String, as dataClass: DataClass) -> String {
        let bytes = Array(value.utf8)
        return bytes.withUnsafeBufferPointer { mask($0, $0.indices, as: dataClass) }
    }

    static func mask(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, as dataClass: DataClass) -> String {
        let r = range.clamped(to: 0..<b.count)
        let evidence = Array(b[r])
        var out: [UInt8]
        switch dataClass {
        case .email:
            out = maskEmail(evidence)
        case .creditCard, .usSSN, .phone, .iban, .passport:
            out = keepLast(evidence, 4 - (dataClass == .passport || dataClass == .phone ? 2 : 0), keepPrefix: dataClass == .iban ? 2 : 0)
        case .ipAddress:
            out = maskIP(evidence)
        case .personName, .streetAddress:
            out = keepInitials(evidence)
        case .secret:
            out = keepPrefixOnly(evidence)
        default:
            out = keepLast(evidence, 2, keepPrefix: 0)
        }
        var text = String(decoding: out, as: UTF8.self)
        text = text.replacingNewlines()
        if text.count > maxLength { text = String(text.prefix(maxLength - 1)) + "…" }
        return text
    }

    private static func isSecretChar(_ c: UInt8) -> Bool { ASCII.isAlnum(c) || c >= 0x80 }

    /// Masks every letter and digit except the last `keep` (and the first `keepPrefix`).
    private static func keepLast(_ e: [UInt8], _ keep: Int, keepPrefix: Int) -> [UInt8] {
        let total = e.filter(isSecretChar).count
        var seen = 0
        return e.map { c in
            guard isSecretChar(c) else { return c }
            seen += 1
            return seen <= keepPrefix || seen > total - keep ? c : 0x2A
        }
    }

    private static func maskEmail(_ e: [UInt8]) -> [UInt8] {
        guard let at = e.firstIndex(of: 0x40), at > 0 else { return keepLast(e, 0, keepPrefix: 0) }
        return [e[0]] + Array("***".utf8) + e[at...]
    }

    private static func maskIP(_ e: [UInt8]) -> [UInt8] {
        guard e.contains(0x3A) || e.filter({ $0 == 0x2E }).count == 3 else { return keepLast(e, 0, keepPrefix: 0) }
        if e.contains(0x3A) {
            // IPv6: keep the first group (the network's routing prefix says little about a host).
            let first = e.prefix(while: { $0 != 0x3A })
            return Array(first) + Array(":****:****".utf8)
        }
        var dots = 0
        return e.map { c in
            if c == 0x2E {
                dots += 1
                return c
            }
            return dots >= 2 ? 0x2A : c
        }.reduce(into: [UInt8]()) { out, c in
            // Collapse "***" to a single "*" per octet.
            if c == 0x2A, out.last == 0x2A { return }
            out.append(c)
        }
    }

    private static func keepInitials(_ e: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var atWordStart = true
        for c in e {
            if isSecretChar(c) {
                if ASCII.isDigit(c) {
                    out.append(0x2A)
                } else if atWordStart {
                    out.append(c)
                } else if c & 0xC0 != 0x80 {
                    // One "*" per character, not per UTF-8 byte.
                    out.append(0x2A)
                }
                atWordStart = false
            } else {
                out.append(c)
                atWordStart = true
            }
        }
        return out
    }

    private static func keepPrefixOnly(_ e: [UInt8]) -> [UInt8] {
        // Keep a recognisable prefix ("ghp_", "-----BEGIN RSA PRIVATE KEY-----", "postgres://")
        // but never more than a quarter of the secret.
        var keep = 0
        if let dash = findPEMEnd(e) {
            keep = dash
        } else {
            while keep < e.count, keep < 12, !ASCII.isAlnum(e[keep]) || keep < 4 { keep += 1 }
            if let sep = e.prefix(12).lastIndex(where: { $0 == 0x5F || $0 == 0x2D || $0 == 0x2E || $0 == 0x2F }) {
                keep = sep + 1
            }
            keep = min(keep, e.count / 4)
        }
        return Array(e.prefix(keep)) + Array("********".utf8)
    }

    private static func findPEMEnd(_ e: [UInt8]) -> Int? {
        guard e.starts(with: Array("-----BEGIN ".utf8)) else { return nil }
        var dashes = 0
        for (i, c) in e.enumerated().dropFirst(11) {
            dashes = c == 0x2D ? dashes + 1 : 0
            if dashes == 5 { return i + 1 }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? "⏎" : $0 })
    }
}
