// SPDX-License-Identifier: Apache-2.0

/// One column value in engine-neutral form: what both SQLite and PostgreSQL can store, so a backup
/// of one restores into the other.
package enum BackupValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case boolean(Bool)
}

/// The neutral type of a column, derived from its declared type on the source engine. Restores
/// convert each value to the *target* column's type; this is recorded for people and tools.
package enum BackupColumnType: String, Sendable, Codable, Hashable {
    case integer
    case real
    case text
    case blob
    case boolean
    /// Anything else (PostgreSQL `numeric`, `jsonb`, `timestamptz`, `uuid`…), carried as its text form.
    case other
}
