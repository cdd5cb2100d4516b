// SPDX-License-Identifier: Apache-2.0

/// One step of the schema, applied once, in order, inside a transaction.
package protocol Migration: Sendable {
    /// Stable, sortable id, e.g. `0001_foundation`. Never renamed once released.
    var id: String { get }
    /// The statements for `engine`. DDL differences between engines live here and nowhere else.
    func statements(for engine: DatabaseEngine) -> [String]
}

/// The explicit, ordered list of migrations.
package enum Migrations {
    package static let all: [any Migration] = [
        M0001Foundation(),
        M0002PolicyServices(),
        M0004Audit(),
        M0007SCIM(),
        M0008SSO(),
    ]
}
