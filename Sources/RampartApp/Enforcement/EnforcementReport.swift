// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartEnforcement

/// A plan or an apply as the API and `rampart sync --json` show it.
package struct EnforcementReport: Encodable, Sendable {
    package struct Statement: Encodable, Sendable {
        package var kind: String
        package var table: String?
        package var sql: String
    }

    package struct Finding: Encodable, Sendable {
        package var code: String
        package var message: String
        package var table: String?
        package var role: String?
        package var policyId: Int64?

        package init(_ finding: EnforcementFinding) {
            code = finding.code.rawValue
            message = finding.message
            table = finding.table
            role = finding.role
            policyId = finding.policyID
        }
    }

    package var datasource: String
    package var service: String
    package var policyVersion: Int64
    package var applied: Bool
    package var tables: Int
    package var roles: Int
    /// Statements by kind (`grant`, `revoke`, `view`, `row-security`, `schema`, `search-path`).
    package var counts: [String: Int]
    package var statements: [Statement]
    package var findings: [Finding]

    package init(_ result: PolicySync.Result) {
        datasource = result.datasource.id
        service = result.service
        policyVersion = result.policyVersion
        applied = result.applied
        tables = result.plan.tableCount
        roles = result.plan.roleCount
        counts = Dictionary(uniqueKeysWithValues: result.plan.counts.map { ($0.key.rawValue, $0.value) })
        // A statement holding a secret (the masking key) is shown redacted.
        statements = result.plan.statements.map { Statement(kind: $0.kind.rawValue, table: $0.table, sql: $0.shown) }
        findings = result.plan.findings.map(Finding.init)
    }
}
