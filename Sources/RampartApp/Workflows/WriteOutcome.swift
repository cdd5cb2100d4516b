// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// What became of a write a person asked for: made at once, or held as a change request when the
/// tenant requires four eyes (``ChangeRequests/holdIfRequired(_:by:audit:)``).
package enum WriteOutcome<Made: Sendable>: Sendable {
    case made(Made)
    /// Waiting for a change approver.
    case held(ChangeRequest)
}
