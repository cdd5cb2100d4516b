// SPDX-License-Identifier: Apache-2.0

import RampartConnectors
import RampartEnforcement

/// One plan for one database: read its catalog, ask the engine what each principal may do with
/// each table, check the row filters against PostgreSQL, and compare.
///
/// ``plan(session:marker:database:principals:target:)`` runs the four steps in order; they are
/// callable one by one too, so a benchmark can time each step of the very code a sync runs.
package enum EnforcementPlanning {
    /// - Parameters:
    ///   - marker: whose objects these are (tenant and datasource).
    ///   - database: the `database` resource the policies name for this datasource.
    ///   - principals: the tenant's users and the login roles they map to.
    ///   - target: the service whose published policies are enforced.
    package static func plan(
        session: PostgresEnforcementSession, marker: OwnershipMarker, database: String, principals: [EnforcementPrincipal],
        target: ServicePolicies
    ) async throws -> EnforcementPlan {
        let catalog = try await readCatalog(session)
        var desired = await decide(catalog: catalog, database: database, principals: principals, target: target)
        await checkFilters(&desired, session: session)
        return plan(consume desired, catalog: catalog, marker: marker)
    }

    /// What the policies ask of one database, before it is compared with the catalog.
    package struct Desired: Sendable {
        /// The principals whose role exists in the database.
        package var governed: [EnforcementPrincipal]
        package var tables: [DesiredTable]
        /// Missing roles and rejected filters, in the order they were found.
        package var findings: [EnforcementFinding]
        /// How many decisions were asked for and evaluated.
        package var tally: EnforcementOracle.Tally
    }

    /// Step 1: the catalog, in one snapshot.
    package static func readCatalog(_ session: PostgresEnforcementSession) async throws -> DatabaseCatalog {
        do {
            return try await session.catalog()
        } catch {
            throw DatasourceAccess.error(error)
        }
    }

    /// Step 2: the engine's decisions for every governed principal and table.
    package static func decide(
        catalog: DatabaseCatalog, database: String, principals: [EnforcementPrincipal], target: ServicePolicies
    ) async -> Desired {
        var findings: [EnforcementFinding] = []
        var governed: [EnforcementPrincipal] = []
        for principal in principals {
            if catalog.roles[principal.role] != nil {
                governed.append(principal)
            } else if principal.groups != nil {
                findings.append(
                    EnforcementFinding(
                        .roleMissing, "user \(principal.username) has no role \(principal.role) in database \(catalog.database)",
                        role: principal.role))
            }
        }
        let (tables, tally) = await EnforcementOracle.decide(tables: catalog.tables, principals: governed, database: database, on: target)
        return Desired(governed: governed, tables: tables, findings: findings, tally: tally)
    }

    /// Step 3: a filter PostgreSQL does not accept withholds the reads it would have filtered.
    package static func checkFilters(_ desired: inout Desired, session: PostgresEnforcementSession) async {
        var verdicts: [String: String?] = [:]
        for index in desired.tables.indices {
            for accessIndex in desired.tables[index].accesses.indices {
                guard let filter = desired.tables[index].accesses[accessIndex].rowFilter else { continue }
                let table = desired.tables[index].table
                let key = "\(table.oid)\u{1F}\(filter.expression)"
                if verdicts[key] == nil { verdicts[key] = .some(await session.checkFilter(filter.expression, on: table)) }
                guard let problem = verdicts[key] ?? nil else { continue }
                let role = desired.tables[index].accesses[accessIndex].role
                desired.tables[index].accesses[accessIndex].select = []
                desired.tables[index].accesses[accessIndex].masks = [:]
                desired.tables[index].accesses[accessIndex].rowFilter = nil
                desired.findings.append(
                    EnforcementFinding(
                        .filterInvalid, "row filter rejected by PostgreSQL (\(problem)); reads withheld", table: table.resourceName, role: role,
                        policyID: filter.policyID))
            }
        }
    }

    /// Step 4: the statements that bring `catalog` to `desired`.
    /// Given up by the caller, `desired` is let go table by table as the statements are written.
    package static func plan(_ desired: consuming Desired, catalog: DatabaseCatalog, marker: OwnershipMarker) -> EnforcementPlan {
        var desired = consume desired
        let planner = EnforcementPlanner(marker: marker, catalog: catalog, governedRoles: Set(desired.governed.map(\.role)))
        let tables = desired.tables
        desired.tables = []
        var plan = planner.plan(consume tables)
        plan.findings = desired.findings + plan.findings
        return plan
    }
}
