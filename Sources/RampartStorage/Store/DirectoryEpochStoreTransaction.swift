// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The change counters of tenants' directories (users, groups, memberships, API keys, tenant
/// status), moved by database triggers on every write path (migration `0016_directory_epochs`),
/// for servers that cache what decisions and API-key authentication read.
package protocol DirectoryEpochStoreTransaction: Sendable {
    /// The count of directory changes of all tenants so far.
    func directoryClock() async throws -> Int64

    /// The tenants whose directory changed after the clock stood at `clock`, with the count at
    /// their latest change; at most `limit`, lowest count first.
    func directoryChanges(since clock: Int64, limit: Int) async throws -> [(tenant: TenantID, clock: Int64)]
}
