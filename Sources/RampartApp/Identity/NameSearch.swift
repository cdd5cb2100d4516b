// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The `search` of a user or group list: the start of a name, as a person types it.
package enum NameSearch {
    /// The longest search accepted; names are shorter than this.
    package static let maximumLength = 200

    /// `search` ready for the store: `nil` when absent or empty (no filter). Control characters
    /// (a NUL is refused by PostgreSQL's text type) and over-long text are a 400 naming `search`.
    package static func prefix(_ search: String?) throws -> String? {
        guard let search, !search.isEmpty else { return nil }
        guard search.unicodeScalars.count <= maximumLength else {
            throw RampartError(.badRequest, "`search` must be at most \(maximumLength) characters", field: "search")
        }
        guard !search.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw RampartError(.badRequest, "`search` must not contain control characters", field: "search")
        }
        return search
    }
}
