// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Keeps the first error raised inside a callback that cannot throw (a driver's row handler), so
/// the caller can rethrow it once the driver returns.
final class FirstError: Sendable {
    private let stored = Mutex<(any Error)?>(nil)

    var isSet: Bool { stored.withLock { $0 != nil } }
    var value: (any Error)? { stored.withLock { $0 } }

    func set(_ error: any Error) {
        stored.withLock { if $0 == nil { $0 = error } }
    }
}
