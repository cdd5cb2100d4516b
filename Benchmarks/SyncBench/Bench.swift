// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartConnectors
import RampartEnforcement
import RampartPolicy

/// What makes a plan hard, counted from the engine's decisions (before the filter check).
struct Shape {
    /// `AccessDecision`s the oracle asks for: per principal and table, select, insert and update
    /// per column and delete on the table, plus the table-level read for the row filter where a
    /// column is readable.
    var decisions = 0
    /// The column and delete decisions, and how many of them allowed.
    var accessDecisions = 0
    var allowed = 0
    /// (role, table) pairs with any access, with a masked column, with a row filter.
    var pairs = 0
    var maskedColumns = 0
    var filteredPairs = 0

    init(_ desired: EnforcementPlanning.Desired) {
        let principals = desired.governed.filter { $0.groups != nil }.count
        var tableReads = 0
        for table in desired.tables {
            accessDecisions += principals * (3 * table.table.columns.count + 1)
            pairs += table.accesses.count
            for access in table.accesses {
                if !access.select.isEmpty { tableReads += 1 }
                allowed += access.select.count + access.insert.count + access.update.count + (access.delete ? 1 : 0)
                maskedColumns += access.masks.count
                if access.rowFilter != nil { filteredPairs += 1 }
            }
        }
        decisions = accessDecisions + tableReads
    }
}

/// One plan, made step by step with the sync's own steps, how long each took, and what it was
/// made from (the catalog and the decisions themselves are not kept, as a sync keeps neither).
struct Planned {
    var plan: EnforcementPlan
    var shape: Shape
    var tally: EnforcementOracle.Tally
    var principals: Int
    var tables: Int
    /// Privileges governed roles hold (table-level, column-level), views and row-security policies.
    var held: (table: Int, column: Int)
    var views: Int
    var policies: Int
    /// The measured table's decisions.
    var big: DesiredTable?
    /// The oracle's answers checked against plain decisions, when asked for.
    var check: String?
    var steps: [(name: String, time: Duration)]

    var total: Duration { steps.reduce(.zero) { $0 + $1.time } }
    var split: String { steps.map { "\($0.name) \(formatSeconds($0.time))" }.joined(separator: ", ") }

    var statementKinds: String {
        let counts = plan.counts
        guard !counts.isEmpty else { return "none" }
        return counts.keys.sorted().map { "\($0.rawValue) \(grouped(counts[$0] ?? 0))" }.joined(separator: ", ")
    }
}

/// The planner's step where a sync runs it: on the concurrency pool, not the main thread.
func planOnPool(_ desired: consuming EnforcementPlanning.Desired, catalog: DatabaseCatalog, marker: OwnershipMarker) async -> EnforcementPlan {
    EnforcementPlanning.plan(consume desired, catalog: catalog, marker: marker)
}

@MainActor
struct Bench {
    let settings: PostgresConnector.Settings
    let password: String?
    let suffix: String
    let workload: Workload
    let rows: Int
    let runs: Int
    /// Stop after the first plan (for profiling the planning alone).
    let planOnly: Bool
    let syncPassword = "sb-" + UUID().uuidString

    var databaseName: String { "rampart_syncbench_\(suffix)" }
    var syncRole: String { "sb_\(suffix)_sync" }
    var roles: [String] { [syncRole] + workload.users.map(\.role) }
    /// The group roles the sync creates (`rp_g_<group>`): cluster-wide, so dropped at the end too,
    /// or the next run finds them and, not being its own, leaves them alone.
    var groupRoles: [String] { workload.groups.map { "rp_g_\($0)" } }
    var marker: OwnershipMarker { OwnershipMarker(tenant: "bench", datasource: "sync-bench-\(suffix)") }
    var principals: [EnforcementPrincipal] {
        workload.users.map { EnforcementPrincipal(username: $0.role, role: $0.role, groups: Set($0.groups)) }
    }

