// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Who an audit record says acted: an operator, a user, an API key, or Rampart itself.
package struct AuditActor: Sendable, Hashable {
    package var type: String
    package var id: String?

    package init(type: String, id: String?) {
        self.type = type
        self.id = id
    }

    /// The principal of an authenticated request.
    package init(_ principal: Principal) {
        switch principal.kind {
        case .operator(let id): self.init(type: "operator", id: id.rawValue)
        case .user(let id, _): self.init(type: "user", id: id.rawValue)
        case .apiKey(let keyID, _): self.init(type: "apiKey", id: keyID)
        }
    }

    /// Rampart's own background work (a sync service, a janitor).
    package static func system(_ name: String) -> AuditActor { AuditActor(type: "system", id: name) }
}
