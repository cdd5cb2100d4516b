// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Job leases

    func takeJobLease(_ job: String, holder: String, now: Int64, expiresAt: Int64) async throws -> JobLease? {
        // The conflict branch runs only for this holder's own lease or an expired one; every
        // right-hand side reads the row as it was, so a new holder gets a new `acquired_at`.
        try await sql.raw(
            """
            INSERT INTO job_leases (job, holder, acquired_at, renewed_at, expires_at)
            VALUES (\(bind: job), \(bind: holder), \(bind: now), \(bind: now), \(bind: expiresAt))
            ON CONFLICT (job) DO UPDATE SET
                acquired_at = CASE WHEN job_leases.holder = excluded.holder THEN job_leases.acquired_at ELSE excluded.acquired_at END,
                holder = excluded.holder, renewed_at = excluded.renewed_at, expires_at = excluded.expires_at
            WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= excluded.renewed_at
            RETURNING *
            """
        ).first().map(JobLeasesTable.decode)
    }

    func releaseJobLease(_ job: String, holder: String) async throws {
        try await sql.raw("DELETE FROM job_leases WHERE job = \(bind: job) AND holder = \(bind: holder)").run()
    }

    func jobLeases() async throws -> [JobLease] {
        try await sql.raw("SELECT * FROM job_leases ORDER BY job").all().map(JobLeasesTable.decode)
    }

    func liveServers(now: Int64) async throws -> [String] {
        try await sql.raw(
            "SELECT holder FROM job_leases WHERE job LIKE 'server:%' AND expires_at > \(bind: now) ORDER BY holder"
        ).all().map { try $0.decode(column: "holder", as: String.self) }
    }

    // MARK: Shared login throttle

    func loginThrottleStates(_ keys: [LoginThrottleKey], in tenant: TenantID, lock: Bool, now: Int64) async throws -> [LoginThrottleKey: String] {
        var states: [LoginThrottleKey: String] = [:]
        // One key at a time in one order on every server (see `LoginThrottleKey.<`): a cycle of
        // waits needs two transactions locking in different orders.
        for key in Set(keys).sorted() {
            let row: (any SQLRow)?
            if lock {
                // A no-op update on conflict locks the existing row and returns it; a new row is
                // a placeholder ('') that the caller's write fills in.
                row = try await sql.raw(
                    """
                    INSERT INTO login_throttle_state (tenant_id, scope, key, state, expires_at)
                    VALUES (\(bind: tenant.rawValue), \(bind: key.scope.rawValue), \(bind: key.key), '', \(bind: now))
                    ON CONFLICT (tenant_id, scope, key) DO UPDATE SET scope = excluded.scope
                    RETURNING state
                    """
                ).first()
            } else {
                row = try await sql.raw(
                    """
                    SELECT state FROM login_throttle_state
                    WHERE tenant_id = \(bind: tenant.rawValue) AND scope = \(bind: key.scope.rawValue) AND key = \(bind: key.key)
                    """
                ).first()
            }
            if let state = try row?.decode(column: "state", as: String.self), !state.isEmpty { states[key] = state }
        }
        return states
    }

    func putLoginThrottleStates(_ states: [LoginThrottleKey: (state: String, expiresAt: Int64)], in tenant: TenantID) async throws {
        for (key, value) in states.sorted(by: { $0.key < $1.key }) {
            try await sql.raw(
                """
                INSERT INTO login_throttle_state (tenant_id, scope, key, state, expires_at)
                VALUES (\(bind: tenant.rawValue), \(bind: key.scope.rawValue), \(bind: key.key), \(bind: value.state), \(bind: value.expiresAt))
                ON CONFLICT (tenant_id, scope, key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at
                """
            ).run()
        }
    }

    func deleteLoginThrottleState(_ key: LoginThrottleKey, in tenant: TenantID) async throws {
        try await sql.raw(
            """
            DELETE FROM login_throttle_state
            WHERE tenant_id = \(bind: tenant.rawValue) AND scope = \(bind: key.scope.rawValue) AND key = \(bind: key.key)
            """
        ).run()
    }

    func deleteExpiredLoginThrottleStates(now: Int64) async throws -> Int {
        guard engine == .postgres else {
            return try await sql.raw("DELETE FROM login_throttle_state WHERE expires_at < \(bind: now) RETURNING tenant_id").all().count
        }
        // Rows a failure has locked are skipped (they are being rewritten, and a prune waiting on
        // them while that failure waits on a row the prune holds would deadlock); bounded batches.
        return try await sql.raw(
            """
            DELETE FROM login_throttle_state WHERE (tenant_id, scope, key) IN (
                SELECT tenant_id, scope, key FROM login_throttle_state WHERE expires_at < \(bind: now)
                ORDER BY tenant_id, scope, key LIMIT 10000 FOR UPDATE SKIP LOCKED)
            RETURNING tenant_id
            """
        ).all().count
    }
}
