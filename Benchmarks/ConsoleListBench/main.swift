// SPDX-License-Identifier: Apache-2.0

// Seeds a stopped server's SQLite file with a large tenant for the console's list pages
// (scripts/console-bench.sh times the pages over HTTP once the server is back up).
//
//   ConsoleListBench <sqlite file> <tenant slug> [users] [groups] [audit records]
//
// Writes through the store's own inserts (the rows are what the server writes, audit records
// with their Merkle leaves), in transactions of a few thousand rows: users with display names
// and e-mail addresses, each in one to three groups, and audit records shaped like a busy
// decision API (actors, resources, outcomes). Policies are imported by the script over HTTP.

import Foundation
import Logging
import RampartAuditLog
import RampartCore
import RampartStorage

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ConsoleListBench <sqlite file> <tenant slug> [users] [groups] [audit records]\n".utf8))
    exit(2)
}
let path = arguments[1]
let slug = arguments[2]
func count(_ index: Int, _ fallback: Int) -> Int {
    arguments.count > index ? max(0, min(Int(arguments[index]) ?? fallback, 10_000_000)) : fallback
}
let userCount = count(3, 100_000)
let groupCount = count(4, 50_000)
let auditCount = count(5, 1_000_000)

@Sendable func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `body` over `0..<total` in transactions of `batch` indices, printing progress.
@Sendable func inBatches(
    _ label: String, _ total: Int, batch: Int, store: SQLStore,
    _ body: @escaping @Sendable (any StoreTransaction, Range<Int>) async throws -> Void
) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    var done = 0
    while done < total {
        let range = done..<min(done + batch, total)
        try await store.write { try await body($0, range) }
        done = range.upperBound
        if done % max(batch, total / 10) < batch || done == total {
            print("seed: \(label) \(done)/\(total)")
        }
    }
    let elapsed = seconds(clock.now - start)
    print(String(format: "seed: %@ %d in %.1f s (%.0f rows/s)", label, total, elapsed, Double(total) / max(elapsed, 0.001)))
}

let surnames = ["Okafor", "Lindqvist", "Nakamura", "García", "Müller", "Dubois", "Kowalski", "Singh", "Haddad", "O'Brien", "Nguyen", "Rossi"]
let given = ["ana", "ben", "chidi", "dana", "erin", "farah", "goran", "hiro", "ines", "jonas", "kemal", "lea", "mateo", "nora"]
let departments = ["finance", "sales", "engineering", "support", "legal", "marketing", "hr", "data", "security", "ops"]

try await withDatabase(.sqlite(path: path), logger: Logger(label: "bench")) { database in
    try await Migrator(database: database).migrate()
    let store = SQLStore(database: database)
    guard let tenant = try await store.read({ try await $0.tenant(slug: slug) }) else {
        FileHandle.standardError.write(Data("ConsoleListBench: no tenant `\(slug)` in \(path)\n".utf8))
        exit(1)
    }
    let tenantID = tenant.id
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    // Group ids are kept to make memberships; user ids are derived again from the index.
    let groupIDs = (0..<groupCount).map { _ in GroupID.generate() }
    try await inBatches("groups", groupCount, batch: 5000, store: store) { tx, range in
        for index in range {
            let name = "\(departments[index % departments.count])-team-\(String(format: "%05d", index))"
            try await tx.insertGroup(
                Group(id: groupIDs[index], tenantID: tenantID, name: name, description: "Team \(index)", createdAt: now, updatedAt: now))
        }
    }
    try await inBatches("users", userCount, batch: 5000, store: store) { tx, range in
        for index in range {
            let first = given[index % given.count]
            let last = surnames[(index / given.count) % surnames.count]
            let username = "\(first).\(last.lowercased().filter(\.isLetter))\(index)"
            let user = User(
                id: .generate(), tenantID: tenantID, username: username, displayName: "\(first.capitalized) \(last)",
                email: "\(username)@example.com", roles: index % 500 == 0 ? [.user, .auditor] : [.user],
                status: index % 97 == 0 ? .disabled : .active,
                passwordHash: nil, createdAt: now, updatedAt: now)
            try await tx.insertUser(user)
            guard !groupIDs.isEmpty else { continue }
            for membership in 0...(index % 3) {
                _ = try await tx.addMember(user.id, to: groupIDs[(index * 7 + membership * 13) % groupIDs.count], in: tenantID, at: now)
            }
        }
    }
    try await inBatches("audit records", auditCount, batch: 2000, store: store) { tx, range in
        let records = range.map { index in
            AuditRecord(
                seq: 0, time: (now - Int64(auditCount - index) * 50) * 1000, tenantID: tenantID.rawValue,
                actorType: index % 10 == 0 ? "user" : "apiKey", actorID: "actor-\(index % 300)", sourceIP: "10.1.\(index % 250).\(index % 199)",
                userAgent: "bench/1.0", method: "POST", path: "/v1/authorize", entityType: "user", entityID: "user\(index % 2000)",
                operation: "decision", outcome: index % 4 == 0 ? "denied" : "allowed", status: 200, requestID: "req-\(index)", batchID: nil,
                service: "warehouse", resource: "database=db\(index % 40)/table=t\(index % 300)/column=c\(index % 12)", accessType: "select",
                policyID: String(index % 10_000 + 1), policyVersion: 1, details: nil)
        }
        _ = try await tx.appendAudit(records, in: tenantID, at: now)
    }
}
