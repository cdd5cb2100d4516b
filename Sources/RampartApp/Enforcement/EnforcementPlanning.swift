// SPDX-License-Identifier: Apache-2.0

import RampartConnectors
import RampartEnforcement

/// One plan for one database: read its catalog, ask the engine what each principal may do with
/// each table, check the row filters and custom masks against PostgreSQL, and compare.
///
/// ``plan(session:marker:database:principals:target:createRoles:maskKey:)`` runs the four steps in order; they are
/// callable one by one too, so a benchmark can time each step of the very code a sync runs.
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
        let catalog = try await readCatalog(session)
        var desired = await decide(catalog: catalog, database: database, principals: principals, target: target, createRoles: createRoles)
        try await checkExpressions(&desired, session: session)
        return plan(consume desired, catalog: catalog, marker: marker, maskKey: maskKey)
    }

    /// What the policies ask of one database, before it is compared with the catalog.
    package struct Desired: Sendable {
        /// The principals whose role exists in the database or is to be created.
        package var governed: [EnforcementPrincipal]
        /// The governed principals' roles that are to be created (`createRoles`).
        package var newRoles: [String]
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
        catalog: DatabaseCatalog, database: String, principals: [EnforcementPrincipal], target: ServicePolicies, createRoles: Bool = false
    ) async -> Desired {
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
        let (tables, tally) = await EnforcementOracle.decide(tables: catalog.tables, principals: governed, database: database, on: target)
        return Desired(governed: governed, newRoles: newRoles, tables: tables, findings: findings, tally: tally)
    }

    /// Step 3: a filter PostgreSQL does not accept withholds the reads it would have filtered; a
    /// `CUSTOM` mask it does not accept (a type error, a function missing on this server)
    /// withholds its column. Either would otherwise fail the whole apply at `CREATE`.
    package static func checkExpressions(_ desired: inout Desired, session: PostgresEnforcementSession) async throws {
        var verdicts: [String: String?] = [:]
        func verdict(_ key: String, _ check: () async throws(ConnectorError) -> String?) async throws -> String? {
            if let known = verdicts[key] { return known }
            do {
                let found = try await check()
                verdicts[key] = .some(found)
                return found
            } catch {
                throw DatasourceAccess.error(error)
            }
        }
        for index in desired.tables.indices {
            let table = desired.tables[index].table
            for accessIndex in desired.tables[index].accesses.indices {
                let role = desired.tables[index].accesses[accessIndex].role
                for (column, mask) in desired.tables[index].accesses[accessIndex].masks where mask.type == "CUSTOM" {
                    guard let catalogColumn = table.columns.first(where: { $0.name == column }),
                        case .success(let sql?) = MaskSQL.make(mask, column: catalogColumn)
                    else { continue }  // The planner reports a mask it cannot write.
                    let key = "m\(table.oid)\u{1F}\(sql.expression)"
                    guard
                        let problem = try await verdict(
                            key,
                            { () async throws(ConnectorError) in
                                try await session.checkColumnExpression(sql.expression, on: table)
                            })
                    else { continue }
                    desired.tables[index].accesses[accessIndex].select.remove(column)
                    desired.tables[index].accesses[accessIndex].masks[column] = nil
                    desired.findings.append(
                        EnforcementFinding(
                            .maskUnsupported, "CUSTOM mask rejected by PostgreSQL (\(problem)); column \(column) withheld",
                            table: table.resourceName, role: role, policyID: mask.policyID))
                }
                guard let filter = desired.tables[index].accesses[accessIndex].rowFilter else { continue }
                let key = "f\(table.oid)\u{1F}\(filter.expression)"
                guard
                    let problem = try await verdict(
                        key,
                        { () async throws(ConnectorError) in
                            try await session.checkFilter(filter.expression, on: table)
                        })
                else { continue }
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
    package static func plan(
        _ desired: consuming Desired, catalog: DatabaseCatalog, marker: OwnershipMarker, maskKey: MaskHashKey? = nil
    ) -> EnforcementPlan {
        var desired = consume desired
        var groupMembers: [String: Set<String>] = [:]
        for principal in desired.governed {
            for group in principal.groups ?? [] { groupMembers[group, default: []].insert(principal.role) }
        }
        let planner = EnforcementPlanner(
            marker: marker, catalog: catalog, governedRoles: Set(desired.governed.map(\.role)).subtracting(desired.newRoles),
            newRoles: desired.newRoles, groupMembers: groupMembers, maskKey: maskKey)
        let tables = desired.tables
        desired.tables = []
        var plan = planner.plan(consume tables)
        plan.findings = desired.findings + plan.findings
        return plan
    }
}
