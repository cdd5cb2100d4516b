// SPDX-License-Identifier: Apache-2.0

/// Which limit caused a throttle decision.
package enum ThrottleReason: String, Sendable, Equatable {
    /// Too many recent failures for the account.
    case account
    /// Too many recent failures from the source address.
    case sourceIP = "ip"
    /// Too many recent failures across the tenant.
    case tenant
}

/// What to do with a login attempt, decided before the password is checked.
///
/// For anything but ``allow`` the server must not check the password at all (otherwise throttled
/// attempts would still be free guesses) and answers `429 Too Many Requests` with `Retry-After`.
/// Nothing is ever a permanent lockout: delays and blocks end on their own.
package enum ThrottleDecision: Sendable, Equatable {
    case allow
    /// Retry after this many whole seconds (rounded up).
    case delay(seconds: Int, reason: ThrottleReason)
    /// The source is blocked until this Unix-millisecond instant.
    case blocked(until: Int64, reason: ThrottleReason)

    package var isAllowed: Bool { self == .allow }

    /// The `Retry-After` value in whole seconds, or `nil` when the attempt is allowed.
    package func retryAfterSeconds(now: Int64) -> Int? {
        switch self {
        case .allow: nil
        case .delay(let seconds, _): seconds
        case .blocked(let until, _): Self.seconds(roundingUp: until.subtractingSaturating(now))
        }
    }

    /// Milliseconds to whole seconds, rounded up, and at least 1 so clients always back off.
    static func seconds(roundingUp milliseconds: Int64) -> Int {
        Int(max(1, milliseconds.addingSaturating(999) / 1000))
    }
}
