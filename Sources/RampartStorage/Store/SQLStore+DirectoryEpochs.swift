// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func directoryClock() async throws -> Int64 {
        try await sql.raw("SELECT seq FROM directory_clock WHERE id = 1").first()?.decode(column: "seq", as: Int64.self) ?? 0
    }

    func directoryChanges(since clock: Int64, limit: Int) async throws -> [(tenant: TenantID, clock: Int64)] {
        let rows = try await sql.raw(
            "SELECT tenant_id, seq FROM directory_epochs WHERE seq > \(bind: clock) ORDER BY seq LIMIT \(bind: max(1, min(limit, 100_000)))"
        ).all()
        return try rows.map { (TenantID(try $0.decode(column: "tenant_id", as: String.self)), try $0.decode(column: "seq", as: Int64.self)) }
    }
}
