// SPDX-License-Identifier: Apache-2.0

/// One counter of the login throttle: an account, a source address (or IPv6 network), or the
/// whole tenant. The shared throttle stores one row per key.
package struct LoginThrottleKey: Sendable, Hashable, Comparable {
    package enum Scope: String, Sendable, Comparable {
        case account
        case source
        case tenant

        package static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    package var scope: Scope
    package var key: String

    package init(_ scope: Scope, _ key: String) {
        self.scope = scope
        self.key = key
    }

    /// Locks are taken in this order on every server, so two failures never wait on each other
    /// in a cycle.
    package static func < (lhs: LoginThrottleKey, rhs: LoginThrottleKey) -> Bool {
        (lhs.scope, lhs.key) < (rhs.scope, rhs.key)
    }
}
