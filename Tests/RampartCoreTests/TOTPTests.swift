// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("TOTP and HOTP")
struct TOTPTests {
    /// The RFC 6238 Appendix B seeds: ASCII "1234567890" repeated to the hash's output length.
    static func seed(_ algorithm: OTPAlgorithm) -> [UInt8] {
        let length =
            switch algorithm {
            case .sha1: 20
            case .sha256: 32
            case .sha512: 64
            }
        return Array(String(repeating: "1234567890", count: 7).utf8.prefix(length))
    }

    /// RFC 6238 Appendix B: (Unix seconds, algorithm, 8-digit code).
    static let rfc6238: [(seconds: Int64, algorithm: OTPAlgorithm, code: String)] = [
        (59, .sha1, "94287082"), (59, .sha256, "46119246"), (59, .sha512, "90693936"),
        (1_111_111_109, .sha1, "07081804"), (1_111_111_109, .sha256, "68084774"), (1_111_111_109, .sha512, "25091201"),
        (1_111_111_111, .sha1, "14050471"), (1_111_111_111, .sha256, "67062674"), (1_111_111_111, .sha512, "99943326"),
        (1_234_567_890, .sha1, "89005924"), (1_234_567_890, .sha256, "91819424"), (1_234_567_890, .sha512, "93441116"),
        (2_000_000_000, .sha1, "69279037"), (2_000_000_000, .sha256, "90698825"), (2_000_000_000, .sha512, "38618901"),
        (20_000_000_000, .sha1, "65353130"), (20_000_000_000, .sha256, "77737706"), (20_000_000_000, .sha512, "47863826"),
    ]

    @Test("RFC 6238 Appendix B", arguments: rfc6238.indices)
    func rfc6238Vector(index: Int) throws {
        let vector = Self.rfc6238[index]
        let totp = try TOTP(secret: Secret(Self.seed(vector.algorithm)), algorithm: vector.algorithm, digits: 8)
        #expect(totp.code(at: vector.seconds * 1000) == vector.code)
        #expect(totp.verify(vector.code, at: vector.seconds * 1000) == vector.seconds / 30)
    }

    /// RFC 4226 Appendix D: HOTP codes for counters 0…9 with the SHA-1 seed.
    @Test func rfc4226AppendixD() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        for (counter, code) in expected.enumerated() {
            #expect(HOTP.code(key: Self.seed(.sha1), counter: UInt64(counter), digits: 6, algorithm: .sha1) == code)
        }
    }

    /// Codes from an independent implementation, pyotp 2.12.0, computed once by a throwaway
    /// script (`pyotp.TOTP(secret, digits=d, digest=hashlib.<alg>).at(seconds)`) and pasted
    /// here; the test itself does not need Python. The secrets other than the first (the RFC
    /// seed) are `pyotp.random_base32()` outputs.
    static let pyotp: [(secret: String, digits: Int, algorithm: OTPAlgorithm, seconds: Int64, code: String)] = [
        ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 6, .sha1, 0, "755224"),
        ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 6, .sha1, 59, "287082"),
        ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 6, .sha1, 1_111_111_109, "081804"),
        ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 6, .sha1, 1_700_000_000, "921300"),
        ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 6, .sha1, 2_000_000_000, "279037"),
        ("GIKHRVVO3BCVBSHCIDJT25RX2TBX5Z2R", 6, .sha1, 1_234_567_890, "118828"),
        ("GIKHRVVO3BCVBSHCIDJT25RX2TBX5Z2R", 6, .sha1, 1_731_000_015, "462378"),
        ("2ULGFIZYPUKKSEVDUFDX7V2BLC3MFGVR", 6, .sha1, 1_731_000_045, "410472"),
        ("UBSQNVLK5IPS7HIXXMRJIB4GXWQZ6KJD", 8, .sha256, 1_600_000_000, "09618534"),
        ("UBSQNVLK5IPS7HIXXMRJIB4GXWQZ6KJD", 8, .sha256, 1_731_000_045, "07811106"),
        ("KA2E6RPDLX5OCSDRGV3RYLRDEVWBM6S6", 8, .sha512, 1_500_000_000, "90267378"),
    ]

    @Test("matches pyotp", arguments: pyotp.indices)
    func matchesPyotp(index: Int) throws {
        let vector = Self.pyotp[index]
        let secret = try #require(Base32.decode(vector.secret))
        let totp = try TOTP(secret: Secret(secret), algorithm: vector.algorithm, digits: vector.digits)
        #expect(totp.code(at: vector.seconds * 1000) == vector.code)
    }

    @Test func acceptsOneStepEitherSideOnly() throws {
        let totp = try TOTP(secret: Secret(Self.seed(.sha1)))
        let now: Int64 = 1_700_000_000_000
        let step = totp.step(at: now)
        #expect(totp.verify(totp.code(forStep: step), at: now) == step)
        #expect(totp.verify(totp.code(forStep: step - 1), at: now) == step - 1)
        #expect(totp.verify(totp.code(forStep: step + 1), at: now) == step + 1)
        #expect(totp.verify(totp.code(forStep: step - 2), at: now) == nil)
        #expect(totp.verify(totp.code(forStep: step + 2), at: now) == nil)
        #expect(totp.verify(totp.code(forStep: step - 2), at: now, window: 2) == step - 2)
        #expect(totp.verify(totp.code(forStep: step - 1), at: now, window: 0) == nil)
    }

    @Test func stepBoundariesFollowThePeriod() throws {
        let totp = try TOTP(secret: Secret(Self.seed(.sha1)))
        #expect(totp.step(at: 29_999) == 0)
        #expect(totp.step(at: 30_000) == 1)
        #expect(totp.step(at: -5_000) == 0)
        let slow = try TOTP(secret: Secret(Self.seed(.sha1)), period: 60)
        #expect(slow.step(at: 59_999) == 0)
        #expect(slow.step(at: 60_000) == 1)
    }

    @Test func normalisesAndRejectsMalformedInput() throws {
        let totp = try TOTP(secret: Secret(Self.seed(.sha1)))
        let now: Int64 = 59_000  // step 1: "287082"
        #expect(totp.verify("287 082", at: now) == 1)
        #expect(totp.verify(" 287082 ", at: now) == 1)
        #expect(totp.verify("28708", at: now) == nil)
        #expect(totp.verify("2870822", at: now) == nil)
        #expect(totp.verify("28708a", at: now) == nil)
        #expect(totp.verify("", at: now) == nil)
        #expect(totp.verify("２８７０８２", at: now) == nil)  // full-width digits are not ASCII digits
        #expect(totp.verify("000000", at: now) == nil)
    }

    @Test func rejectsWeakOrUnsupportedParameters() {
        #expect(throws: RampartError.self) { try TOTP(secret: Secret([UInt8](repeating: 1, count: 15))) }
        #expect(throws: RampartError.self) { try TOTP(secret: Secret(Self.seed(.sha1)), digits: 5) }
        #expect(throws: RampartError.self) { try TOTP(secret: Secret(Self.seed(.sha1)), digits: 9) }
        #expect(throws: RampartError.self) { try TOTP(secret: Secret(Self.seed(.sha1)), period: 0) }
        do {
            _ = try TOTP(secret: Secret(Self.seed(.sha1)), digits: 10)
        } catch let error as RampartError {
            #expect(error.code == .validationFailed)
            #expect(error.field == "digits")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func generatedSecretsAre160BitsAndDistinct() {
        let first = TOTP.generateSecret()
        let second = TOTP.generateSecret()
        #expect(first.exposedValue.count == 20)
        #expect(first.exposedValue != second.exposedValue)
        #expect("\(first)" == "<redacted>")
    }

    @Test func sixDigitCodesAreZeroPadded() throws {
        // Step 37037036 (t = 1111111109 s) gives 081804 with the RFC seed: the leading zero stays.
        let totp = try TOTP(secret: Secret(Self.seed(.sha1)))
        #expect(totp.code(at: 1_111_111_109_000) == "081804")
    }
}

