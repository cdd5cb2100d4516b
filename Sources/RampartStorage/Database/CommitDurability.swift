// SPDX-License-Identifier: Apache-2.0

/// When a commit counts as done, for records whose loss would not undo a state change: the
/// audit records of decisions, reads and refusals (`rampart serve --audit-durability`). State
/// changes are always committed to disk.
package enum CommitDurability: String, Sendable, CaseIterable {
    /// On disk before the commit returns (SQLite `synchronous=FULL`, PostgreSQL's default):
    /// survives a crash of the machine.
    case disk
    /// In the database before the commit returns, on disk shortly after (SQLite: the WAL is
    /// synced within 50 ms; PostgreSQL: `synchronous_commit=off`, within three WAL-writer
    /// delays, 600 ms by default): survives a crash or kill of the Rampart process, not a power
    /// loss of its machine in that window. The records that make it are still chained and
    /// checkpointed: a loss shortens the log, it never breaks or alters it.
    case process
}