    func run(admin: AdminConnection) async throws {
        let server = try await admin.rows("SELECT current_setting('server_version')").first?.first ?? nil
        say(
            "SyncBench: PostgreSQL \(server ?? "?") at \(settings.host):\(settings.port), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let columns = workload.tables.map(\.columns.count)
        let memberships = workload.users.map(\.groups.count).reduce(0, +)
        say(
            "estate: \(grouped(workload.tables.count)) tables × \(columns.min() ?? 0)–\(columns.max() ?? 0) columns (text, integer, date) in "
                + "\(Workload.schemas.count) schemas; \(grouped(workload.users.count)) users in \(workload.groups.count) groups "
                + String(format: "(1–3 each, %.1f on average)", Double(memberships) / Double(max(1, workload.users.count))))
        say(
            "policies: \(workload.policies.count) (" + workload.kinds.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
                + "; \(workload.denyItems) deny items, \(workload.exceptions) exceptions)")
        let (_, setupTime) = try await timed { try await setUp(admin) }
        say(
            "setup: database, \(grouped(roles.count)) roles, \(grouped(workload.tables.count)) tables and \(grouped(rows)) rows in "
                + "\(Workload.big.schema).\(Workload.big.name) in \(formatSeconds(setupTime))")
        var sync = settings
        sync.username = syncRole
        sync.database = databaseName
        let session = try await PostgresConnector(settings: sync, password: syncPassword).connectForEnforcement()
        do {
            try await measure(session)
            await session.close()
        } catch {
            await session.close()
            throw error
        }
    }

    // MARK: Setup

    func setUp(_ admin: AdminConnection) async throws {
        try await admin.run("CREATE ROLE \(syncRole) LOGIN CREATEROLE PASSWORD '\(syncPassword)'")
        try await admin.run("CREATE DATABASE \(databaseName)")
        try await admin.run("GRANT CREATE ON DATABASE \(databaseName) TO \(syncRole)")
        let database = try await AdminConnection.open(settings, password: password, database: databaseName)
        do {
            // The sync role creates the users' roles (so it may set their search_path on any
            // version) and owns the tables.
            try await database.run("SET ROLE \(syncRole)")
            for user in workload.users { try await database.run("CREATE ROLE \(user.role) NOLOGIN") }
            try await database.run("RESET ROLE")
            for schema in Workload.schemas.map(\.name) where schema != "public" {
                try await database.run("CREATE SCHEMA \(schema) AUTHORIZATION \(syncRole)")
                try await database.run("GRANT USAGE ON SCHEMA \(schema) TO PUBLIC")
            }
            try await database.run("GRANT CREATE ON SCHEMA public TO \(syncRole)")
            try await database.run("BEGIN")
            try await database.run("SET LOCAL ROLE \(syncRole)")
            for table in workload.tables {
                let columns = table.columns.map { "\"\($0.name)\" \($0.type)\($0.name == "id" ? " PRIMARY KEY" : "")" }
                try await database.run("CREATE TABLE \(table.sqlName) (\(columns.joined(separator: ", ")))")
            }
            try await database.run("COMMIT")
            try await database.run(
                """
                INSERT INTO \(Workload.big.sqlName) SELECT g, 'Customer ' || g, 'customer' || g || '@example.com',
                    '+1-555-' || lpad((g % 10000000)::text, 7, '0'), (ARRAY['EU', 'US', 'APAC', 'LATAM'])[1 + g % 4],
                    (ARRAY['open', 'active', 'closed'])[1 + g % 3], (g * 37) % 100000, DATE '2020-01-01' + g % 1500,
                    DATE '1950-01-01' + g % 20000, 'note ' || md5(g::text)
                FROM generate_series(1, \(rows)) g
                """)
            try await database.run("VACUUM (ANALYZE) \(Workload.big.sqlName)")
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    // MARK: Measurements

    /// The sync's steps (``EnforcementPlanning/plan(session:marker:database:principals:target:)``
    /// runs exactly these), each timed; the shape is counted between steps, outside the timings.
    func plan(_ session: PostgresEnforcementSession, _ target: ServicePolicies, verify: Bool = false) async throws -> Planned {
        let (catalog, catalogTime) = try await timed { try await EnforcementPlanning.readCatalog(session) }
        trace("catalog read (\(grouped(catalog.grants.count)) grants)")
        var (desired, decideTime) = await timed {
            await EnforcementPlanning.decide(catalog: catalog, database: Workload.database, principals: principals, target: target)
        }
        let shape = Shape(desired)
        trace("decided")
        let check = verify ? Self.verify(desired, target: target) : nil
        let (_, filterTime) = try await timed { try await EnforcementPlanning.checkExpressions(&desired, session: session) }
        let governed = Set(desired.governed.map(\.role))
        let tally = desired.tally
        let big = desired.tables.first { $0.table.schema == Workload.big.schema && $0.table.name == Workload.big.name }
        // The planner is given the decisions to let go of, as the sync gives them.
        let clock = ContinuousClock()
        let start = clock.now
        let plan = await planOnPool(consume desired, catalog: catalog, marker: marker)
        let plannerTime = clock.now - start
        trace("planned")
        var held = (table: 0, column: 0)
        for grant in catalog.grants where governed.contains(grant.grantee) {
            if grant.column == nil { held.table += 1 } else { held.column += 1 }
        }
        return Planned(
            plan: plan, shape: shape, tally: tally, principals: governed.count, tables: catalog.tables.count, held: held,
            views: catalog.views.count, policies: catalog.policies.count, big: big, check: check,
            steps: [("catalog read", catalogTime), ("decisions", decideTime), ("filter check", filterTime), ("planner", plannerTime)])
    }

    /// Checks the oracle's answers (each principal's decisions shared by resources with the same
    /// footprint) against one plain `AccessDecision` per request, for every 25th principal and every
    /// table, as the oracle asked before it shared decisions. Not timed.
    static func verify(_ desired: EnforcementPlanning.Desired, target: ServicePolicies) -> String {
        let sample = stride(from: 0, to: desired.governed.count, by: 25).map { desired.governed[$0] }
        var compared = 0
        var differing: [String] = []
        for principal in sample {
            guard let groups = principal.groups else { continue }
            for item in desired.tables {
                func decide(_ resource: [String: String], _ accessType: String) -> AccessDecision {
                    AccessDecision.evaluate(
                        AccessRequest(resource: AccessResource(resource), accessType: accessType, user: principal.username, userGroups: groups),
                        on: target)
                }
                var access = RoleTableAccess(role: principal.role)
                let table = item.table.resourceName
                for column in item.table.columns {
                    let resource = ["database": Workload.database, "table": table, "column": column.name]
                    let select = decide(resource, "select")
                    if select.allowed {
                        access.select.insert(column.name)
                        if let mask = select.mask {
                            access.masks[column.name] = ColumnMask(type: mask.type, value: mask.value, policyID: mask.policyId)
                        }
                    }
                    if decide(resource, "insert").allowed { access.insert.insert(column.name) }
                    if decide(resource, "update").allowed { access.update.insert(column.name) }
                }
                let tableResource = ["database": Workload.database, "table": table]
                if !access.select.isEmpty, let filter = decide(tableResource, "select").rowFilter {
                    access.rowFilter = RowFilter(expression: filter.expression, policyID: filter.policyId)
                }
                access.delete = decide(tableResource, "delete").allowed
                let expected: RoleTableAccess? = access.isEmpty ? nil : access
                let actual = item.accesses.first { $0.role == principal.role }
                compared += 1
                if actual != expected { differing.append("\(principal.role) on \(table)") }
            }
        }
        return "checked: the answers for every 25th principal (\(grouped(compared)) principal and table pairs) equal one plain decision "
            + "per request: " + (differing.isEmpty ? "yes" : "NO, \(differing.count) differ: \(differing.prefix(5).joined(separator: "; "))")
    }

    func apply(_ session: PostgresEnforcementSession, _ plan: EnforcementPlan) async throws {
        do {
            try await session.apply(plan.statements.map(\.sql))
        } catch let failure as PostgresEnforcementSession.ApplyFailure {
            throw BenchError(description: "apply: statement \(failure.index + 1) failed: \(failure.message): \(failure.statement.prefix(300))")
        }
    }

    func measure(_ session: PostgresEnforcementSession) async throws {
        var workload = self.workload
        let (target, snapshotTime) = try await timed { try workload.servicePolicies(version: 1) }
        say("snapshot: \(workload.policies.count) policies compiled in \(formatSeconds(snapshotTime))")
        guard try await firstSync(session, target) else { return }

        let again = try await plan(session, target)
        say(
            "plan after apply: \(formatSeconds(again.total)) (\(again.split)), \(grouped(again.plan.statements.count)) statements; "
                + "idempotent: \(again.plan.isEmpty ? "yes" : "NO")")
        say(
            "  the catalog now holds \(grouped(again.held.table + again.held.column)) privileges of governed roles "
                + "(\(grouped(again.held.table)) table-level, \(grouped(again.held.column)) column-level), \(again.views) views, "
                + "\(again.policies) row-security policies")

        let change = workload.changeOnePolicy()
        let (changed, rebuildTime) = try await timed { try workload.servicePolicies(version: 2) }
        let incremental = try await plan(session, changed)
        let (_, incrementalApply) = try await timed { try await apply(session, incremental.plan) }
        let incrementalTotal = incremental.total + incrementalApply
        say("incremental: \(change) (snapshot rebuilt in \(formatSeconds(rebuildTime)))")
        say(
            "  re-plan \(formatSeconds(incremental.total)) (\(incremental.split)) + apply \(formatSeconds(incrementalApply)) = "
                + "\(formatSeconds(incrementalTotal)), \(grouped(incremental.plan.statements.count)) statements (\(incremental.statementKinds))"
                + "   target ≤ 2 s: \(verdict(incrementalTotal <= .seconds(2)))")
        let settled = try await plan(session, changed)
        say("  plan after the incremental apply: \(grouped(settled.plan.statements.count)) statements")

        if let big = settled.big { try await viewOverhead(big) }

        let peak = memoryMiB("VmHWM") ?? 0
        say(
            String(format: "peak memory: %.0f MiB (%.0f MB) resident (VmHWM)", peak, peak * 1.048576)
                + "   target ≤ 256 MB: \(verdict(peak * 1.048576 <= 256))")
    }

    /// The first plan and its apply: every grant, view and policy the estate needs. `false` when
    /// only planning was asked for.
    func firstSync(_ session: PostgresEnforcementSession, _ target: ServicePolicies) async throws -> Bool {
        let first = try await plan(session, target, verify: true)
        let shape = first.shape
        say(
            "work: \(grouped(shape.decisions)) decisions (\(grouped(first.principals)) principals × \(grouped(first.tables)) tables × "
                + "(3 per column + delete), + \(grouped(shape.decisions - shape.accessDecisions)) table reads for row filters); "
                + String(format: "allow rate %.1f%%", 100 * Double(shape.allowed) / Double(max(1, shape.accessDecisions))))
        say(
            "      the engine evaluated \(grouped(first.tally.evaluated)) of them: \(grouped(first.tally.footprints)) distinct "
                + "resource footprints (the policies that apply and how they match), decided once each per principal and access type")
        say(
            "      \(grouped(shape.pairs)) (role, table) pairs with access, \(grouped(shape.maskedColumns)) masked (role, column) pairs, "
                + "\(grouped(shape.filteredPairs)) filtered (role, table) pairs")
        if let check = first.check { say("      \(check)") }
        say("full plan: \(formatSeconds(first.total)) (\(first.split))   target ≤ 10 s: \(verdict(first.total <= .seconds(10)))")
        say("  \(grouped(first.plan.statements.count)) statements (\(first.statementKinds)), \(first.plan.findings.count) findings")
        guard !planOnly else { return false }
        let (_, applyTime) = try await timed { try await apply(session, first.plan) }
        say("apply: \(formatSeconds(applyTime)) (\(grouped(first.plan.statements.count)) statements in one transaction)")
        trace("applied")
        return true
    }

    /// A full read of the measured table through its masking view as a masked role, against the
    /// base table as an unmasked role: `EXPLAIN (ANALYZE, FORMAT JSON)`'s execution time.
    func viewOverhead(_ item: DesiredTable) async throws {
        let all = Set(item.table.columns.map(\.name))
        let readers = item.accesses.filter { $0.select == all && $0.rowFilter == nil }.sorted { $0.role < $1.role }
        guard let masked = readers.first(where: { $0.masks.count == Workload.bigMasks.count }),
            let plain = readers.first(where: { $0.masks.isEmpty })
        else {
            say("masking view: no masked and unmasked reader of every column; not measured")
            return
        }
        let columns = item.table.columns.map { SQLText.identifier($0.name) }.joined(separator: ", ")
        let viewQuery = "SELECT \(columns) FROM \(SQLText.qualified(item.table.viewSchema, item.table.name))"
        let baseQuery = "SELECT \(columns) FROM \(item.table.sqlName)"
        // The same masks written into the query on the base table: what masking costs without the
        // view (its security barrier and its CASE on current_user).
        let inline = item.table.columns.map { column -> String in
            let name = SQLText.identifier(column.name)
            guard let mask = masked.masks[column.name], case .success(let sql?) = MaskSQL.make(mask, column: column) else { return name }
            return "\(sql.expression) AS \(name)"
        }
        let inlineQuery = "SELECT \(inline.joined(separator: ", ")) FROM \(item.table.sqlName)"
        let database = try await AdminConnection.open(settings, password: password, database: databaseName)
        func executionTime(as role: String, _ query: String) async throws -> Double {
            try await database.run("SET ROLE \(role)")
            let rows = try await database.rows("EXPLAIN (ANALYZE, FORMAT JSON) \(query)")
            try await database.run("RESET ROLE")
            guard let text = rows.first?.first ?? nil,
                let plans = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]],
                let time = plans.first?["Execution Time"] as? Double
            else { throw BenchError(description: "EXPLAIN gave no execution time: \(rows)") }
            return time
        }
        var base: [Double] = []
        var view: [Double] = []
        var masksOnly: [Double] = []
        do {
            // One warm-up read each, then in turn.
            _ = try await executionTime(as: plain.role, baseQuery)
            _ = try await executionTime(as: masked.role, viewQuery)
            for _ in 0..<runs {
                base.append(try await executionTime(as: plain.role, baseQuery))
                view.append(try await executionTime(as: masked.role, viewQuery))
                masksOnly.append(try await executionTime(as: plain.role, inlineQuery))
            }
            await database.close()
        } catch {
            await database.close()
            throw error
        }
        let overhead = (median(view) - median(base)) / median(base) * 100
        let masks = Workload.bigMasks.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let maskedRoles = item.accesses.filter { !$0.masks.isEmpty }.count
        say(
            "masking view: \(grouped(rows)) rows × \(item.table.columns.count) columns, 3 masked (\(masks)) for \(grouped(maskedRoles)) roles; "
                + "EXPLAIN (ANALYZE) execution time of a full read, median of \(runs)")
        say(
            String(
                format: "  base table as an unmasked role %.0f ms, masking view as a masked role %.0f ms → overhead %+.0f%%", median(base),
                median(view), overhead) + "   target ≤ 30%: \(verdict(overhead <= 30))")
        say(
            String(
                format: "  of which the mask expressions: the base table read with them inline %.0f ms (%+.0f%%); the view itself "
                    + "(security barrier, CASE on current_user over %d roles) %+.0f%% on top", median(masksOnly),
                (median(masksOnly) - median(base)) / median(base) * 100, maskedRoles, (median(view) - median(masksOnly)) / median(masksOnly) * 100))
    }
}
