// SPDX-License-Identifier: Apache-2.0

/// Time-based one-time passwords (RFC 6238): one user's authenticator configuration.
///
/// Time is always passed in as Unix milliseconds (the representation ``RampartClock`` returns),
/// so verification can be tested at any instant without a clock.
///
/// ```swift
/// let totp = try TOTP(secret: TOTP.generateSecret())
/// if let step = totp.verify("287082", at: clock.now()), replayGuard.consume(step: step) { … }
/// ```
package struct TOTP: Sendable {
    /// The shared secret. RFC 4226 §4 asks for at least 128 bits; 160 bits (20 bytes) is the
    /// recommended size and what ``generateSecret(byteCount:)`` produces.
    package let secret: Secret<[UInt8]>
    package let algorithm: OTPAlgorithm
    package let digits: Int
    /// The length of one time step, in seconds.
    package let period: Int64

    /// The smallest secret accepted, in bytes (RFC 4226 §4, requirement R6: 128 bits).
    package static let minimumSecretLength = 16

    /// Creates a generator, rejecting parameters that would make weak or unusable codes.
    ///
    /// - Throws: ``RampartError`` with code `validation-failed` for a short secret, a code length
    ///   other than 6–8 digits, or a non-positive period.
    package init(secret: Secret<[UInt8]>, algorithm: OTPAlgorithm = .sha1, digits: Int = 6, period: Int64 = 30) throws {
        guard secret.exposedValue.count >= Self.minimumSecretLength else {
            throw RampartError.validation("the TOTP secret must be at least 128 bits", field: "secret")
        }
        guard HOTP.supportedDigits.contains(digits) else {
            throw RampartError.validation("TOTP codes must have 6 to 8 digits", field: "digits")
        }
        guard period > 0 else {
            throw RampartError.validation("the TOTP period must be positive", field: "period")
        }
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
    }

    /// A fresh random secret from the system CSPRNG (20 bytes = 160 bits by default).
    package static func generateSecret(byteCount: Int = 20) -> Secret<[UInt8]> {
        Secret(RandomToken.bytes(byteCount))
    }

    /// The time step containing `now` (Unix milliseconds). Instants before 1970 map to step 0:
    /// no legitimate clock produces them, and a negative counter has no HOTP encoding.
    package func step(at now: Int64) -> Int64 {
        guard now > 0 else { return 0 }
        return now / 1000 / period
    }

    /// The code for the time step containing `now` (Unix milliseconds).
    package func code(at now: Int64) -> String {
        code(forStep: step(at: now))
    }

    /// The code for an explicit time step.
    package func code(forStep step: Int64) -> String {
        HOTP.code(key: secret.exposedValue, counter: UInt64(max(0, step)), digits: digits, algorithm: algorithm)
    }

    /// Checks `candidate` against the steps within `window` of the current one.
    ///
    /// Spaces in the input are ignored (apps display codes as `287 082`). Every step in the window
    /// is compared in constant time and none is skipped once a match is found, so timing reveals
    /// neither how much of the code was right nor which step matched.
    ///
    /// - Parameters:
    ///   - window: how many steps either side of the current one to accept; 1 (±30 s) tolerates
    ///     the usual clock drift and a user typing as the code rolls over.
    /// - Returns: the matched step, which the caller must pass to ``TOTPReplayGuard`` so the same
    ///   code cannot be used twice; `nil` when nothing matched.
    package func verify(_ candidate: String, at now: Int64, window: Int = 1) -> Int64? {
        let digitsOnly = candidate.utf8.filter { $0 != UInt8(ascii: " ") }
        guard digitsOnly.count == digits,
            digitsOnly.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        let current = step(at: now)
        let reach = Int64(max(0, window))
        // Nearest steps first, so that in the (one in a million) case of two steps sharing a code
        // the replay guard records the step the user most likely meant.
        var offsets: [Int64] = [0]
        if reach > 0 {
            for distance in 1...reach { offsets += [-distance, distance] }
        }
        var matched: Int64?
        for offset in offsets {
            let step = current + offset
            guard step >= 0 else { continue }
            let isMatch = ConstantTime.equals(Array(code(forStep: step).utf8), digitsOnly)
            if isMatch, matched == nil { matched = step }
        }
        return matched
    }
}
