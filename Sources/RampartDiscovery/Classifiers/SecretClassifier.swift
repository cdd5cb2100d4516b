/// Recognises credentials that grant access.
///
/// Validated evidence, found anywhere in a value:
/// - provider tokens by their documented prefix, alphabet and length (AWS access key ids,
///   GitHub, GitLab, Slack tokens and webhooks, Stripe secret and restricted keys and webhook
///   secrets, Google API keys, SendGrid, Twilio API keys, npm, PyPI, Shopify, Hugging Face,
///   OpenAI, DigitalOcean);
/// - JSON Web Tokens (three base64url parts, a JSON header);
/// - PEM private keys (`-----BEGIN … PRIVATE KEY-----`), also with escaped newlines;
/// - URLs carrying a password (`postgres://app:s3cret@db:5432/main`).
///
/// Plausible evidence, whole values only: long random strings (base64 or hex alphabet, high
/// Shannon entropy). Hashes, commit ids and ETags look exactly like that, so plausible evidence
/// counts only in a column whose name says secret, key, token or password. Public keys, key
/// fingerprints and UUIDs are never secrets.
public struct SecretClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .secret }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: [
            "secret", "token", "password", "passwd", "pwd", "apikey", "api key", "access key", "private key",
            "privatekey", "credential", "credentials", "auth", "bearer", "signing key", "client secret", "webhook secret",
            "passphrase", "key", "dsn", "connection string",
        ],
        negative: [
            "public", "publickey", "fingerprint", "hash", "sha", "checksum", "digest", "etag", "commit", "uuid", "guid",
            "id", "key id", "keyid", "name", "url", "version", "build",
        ]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.1, plausiblePrevalence: 0.6, plausibleNeedsHint: true, maxLookalikeShare: 0.5)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    @inline(__always) private static func isTokenDelimiter(_ c: UInt8) -> Bool {
        ASCII.isSpace(c) || c == 0x22 || c == 0x27 || c == 0x2C || c == 0x3B || c == 0x3D || c == 0x60 || c == 0x28
            || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D
    }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.length >= 16 else { return nil }
        let t = b.trimmedRange()
        if f.dashes >= 10, let pem = privateKeyHeader(b, t) {
            return Match(dataClass: .secret, strength: .validated, byteRange: pem)
        }
        // Token by token: provider prefixes, JWTs, URLs with passwords.
        var i = t.lowerBound
        while i < t.upperBound {
            while i < t.upperBound, Self.isTokenDelimiter(b[i]) { i += 1 }
            let start = i
            while i < t.upperBound, !Self.isTokenDelimiter(b[i]) { i += 1 }
            var end = i
            while end > start, b[end - 1] == 0x2E || b[end - 1] == 0x3A { end -= 1 }  // sentence punctuation
            guard end - start >= 16 else { continue }
            if knownToken(b, start..<end) || isJWT(b, start..<end) || isURLWithPassword(b, start..<end) {
                return Match(dataClass: .secret, strength: .validated, byteRange: start..<end)
            }
        }
        if f.spaces == 0, f.newlines == 0, isHighEntropy(b, t) {
            return Match(dataClass: .secret, strength: .plausible, byteRange: t)
        }
        return nil
    }

    // MARK: Private keys

    private func privateKeyHeader(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Range<Int>? {
        var i = t.lowerBound
        while i + 27 <= t.upperBound {
            if b[i] == 0x2D, b.hasBytes("-----BEGIN ", at: i) {
                var j = i + 11
                while j < t.upperBound, j - i < 60, ASCII.isUpper(b[j]) || b[j] == 0x20 { j += 1 }
                if j + 5 <= t.upperBound, b.hasBytes("-----", at: j) {
                    let label = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 11)..<j]), as: UTF8.self)
                    if label.hasSuffix("PRIVATE KEY") || label == "PGP PRIVATE KEY BLOCK" {
                        return i..<(j + 5)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: Provider tokens

    private struct Rule {
        let prefix: StaticString
        let minBody: Int
        let maxBody: Int
        let alphabet: Alphabet
    }

    private enum Alphabet {
        case alnum, alnumDash, alnumUnderscore, alnumDashUnderscore, base32Upper, hexLower, hex, alnumDashDot
        func accepts(_ c: UInt8) -> Bool {
            switch self {
            case .alnum: return ASCII.isAlnum(c)
            case .alnumDash: return ASCII.isAlnum(c) || c == 0x2D
            case .alnumUnderscore: return ASCII.isAlnum(c) || c == 0x5F
            case .alnumDashUnderscore: return ASCII.isAlnum(c) || c == 0x2D || c == 0x5F
            case .base32Upper: return ASCII.isUpper(c) || (c >= 0x32 && c <= 0x37)
            case .hexLower: return ASCII.isDigit(c) || (c >= 0x61 && c <= 0x66)
            case .hex: return ASCII.isHex(c)
            case .alnumDashDot: return ASCII.isAlnum(c) || c == 0x2D || c == 0x2E || c == 0x5F
            }
        }
    }

    private static let rules: [Rule] = [
        Rule(prefix: "AKIA", minBody: 16, maxBody: 16, alphabet: .base32Upper),
        Rule(prefix: "ASIA", minBody: 16, maxBody: 16, alphabet: .base32Upper),
        Rule(prefix: "AGPA", minBody: 16, maxBody: 16, alphabet: .base32Upper),
        Rule(prefix: "AROA", minBody: 16, maxBody: 16, alphabet: .base32Upper),
        Rule(prefix: "ghp_", minBody: 30, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "gho_", minBody: 30, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "ghu_", minBody: 30, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "ghs_", minBody: 30, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "ghr_", minBody: 30, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "github_pat_", minBody: 40, maxBody: 255, alphabet: .alnumUnderscore),
        Rule(prefix: "glpat-", minBody: 20, maxBody: 64, alphabet: .alnumDashUnderscore),
        Rule(prefix: "xoxb-", minBody: 20, maxBody: 255, alphabet: .alnumDash),
        Rule(prefix: "xoxp-", minBody: 20, maxBody: 255, alphabet: .alnumDash),
        Rule(prefix: "xoxa-", minBody: 20, maxBody: 255, alphabet: .alnumDash),
        Rule(prefix: "xoxr-", minBody: 20, maxBody: 255, alphabet: .alnumDash),
        Rule(prefix: "xoxs-", minBody: 20, maxBody: 255, alphabet: .alnumDash),
        Rule(prefix: "xoxe-", minBody: 20, maxBody: 255, alphabet: .alnumDash),
        Rule(prefix: "sk_live_", minBody: 16, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "rk_live_", minBody: 16, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "sk_test_", minBody: 16, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "rk_test_", minBody: 16, maxBody: 255, alphabet: .alnum),
        Rule(prefix: "whsec_", minBody: 24, maxBody: 255, alphabet: .alnumDashUnderscore),
        Rule(prefix: "AIza", minBody: 35, maxBody: 35, alphabet: .alnumDashUnderscore),
        Rule(prefix: "SG.", minBody: 60, maxBody: 80, alphabet: .alnumDashDot),
        Rule(prefix: "SK", minBody: 32, maxBody: 32, alphabet: .hexLower),
        Rule(prefix: "npm_", minBody: 36, maxBody: 36, alphabet: .alnum),
        Rule(prefix: "pypi-", minBody: 50, maxBody: 255, alphabet: .alnumDashUnderscore),
        Rule(prefix: "shpat_", minBody: 32, maxBody: 32, alphabet: .hex),
        Rule(prefix: "shpss_", minBody: 32, maxBody: 32, alphabet: .hex),
        Rule(prefix: "hf_", minBody: 30, maxBody: 40, alphabet: .alnum),
        Rule(prefix: "sk-proj-", minBody: 32, maxBody: 255, alphabet: .alnumDashUnderscore),
        Rule(prefix: "sk-ant-", minBody: 32, maxBody: 255, alphabet: .alnumDashUnderscore),
        Rule(prefix: "dop_v1_", minBody: 64, maxBody: 64, alphabet: .hex),
        Rule(prefix: "https://hooks.slack.com/services/", minBody: 20, maxBody: 120, alphabet: .alnumDashDot),
        Rule(prefix: "https://discord.com/api/webhooks/", minBody: 20, maxBody: 120, alphabet: .alnumDashDot),
    ]

    private func knownToken(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for rule in Self.rules {
            let p = rule.prefix.utf8CodeUnitCount
            let body = r.count - p
            guard body >= rule.minBody, body <= rule.maxBody, b.hasBytes(rule.prefix, at: r.lowerBound) else { continue }
            var ok = true
            for k in (r.lowerBound + p)..<r.upperBound where !rule.alphabet.accepts(b[k]) && b[k] != 0x2F {
                ok = false
                break
            }
            // Only webhook URLs may contain "/".
            if ok, rule.prefix.utf8CodeUnitCount < 20 {
                for k in (r.lowerBound + p)..<r.upperBound where b[k] == 0x2F {
                    ok = false
                    break
                }
            }
            if ok { return true }
        }
        return false
    }

    // MARK: JWT

    private func isJWT(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 30, b.hasBytes("eyJ", at: r.lowerBound) else { return false }
        var parts = [0]
        for k in r {
            let c = b[k]
            if c == 0x2E {
                parts.append(0)
            } else if ASCII.isAlnum(c) || c == 0x2D || c == 0x5F || c == 0x3D {
                parts[parts.count - 1] += 1
            } else {
                return false
            }
        }
        guard parts.count == 3, parts[0] >= 10, parts[1] >= 4 else { return false }
        // A JWT's header is base64url JSON naming its algorithm ("alg"); the payload is JSON too.
        let second = r.lowerBound + parts[0] + 1
        return b.hasBytes("eyJ", at: second) || b.hasBytes("ey", at: second)
    }

    // MARK: URLs with passwords

    private func isURLWithPassword(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        // scheme "://" user ":" password "@" host
        var k = r.lowerBound
        while k < r.upperBound, ASCII.isAlnum(b[k]) || b[k] == 0x2B || b[k] == 0x2D || b[k] == 0x2E { k += 1 }
        guard k > r.lowerBound, k + 3 < r.upperBound, b.hasBytes("://", at: k) else { return false }
        let userStart = k + 3
        var colon = -1
        var at = -1
        var j = userStart
        while j < r.upperBound {
            let c = b[j]
            if c == 0x2F || c == 0x3F || c == 0x23 { break }
            if c == 0x3A, colon < 0 { colon = j }
            if c == 0x40 { at = j }
            j += 1
        }
        guard colon > userStart, at > colon + 1, at + 1 < j else { return false }
        // Placeholders are not passwords.
        var placeholder = true
        for p in (colon + 1)..<at where b[p] != 0x2A && b[p] != 0x78 && b[p] != 0x58 {
            placeholder = false
            break
        }
        if placeholder { return false }
        if b[colon + 1] == 0x24 || b[colon + 1] == 0x3C || b[colon + 1] == 0x25 && at - colon < 4 { return false }
        return true
    }

    // MARK: Random strings

    /// Long strings from a base64, base64url or hex alphabet with high per-character entropy.
    private func isHighEntropy(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 32, r.count <= 512 else { return false }
        var upper = 0
        var lower = 0
        var digits = 0
        var dashes = 0
        var hexOnly = true
        for k in r {
            let c = b[k]
            if ASCII.isUpper(c) {
                upper += 1
            } else if ASCII.isLower(c) {
                lower += 1
            } else if ASCII.isDigit(c) {
                digits += 1
            } else if c == 0x2D {
                dashes += 1
            } else if c != 0x2B && c != 0x2F && c != 0x5F && c != 0x3D {
                return false
            }
            if !ASCII.isHex(c) { hexOnly = false }
        }
        // UUIDs and dashed ids are identifiers.
        if dashes >= 2 { return false }
        if hexOnly {
            return digits > 0 && (upper + lower) > 0 && Entropy.bitsPerByte(b, r) >= 3.0
        }
        guard upper >= 2, lower >= 2, digits >= 1 else { return false }
        return Entropy.bitsPerByte(b, r) >= 4.0
    }
}
