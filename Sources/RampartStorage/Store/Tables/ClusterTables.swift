// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `job_leases`.
enum JobLeasesTable: StoredTable {
    static let name = "job_leases"
    static let job = Column<JobLease, String>("job") { $0.job }
    static let holder = Column<JobLease, String>("holder") { $0.holder }
    static let acquiredAt = Column<JobLease, Int64>("acquired_at") { $0.acquiredAt }
    static let renewedAt = Column<JobLease, Int64>("renewed_at") { $0.renewedAt }
    static let expiresAt = Column<JobLease, Int64>("expires_at") { $0.expiresAt }

    static let columns = [AnyColumn(job), AnyColumn(holder), AnyColumn(acquiredAt), AnyColumn(renewedAt), AnyColumn(expiresAt)]
    static let key = [AnyColumn(job)]

    static func decode(_ row: any SQLRow) throws -> JobLease {
        JobLease(
            job: try row.decode(job), holder: try row.decode(holder), acquiredAt: try row.decode(acquiredAt),
            renewedAt: try row.decode(renewedAt), expiresAt: try row.decode(expiresAt))
    }
}
