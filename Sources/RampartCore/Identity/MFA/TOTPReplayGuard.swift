// SPDX-License-Identifier: Apache-2.0

/// Makes every TOTP code single-use for one user.
///
/// A code stays valid for up to three steps (±1), so someone watching over a shoulder or relaying
/// a phished code could reuse it. The guard remembers only the last step that was accepted and
/// accepts a step strictly greater: that one integer per user is what the store persists, and it
/// also rejects an older code submitted after a newer one.
package struct TOTPReplayGuard: Sendable, Equatable, Codable {
    /// The last accepted step, or `nil` when no code has been accepted yet.
    package private(set) var lastUsedStep: Int64?

    package init(lastUsedStep: Int64? = nil) {
        self.lastUsedStep = lastUsedStep
    }

    /// Whether a code for `step` may still be accepted.
    package func permits(step: Int64) -> Bool {
        guard let lastUsedStep else { return true }
        return step > lastUsedStep
    }

    /// Accepts `step` if it is newer than the last accepted one and records it.
    ///
    /// - Returns: `false` for a replayed or older step, leaving the guard unchanged.
    package mutating func consume(step: Int64) -> Bool {
        guard permits(step: step) else { return false }
        lastUsedStep = step
        return true
    }
}

extension TOTP {
    /// Verifies `candidate` and consumes its step in `replayGuard`, so that a code is accepted
    /// at most once.
    ///
    /// - Returns: the accepted step, or `nil` for a wrong code or a replay.
    package func verify(
        _ candidate: String, at now: Int64, window: Int = 1, replayGuard: inout TOTPReplayGuard
    ) -> Int64? {
        guard let step = verify(candidate, at: now, window: window), replayGuard.consume(step: step) else { return nil }
        return step
    }
}
