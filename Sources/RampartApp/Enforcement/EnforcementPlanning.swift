// SPDX-License-Identifier: Apache-2.0

import RampartConnectors
import RampartEnforcement

/// One plan for one database: read its catalog, ask the engine what each principal may do with
/// each table, check the row filters against PostgreSQL, and compare.
package enum EnforcementPlanning {
    /// - Parameters:
    ///   - marker: whose objects these are (tenant and datasource).
    ///   - database: the `database` resource the policies name for this datasource.
    ///   - principals: the tenant's users and the login roles they map to.
    ///   - target: the service whose published policies are enforced.
    ///   - createRoles: create missing login roles (`NOLOGIN`) instead of reporting them.
    ///   - maskKey: the datasource's `MASK_HASH` key (without it those columns are withheld).
    package static func plan(
        session: PostgresEnforcementSession, marker: OwnershipMarker, database: String, principals: [EnforcementPrincipal],
        target: ServicePolicies, createRoles: Bool = false, maskKey: MaskHashKey? = nil
    ) async throws -> EnforcementPlan {
        let catalog: DatabaseCatalog
        do {
            catalog = try await session.catalog()
        } catch {
            throw DatasourceAccess.error(error)
        }
        var findings: [EnforcementFinding] = []
        var governed: [EnforcementPrincipal] = []
        var newRoles: [String] = []
        for principal in principals {
            if principal.role.utf8.count > 63 {
                findings.append(
                    EnforcementFinding(
                        .roleMissing, "user \(principal.username)'s role name is longer than PostgreSQL's 63 bytes; map it with sync.roleMap",
                        role: principal.role))
            } else if catalog.roles[principal.role] != nil {
                governed.append(principal)
            } else if createRoles && principal.groups != nil {
                governed.append(principal)
                newRoles.append(principal.role)
            } else if principal.groups != nil {
                findings.append(
                    EnforcementFinding(
                        .roleMissing, "user \(principal.username) has no role \(principal.role) in database \(catalog.database)",
                        role: principal.role))
            }
        }
        var desired = EnforcementOracle.desired(
            tables: catalog.tables, principals: governed, database: database, on: target)
        // A filter PostgreSQL does not accept withholds the reads it would have filtered.
        var verdicts: [String: String?] = [:]
        for index in desired.indices {
            for accessIndex in desired[index].accesses.indices {
                guard let filter = desired[index].accesses[accessIndex].rowFilter else { continue }
                let table = desired[index].table
                let key = "\(table.oid)\u{1F}\(filter.expression)"
                if verdicts[key] == nil {
                    do {
                        verdicts[key] = .some(try await session.checkFilter(filter.expression, on: table))
                    } catch {
                        throw DatasourceAccess.error(error)
                    }
                }
                guard let problem = verdicts[key] ?? nil else { continue }
                let role = desired[index].accesses[accessIndex].role
                desired[index].accesses[accessIndex].select = []
                desired[index].accesses[accessIndex].masks = [:]
                desired[index].accesses[accessIndex].rowFilter = nil
                findings.append(
                    EnforcementFinding(
                        .filterInvalid, "row filter rejected by PostgreSQL (\(problem)); reads withheld", table: table.resourceName, role: role,
                        policyID: filter.policyID))
            }
        }
        var groupMembers: [String: Set<String>] = [:]
        for principal in governed {
            for group in principal.groups ?? [] { groupMembers[group, default: []].insert(principal.role) }
        }
        let planner = EnforcementPlanner(
            marker: marker, catalog: catalog, governedRoles: Set(governed.map(\.role)).subtracting(newRoles), newRoles: newRoles,
            groupMembers: groupMembers, maskKey: maskKey)
        var plan = planner.plan(desired)
        plan.findings = findings + plan.findings
        return plan
    }
}
