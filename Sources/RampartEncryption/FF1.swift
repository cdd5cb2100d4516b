// SPDX-License-Identifier: Apache-2.0

import Crypto
import CryptoExtras
import Foundation

/// NIST SP 800-38G (Rev. 1) FF1: format-preserving encryption of a string of numerals in one
/// radix, a Feistel network of ten rounds whose round function is AES-CBC-MAC.
///
/// The block cipher is swift-crypto's AES block function (`AES.permute`, CryptoExtras): the PRF
/// is CBC-MAC chained from it block by block; nothing here implements AES. The numeral
/// arithmetic runs in `UInt64` when the larger half's domain fits, otherwise in `UInt128`, which
/// bounds the length (``maximumLength``): 38 decimal digits in the fast path, 76 in all.
package struct FF1: Sendable {
    /// The radix of the numerals, 2...256.
    package let radix: Int
    /// The fewest numerals the domain allows: `radix^minimumLength ≥ 1,000,000` (SP 800-38G Rev. 1).
    package let minimumLength: Int
    /// The most numerals the arithmetic takes: the larger half's domain fits in 128 bits.
    package let maximumLength: Int
    /// The longest tweak accepted, in bytes.
    package static let maximumTweakLength = 256
    /// The smallest domain SP 800-38G Rev. 1 allows.
    package static let minimumDomainSize = 1_000_000

    private let key: SymmetricKey
    /// The largest half that `UInt64` arithmetic carries.
    private let maximumHalf64: Int

    /// - Throws: ``EncryptionError`` `invalid-scheme` for a radix outside 2...256 or a key that
    ///   is not 128, 192 or 256 bits.
    package init(key: SymmetricKey, radix: Int) throws {
        guard (2...256).contains(radix) else { throw EncryptionError(.invalidScheme, "the radix must be 2 to 256") }
        guard [128, 192, 256].contains(key.bitCount) else { throw EncryptionError(.invalidScheme, "an FF1 key is 128, 192 or 256 bits") }
        self.key = key
        self.radix = radix
        minimumLength = Self.minimumLength(radix: radix)
        maximumHalf64 = Self.largestExponent(radix, fitting: UInt64.self)
        maximumLength = 2 * Self.largestExponent(radix, fitting: UInt128.self)
    }

    /// The fewest numerals of radix `radix` (2...256) whose domain holds a million values (and at least 2).
    package static func minimumLength(radix: Int) -> Int {
        let radix = min(max(radix, 2), 256)
        var length = 1
        var domain = radix
        while domain < minimumDomainSize {
            domain *= radix
            length += 1
        }
        return max(2, length)
    }

    /// Encrypts `numerals` (each below ``radix``) under `tweak`; the result has the same length.
    package func encrypt(_ numerals: [UInt8], tweak: [UInt8] = []) throws -> [UInt8] {
        try crypt(numerals, tweak: tweak, decrypting: false)
    }

    /// Decrypts what ``encrypt(_:tweak:)`` returned for the same tweak.
    package func decrypt(_ numerals: [UInt8], tweak: [UInt8] = []) throws -> [UInt8] {
        try crypt(numerals, tweak: tweak, decrypting: true)
    }

    /// The same as ``encrypt(_:tweak:)``, always in 128-bit arithmetic: lets tests check both paths
    /// against the same vectors.
    func encryptWide(_ numerals: [UInt8], tweak: [UInt8] = []) throws -> [UInt8] {
        try check(numerals, tweak: tweak)
        return try rounds(UInt128.self, numerals, tweak: tweak, decrypting: false)
    }

    func decryptWide(_ numerals: [UInt8], tweak: [UInt8] = []) throws -> [UInt8] {
        try check(numerals, tweak: tweak)
        return try rounds(UInt128.self, numerals, tweak: tweak, decrypting: true)
    }

    private func crypt(_ numerals: [UInt8], tweak: [UInt8], decrypting: Bool) throws -> [UInt8] {
        try check(numerals, tweak: tweak)
        let larger = numerals.count - numerals.count / 2
        if larger <= maximumHalf64 { return try rounds(UInt64.self, numerals, tweak: tweak, decrypting: decrypting) }
        return try rounds(UInt128.self, numerals, tweak: tweak, decrypting: decrypting)
    }

    private func check(_ numerals: [UInt8], tweak: [UInt8]) throws {
        guard numerals.count >= minimumLength else {
            throw EncryptionError(
                .belowMinimumDomain, "\(numerals.count) character(s) to encrypt; radix \(radix) needs at least \(minimumLength)")
        }
        guard numerals.count <= maximumLength else {
            throw EncryptionError(.tooLong, "\(numerals.count) character(s) to encrypt; radix \(radix) takes at most \(maximumLength)")
        }
        guard tweak.count <= Self.maximumTweakLength else {
            throw EncryptionError(.invalidScheme, "the tweak is longer than \(Self.maximumTweakLength) bytes")
        }
        let limit = UInt8(truncatingIfNeeded: radix - 1)
        guard radix == 256 || numerals.allSatisfy({ $0 <= limit }) else {
            throw EncryptionError(.invalidValue, "a numeral is not below the radix \(radix)")
        }
    }

    /// The ten Feistel rounds of SP 800-38G Algorithms 7 (encrypt) and 8 (decrypt), in `Word`
    /// arithmetic; the caller has checked that `radix^v` fits in `Word`.
    private func rounds<Word: FixedWidthInteger & UnsignedInteger>(
        _: Word.Type, _ numerals: [UInt8], tweak: [UInt8], decrypting: Bool
    ) throws -> [UInt8] {
        let n = numerals.count
        let u = n / 2
        let v = n - u
        let radixWord = Word(radix)
        let domainU = Self.power(radixWord, u)
        let domainV = Self.power(radixWord, v)
        // b = ⌈⌈v·log2(radix)⌉/8⌉: the bytes of radix^v − 1, exact in integers.
        let b = (Word.bitWidth - (domainV - 1).leadingZeroBitCount + 7) / 8
        let d = 4 * ((b + 3) / 4) + 4
        let t = tweak.count
        let padding = ((-t - b - 1) % 16 + 16) % 16

        // PRF(P ‖ Q) is CBC-MAC with a zero IV: P is the same in every round, so its block is
        // encrypted once and each round chains Q's blocks from it (one AES call per block of Q,
        // usually one, instead of a CBC call over both).
        var chainedP: [UInt8] = [
            1, 2, 1, UInt8(truncatingIfNeeded: radix >> 16), UInt8(truncatingIfNeeded: radix >> 8), UInt8(truncatingIfNeeded: radix), 10,
            UInt8(truncatingIfNeeded: u),
            UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n),
            UInt8(truncatingIfNeeded: t >> 24), UInt8(truncatingIfNeeded: t >> 16), UInt8(truncatingIfNeeded: t >> 8), UInt8(truncatingIfNeeded: t),
        ]
        try AES.permute(&chainedP, key: key)
        // Q = T ‖ 0^padding ‖ [i] ‖ [NUM(B or A)]^b, a whole number of blocks.
        var q: [UInt8] = []
        q.reserveCapacity(t + padding + 1 + b)
        q.append(contentsOf: tweak)
        q.append(contentsOf: repeatElement(0, count: padding))
        let roundIndex = q.count
        q.append(contentsOf: repeatElement(0, count: 1 + b))

        var a = Self.number(numerals[0..<u], radix: radixWord)
        var bHalf = Self.number(numerals[u...], radix: radixWord)
        var r = [UInt8](repeating: 0, count: 16)
        for step in 0..<10 {
            let i = decrypting ? 9 - step : step
            q[roundIndex] = UInt8(i)
            var source = decrypting ? a : bHalf
            for index in stride(from: roundIndex + b, to: roundIndex, by: -1) {
                q[index] = UInt8(truncatingIfNeeded: source)
                source >>= 8
            }
            // R = CBC-MAC(P ‖ Q), continuing from E(P).
            for index in 0..<16 { r[index] = chainedP[index] }
            for blockStart in stride(from: 0, to: q.count, by: 16) {
                for index in 0..<16 { r[index] ^= q[blockStart + index] }
                try AES.permute(&r, key: key)
            }
            let y = try roundValue(r, d: d, modulo: i % 2 == 0 ? domainU : domainV)
            let m = i % 2 == 0 ? domainU : domainV
            if decrypting {
                // c = (NUM(B) − y) mod radix^m; B ← A; A ← C.
                let c = bHalf >= y ? bHalf - y : bHalf + (m - y)
                bHalf = a
                a = c
            } else {
                // c = (NUM(A) + y) mod radix^m; A ← B; B ← C.
                let (sum, overflow) = a.addingReportingOverflow(y)
                let c = overflow || sum >= m ? sum &- m : sum
                a = bHalf
                bHalf = c
            }
        }
        return Self.numerals(a, count: u, radix: radixWord) + Self.numerals(bHalf, count: v, radix: radixWord)
    }

    /// y = NUM(S) mod `modulus`, where S is the first `d` bytes of R = PRF(P ‖ Q) followed by
    /// CIPH(R ⊕ [j]¹⁶) for j = 1, 2, …
    private func roundValue<Word: FixedWidthInteger & UnsignedInteger>(_ r: [UInt8], d: Int, modulo modulus: Word) throws -> Word {
        guard d > 16 else { return Self.reduce(r[0..<d], modulo: modulus) }
        var s = r
        var j: UInt64 = 1
        while s.count < d {
            var extra = r
            var counter = j
            for index in stride(from: 15, through: 8, by: -1) {
                extra[index] ^= UInt8(truncatingIfNeeded: counter)
                counter >>= 8
            }
            try AES.permute(&extra, key: key)
            s.append(contentsOf: extra)
            j += 1
        }
        return Self.reduce(s[0..<d], modulo: modulus)
    }

    /// Big-endian `bytes` modulo `modulus`, without ever exceeding `Word`.
    static func reduce<Word: FixedWidthInteger & UnsignedInteger>(_ bytes: ArraySlice<UInt8>, modulo modulus: Word) -> Word {
        var r: Word = 0
        for byte in bytes {
            if r.leadingZeroBitCount >= 8 {
                r = (r << 8) | Word(byte)
                continue
            }
            r %= modulus
            if r.leadingZeroBitCount >= 8 {
                r = (r << 8) | Word(byte)
            } else {
                // r < modulus, so r·256 + byte < 256·modulus: the quotient fits in a byte.
                let wide = r.multipliedFullWidth(by: 256)
                r = modulus.dividingFullWidth((wide.high, wide.low | Word.Magnitude(byte))).remainder
            }
        }
        return r % modulus
    }

    static func number<Word: FixedWidthInteger & UnsignedInteger>(_ numerals: ArraySlice<UInt8>, radix: Word) -> Word {
        var value: Word = 0
        for numeral in numerals { value = value * radix + Word(numeral) }
        return value
    }

    static func numerals<Word: FixedWidthInteger & UnsignedInteger>(_ value: Word, count: Int, radix: Word) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var rest = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: radix)
            out[index] = UInt8(truncatingIfNeeded: remainder)
            rest = quotient
        }
        return out
    }

    static func power<Word: FixedWidthInteger & UnsignedInteger>(_ base: Word, _ exponent: Int) -> Word {
        var value: Word = 1
        for _ in 0..<exponent { value *= base }
        return value
    }

    /// The largest `e` with `radix^e` representable in `Word`.
    static func largestExponent<Word: FixedWidthInteger & UnsignedInteger>(_ radix: Int, fitting _: Word.Type) -> Int {
        var value: Word = 1
        var exponent = 0
        while true {
            let (next, overflow) = value.multipliedReportingOverflow(by: Word(radix))
            if overflow { return exponent }
            value = next
            exponent += 1
        }
    }
}