@Suite("TOTP replay guard")
struct TOTPReplayGuardTests {
    @Test func acceptsOnlyStrictlyIncreasingSteps() {
        var guardState = TOTPReplayGuard()
        #expect(guardState.permits(step: 100))
        let first = guardState.consume(step: 100)
        #expect(first)
        #expect(guardState.lastUsedStep == 100)
        let replayed = guardState.consume(step: 100)
        #expect(!replayed)  // the same code again
        let older = guardState.consume(step: 99)
        #expect(!older)  // an older code after a newer one
        #expect(guardState.lastUsedStep == 100)
        let next = guardState.consume(step: 101)
        #expect(next)
        #expect(guardState.lastUsedStep == 101)
    }

    @Test func restoresFromThePersistedStep() {
        var restored = TOTPReplayGuard(lastUsedStep: 500)
        #expect(!restored.permits(step: 500))
        let afterRestore = restored.consume(step: 501)
        #expect(afterRestore)
    }

    @Test func aCodeIsAcceptedOncePerUser() throws {
        let totp = try TOTP(secret: Secret(TOTPTests.seed(.sha1)))
        let now: Int64 = 1_700_000_000_000
        let code = totp.code(at: now)
        var alice = TOTPReplayGuard()
        var bob = TOTPReplayGuard()
        #expect(totp.verify(code, at: now, replayGuard: &alice) == totp.step(at: now))
        #expect(totp.verify(code, at: now + 5_000, replayGuard: &alice) == nil)
        // Still valid 30 s later (window ±1), but already used.
        #expect(totp.verify(code, at: now + 30_000, replayGuard: &alice) == nil)
        // The guard is per user: another user's state is independent.
        #expect(totp.verify(code, at: now, replayGuard: &bob) != nil)
        // A wrong code leaves the guard unchanged (secret and time are fixed, so this is deterministic).
        let before = alice
        #expect(totp.verify("000000", at: now + 60_000, replayGuard: &alice) == nil)
        #expect(alice == before)
        // The next step's code is accepted.
        #expect(totp.verify(totp.code(at: now + 90_000), at: now + 90_000, replayGuard: &alice) != nil)
    }
}
