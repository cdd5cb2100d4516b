// SPDX-License-Identifier: Apache-2.0

/// The last enforcement run of a PostgreSQL datasource: what `GET /v1/datasources/{id}/sync` shows.
package struct DatasourceSyncState: Sendable, Equatable {
    package enum Outcome: String, Sendable, Codable, CaseIterable {
        /// A plan ran.
        case applied
        /// The database already agreed with the policies.
        case inSync = "in-sync"
        /// The database differs from the policies and the datasource is in `report` mode: nothing
        /// was changed.
        case pending
        /// The run failed (cannot connect, a statement failed and was rolled back).
        case failed
    }

    package var tenantID: TenantID
    package var datasourceID: String
    /// The tenant policy version the database last agreed with (`nil` until a run succeeded).
    package var policyVersion: Int64?
    /// A digest of what the last agreeing plan was made from (policy version, users, groups,
    /// role mapping): a plan made from the same inputs that still finds work found drift.
    package var inputs: String?
    package var lastRunAt: Int64
    package var outcome: Outcome
    /// Statements the last run planned.
    package var statements: Int
    package var findings: Int
    /// Statements planned although the policies had not changed since the database last agreed:
    /// someone changed the database.
    package var drift: Int
    package var error: String?

    package init(
        tenantID: TenantID, datasourceID: String, policyVersion: Int64?, inputs: String?, lastRunAt: Int64, outcome: Outcome, statements: Int,
        findings: Int,
        drift: Int, error: String?
    ) {
        self.tenantID = tenantID
        self.datasourceID = datasourceID
        self.policyVersion = policyVersion
        self.inputs = inputs
        self.lastRunAt = lastRunAt
        self.outcome = outcome
        self.statements = statements
        self.findings = findings
        self.drift = drift
        self.error = error
    }
}
