// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The versions a change is based on (an `If-Match` header's entity tags); the change is refused
/// when the object has moved on. Without a precondition a change goes ahead, as in Ranger.
package struct VersionPrecondition: Sendable, Equatable {
    /// The accepted versions as entity-tag values (`"3"`), or `*` for any.
    package let entityTags: [String]

    package init(entityTags: [String]) { self.entityTags = entityTags }

    /// Refuses (412) when `version` is not one of the accepted ones.
    package func check(current version: Int64) throws {
        guard entityTags.contains("*") || entityTags.contains(String(version)) else {
            throw RampartError(.preconditionFailed, "the object is at version \(version), not the one in If-Match", field: "If-Match")
        }
    }
}
