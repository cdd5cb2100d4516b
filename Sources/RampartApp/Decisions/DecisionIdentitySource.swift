// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy

/// Where a service's decisions take the requester's identity from, set per service in its
/// `configs` as `rampart.identity.source`.
///
/// - `rampart` (the default): the user must be one of the tenant's active users, and their
///   stored groups are used. A caller that sends `groups` or `roles` is refused (422) rather than
///   silently trusted or silently ignored.
/// - `request`: Ranger plugin semantics, for applications whose users live elsewhere. The caller
///   is trusted for the user, the groups and the roles; the user need not be known to Rampart.
package enum DecisionIdentitySource: String, Sendable {
    case rampart
    case request

    /// The service configuration key.
    package static let configKey = "rampart.identity.source"

    /// The source `service` names, `rampart` when it names none.
    ///
    /// - Throws: ``RampartError`` `validation-failed` naming the key for another value.
    package init(service: Service) throws {
        guard let value = service.configs[Self.configKey] else {
            self = .rampart
            return
        }
        guard let source = Self(rawValue: value) else {
            throw RampartError.validation("must be `rampart` or `request`", field: "configs.\(Self.configKey)")
        }
        self = source
    }
}
