// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// State that several servers sharing one database coordinate through: job leases and the login
/// throttle's shared counts.
package protocol ClusterStoreTransaction: Sendable {
    // MARK: Job leases
    /// Takes `job` for `holder` until `expiresAt`, or renews `holder`'s lease; `nil` while another
    /// holder's lease has not expired at `now`. One statement, so two servers never both win.
    func takeJobLease(_ job: String, holder: String, now: Int64, expiresAt: Int64) async throws -> JobLease?
    /// Gives the job up at once (graceful shutdown), if `holder` still holds it.
    func releaseJobLease(_ job: String, holder: String) async throws
    func jobLeases() async throws -> [JobLease]
    /// The instance names of servers whose presence lease (job `server:<instance>`) is live.
    func liveServers(now: Int64) async throws -> [String]

    // MARK: Shared login throttle
    /// The stored states of `keys` (absent keys are missing from the answer). With `lock`, the
    /// rows are created when missing and locked until the transaction ends (PostgreSQL
    /// `FOR UPDATE`), so concurrent failures on several servers are counted one after another.
    func loginThrottleStates(_ keys: [LoginThrottleKey], in tenant: TenantID, lock: Bool, now: Int64) async throws -> [LoginThrottleKey: String]
    /// Stores each key's state (JSON), kept until its `expiresAt`.
    func putLoginThrottleStates(_ states: [LoginThrottleKey: (state: String, expiresAt: Int64)], in tenant: TenantID) async throws
    func deleteLoginThrottleState(_ key: LoginThrottleKey, in tenant: TenantID) async throws
    /// Drops states that no longer affect any decision; returns how many.
    func deleteExpiredLoginThrottleStates(now: Int64) async throws -> Int
}
