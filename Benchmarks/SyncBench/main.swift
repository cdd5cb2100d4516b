// SPDX-License-Identifier: Apache-2.0

// Enforcement inside PostgreSQL at estate scale (issue 19).
//
//   swift run -c release SyncBench [postgres-admin-url] [--tables 1000] [--users 500] [--policies 200] [--rows 1000000] [--runs 5]
//                                  [--plan-only]
//
// The URL (or RAMPART_TEST_DATABASE_URL) names a superuser. The benchmark creates a database and
// roles with a unique suffix — a sync role (LOGIN CREATEROLE, owner of the tables, CREATE on the
// database) and one NOLOGIN role per user — and drops them at the end, also on failure.
//
// The estate: tables × 10 columns (text, integer, date) over five schemas, 50 groups, users in 1–3
// groups each, and Ranger policies (seeded, the same every run): schema-wide, table-family and
// specific-table allows, deny items and exceptions, masks on single columns, row filters. It
// times the sync's own steps (EnforcementPlanning: catalog read, the engine's decisions, the row
// filter check, the planner), the first apply, a plan after the apply (which must be empty), an
// incremental sync after one policy change, the peak resident memory, and the masking view's cost
// on a table of `rows` rows with three masked columns (EXPLAIN ANALYZE, median of `runs` runs).
// Targets are printed beside the figures; a miss is reported, never an exit status. With
// SYNC_BENCH_TRACE set, it also prints the resident and peak memory after each step.

import Foundation
import RampartApp
import RampartConnectors
import RampartEnforcement

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let usage = "usage: SyncBench [postgres-admin-url] [--tables N] [--users N] [--policies N] [--rows N] [--runs N] [--plan-only]"
let valueOptions: Set = ["--tables", "--users", "--policies", "--rows", "--runs"]
let positional = CommandLine.arguments.dropFirst().enumerated().filter { index, argument in
    // `index` is the argument's position after the program, so `arguments[index]` is the one before it.
    !argument.hasPrefix("--") && !valueOptions.contains(CommandLine.arguments[index])
}.map(\.element)
let tableCount = option("--tables").flatMap(Int.init) ?? 1000
let userCount = option("--users").flatMap(Int.init) ?? 500
let policyCount = option("--policies").flatMap(Int.init) ?? 200
let rowCount = option("--rows").flatMap(Int.init) ?? 1_000_000
let runs = option("--runs").flatMap(Int.init) ?? 5
guard
    let url = positional.first ?? ProcessInfo.processInfo.environment["RAMPART_TEST_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }),
    let parsed = PostgresConnector.parse(url: url)
else {
    say("sync-bench: no PostgreSQL URL (argument or RAMPART_TEST_DATABASE_URL)\n\(usage)")
    exit(2)
}
guard tableCount >= 5, userCount >= 10, policyCount >= 40, rowCount >= 1, runs >= 1 else {
    say("sync-bench: \(usage) (at least 5 tables, 10 users, 40 policies)")
    exit(2)
}

let suffix = String(UUID().uuidString.prefix(8).lowercased())
let bench = Bench(
    settings: parsed.settings, password: parsed.password, suffix: suffix,
    workload: Workload(tables: tableCount, users: userCount, policies: policyCount, suffix: suffix, seed: 0x5EED_0019), rows: rowCount,
    runs: runs, planOnly: CommandLine.arguments.contains("--plan-only"))
let admin: AdminConnection
do {
    admin = try await AdminConnection.open(parsed.settings, password: parsed.password, database: parsed.settings.database)
} catch {
    say("sync-bench: \(error)")
    exit(1)
}
var failed = false
do {
    try await bench.run(admin: admin)
} catch {
    say("sync-bench: failed: \(error)")
    failed = true
}
// Everything the run created goes, whatever happened.
do {
    try await admin.run("DROP DATABASE IF EXISTS \(bench.databaseName) WITH (FORCE)")
    // Group roles first: the users are their members.
    try await admin.run("DROP ROLE IF EXISTS " + (bench.groupRoles + bench.roles).joined(separator: ", "))
    say("cleanup: dropped database \(bench.databaseName) and \(bench.groupRoles.count + bench.roles.count) roles")
} catch {
    say("sync-bench: cleanup failed: \(error)")
    failed = true
}
await admin.close()
exit(failed ? 1 : 0)
