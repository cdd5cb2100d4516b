// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import PostgresNIO
import RampartCore
import RampartTesting
import Testing

/// A `rampart sync apply` killed with SIGKILL in the middle of its transaction leaves the
/// database as it was, never half-enforced: the next plan is the very same plan, and the apply
/// after it converges. Then the tables change under the sync: renamed, dropped.
@Suite struct PolicySyncKillTests {
    static var binary: URL { RampartBinary.url }

    @Test func anApplyKilledMidwayLeavesTheOldStateAndTablesAreFollowedByOID() async throws {
        try await PolicySyncTests.withEnforcedDatabase { roles in
            try await TestDatabase.withFresh(.postgres) { source in
                guard let url = source.postgresURL else { return }
                try await PostgresProbe.run(
                    url,
                    PolicySyncTests.loginRoles(roles, database: source.postgresName) + [
                        "CREATE TABLE public.customers (id integer PRIMARY KEY, name text, ssn text, notes text)",
                        "CREATE TABLE public.orders (id integer PRIMARY KEY, region text, amount integer)",
                        "INSERT INTO public.orders VALUES (1, 'EU', 10), (2, 'US', 20)",
                        "ALTER TABLE public.customers OWNER TO \(roles.sync)", "ALTER TABLE public.orders OWNER TO \(roles.sync)",
                    ])
                try await TestDatabase.withFresh(.sqlite) { store in
                    try await TestServer.run(TestServer.configuration(for: store)) { client in
                        try await Self.killMidApply(client, url: url, store: store, roles: roles)
                    }
                }
            }
        }
    }

    static func killMidApply(_ client: APIClient, url: String, store: TestDatabase, roles: PolicySyncTests.Roles) async throws {
        let f = try await TwoTenantFixture.make(client)
        let admin = f.a.adminToken
        let security = f.a.securityToken
        let imported = try await client.send(
            .post, "/v1/policies/import", token: security,
            body: .raw(PolicySyncTests.policies(service: "warehouse", roles: roles), contentType: "application/json"))
        #expect(imported.status == 200, "\(imported.text)")
        let analysts = try await client.send(.post, "/v1/groups", token: admin, body: .json(["name": roles.analysts])).string("id")
        for (name, inGroup) in [(roles.alice, true), (roles.bob, false)] {
            let user = try await client.send(
                .post, "/v1/users", token: admin, body: .json(["username": name, "password": "rampart-pass-words-1", "roles": ["user"]]))
            if inGroup { try await client.send(.put, "/v1/groups/\(analysts)/members/\(try user.string("id"))", token: admin) }
        }
        let created = try await client.send(
            .post, "/v1/datasources", token: admin,
            body: .json([
                "name": "warehouse-db", "kind": "postgres", "url": try PolicySyncTests.syncURL(url, roles), "rangerService": "warehouse",
                "rangerDatabase": "sales",
            ]))
        #expect(created.status == 201, "\(created.text)")
        let id = try created.string("id")
        func planned() async throws -> [String] {
            let plan = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security)
            return (try plan.json()["statements"] as? [[String: Any]] ?? []).compactMap { $0["sql"] as? String }
        }
        let before = try await planned()
        // Tables are planned in name order: customers' view and grants run before the first
        // statement that needs a lock on orders.
        let firstOnOrders = try #require(before.firstIndex { $0.contains("CREATE POLICY") && $0.contains("\"orders\"") })
        #expect(before[..<firstOnOrders].contains { $0.hasPrefix("CREATE VIEW \"public_rampart\".\"customers\"") }, "\(before)")

        // Someone reads orders in a long transaction: planning (which only reads) goes on, and the
        // apply stops inside its transaction at the first statement that changes orders, the
        // statements before it done.
        let holder = try await PostgresProbe.connect(url)
        _ = try await PostgresProbe.rows(holder, "BEGIN", "LOCK TABLE public.orders IN ACCESS SHARE MODE")
        let superuser = try await PostgresProbe.connect(url)
        var environment = ProcessInfo.processInfo.environment
        environment["RAMPART_MASTER_KEY"] = nil
        environment["RAMPART_DATABASE_URL"] = nil
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-sync-kill-\(UUID().uuidString).err")
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = try ChildProcess(
            Self.binary.path,
            [
                "sync", "apply", "--tenant", f.a.slug, "--datasource", "warehouse-db", "--data-dir", store.directory, "--outbound-allow",
                "127.0.0.0/8",
            ], environment: environment, stdout: .null, stderr: .file(errors.path))
        let waitingForLock = "SELECT count(*)::text FROM pg_stat_activity WHERE usename = '\(roles.sync)' AND wait_event_type = 'Lock'"
        var blocked = false
        // The apply gives up after its 5 s lock timeout: the kill has to come before. The CLI
        // itself (a debug build that opens the store first) may take a while to get there.
        let started = ContinuousClock.now
        while process.isRunning && ContinuousClock.now - started < .seconds(120) {
            if try await PostgresProbe.rows(superuser, waitingForLock) == [["1"]] {
                blocked = true
                break
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.send(SIGKILL)
        let termination = process.waitUntilExit()
        _ = try await PostgresProbe.rows(holder, "ROLLBACK")
        try? await holder.close()
        #expect(
            blocked,
            "the apply never waited for the lock on orders (\(ContinuousClock.now - started)): \((try? String(contentsOf: errors, encoding: .utf8)) ?? "")"
        )
        #expect(termination == .signalled(SIGKILL))
        // Its backend finds the client gone and rolls the transaction back.
        let syncSessions = "SELECT count(*)::text FROM pg_stat_activity WHERE usename = '\(roles.sync)'"
        for _ in 0..<500 {
            if try await PostgresProbe.rows(superuser, syncSessions) == [["0"]] { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await PostgresProbe.rows(superuser, syncSessions) == [["0"]])

        // The old state: nothing of the statements that ran before the kill is left.
        #expect(try await PostgresProbe.rows(superuser, "SELECT (to_regclass('public_rampart.customers') IS NULL)::text") == [["true"]])
        #expect(try await PostgresProbe.rows(superuser, "SELECT count(*)::text FROM pg_roles WHERE rolname = 'rp_g_\(roles.analysts)'") == [["0"]])
        #expect(try await planned() == before)
        try? await superuser.close()

        // And the next apply converges.
        let applied = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security)
        #expect(applied.status == 200, "\(applied.text)")
        #expect(try await planned() == [])
        let orders = try await PostgresProbe.query(url, as: roles.alice, "SELECT count(*)::text FROM orders")
        #expect(orders.rows == [["1"]], "\(orders)")

        // Tables are followed by OID: a renamed table's old view goes (never with CASCADE) and the
        // new name is planned from its own policies; a dropped table leaves nothing to plan.
        try await PostgresProbe.run(url, ["ALTER TABLE public.customers RENAME TO clients", "DROP TABLE public.orders"])
        let renamed = try await planned()
        #expect(renamed.contains("DROP VIEW \"public_rampart\".\"customers\""), "\(renamed)")
        #expect(!renamed.contains { $0.uppercased().contains("CASCADE") || $0.contains("\"orders\"") }, "\(renamed)")
        #expect(try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security).status == 200)
        #expect(try await planned() == [])
        let clients = try await PostgresProbe.query(url, as: roles.alice, "SELECT notes FROM public.clients")
        #expect(clients.error == nil, "the notes deny names customers, not clients: \(clients)")
        let oldView = try await PostgresProbe.query(url, as: roles.alice, "SELECT 1 FROM public_rampart.customers")
        #expect(oldView.error?.contains("does not exist") == true, "\(oldView)")
    }
}
