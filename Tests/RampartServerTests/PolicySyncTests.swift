// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import Logging
import NIOPosix
import PostgresNIO
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// Enforcement inside a real PostgreSQL: policies are planned and applied through the API, then
/// real login roles connect and read what the decision API says they may.
@Suite struct PolicySyncTests {
    /// Cluster-wide role names are unique per test run; the database is fresh.
    struct Roles {
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        var sync: String { "rp_sync_\(suffix)" }
        var alice: String { "alice_\(suffix)" }
        var bob: String { "bob_\(suffix)" }
        var dave: String { "dave_\(suffix)" }
        var legacy: String { "legacy_\(suffix)" }
        /// The analysts group of this test: group roles are cluster-wide, like login roles.
        var analysts: String { "analysts_\(suffix)" }
        static let password = "Login-pass-41"
    }

    static func policies(service: String, roles: Roles) -> String {
        """
        {
          "serviceDef": {
            "name": "pgsql",
            "resources": [
              {"name": "database", "level": 10, "matcherOptions": {"wildCard": "true"}},
              {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "true"}},
              {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "true"}}
            ],
            "accessTypes": [{"name": "select"}, {"name": "insert"}, {"name": "update"}, {"name": "delete"}],
            "dataMaskDef": {
              "maskTypes": [{"name": "MASK_SHOW_LAST_4"}, {"name": "MASK"}, {"name": "MASK_NULL"}, {"name": "MASK_HASH"}],
              "accessTypes": [{"name": "select"}],
              "resources": [
                {"name": "database", "level": 10, "matcherOptions": {"wildCard": "false"}},
                {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "false"}},
                {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "false"}}
              ]
            },
            "rowFilterDef": {
              "accessTypes": [{"name": "select"}],
              "resources": [
                {"name": "database", "level": 10, "matcherOptions": {"wildCard": "false"}},
                {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "false"}}
              ]
            }
          },
          "service": {"name": "\(service)"},
          "policies": [
            {"id": 1, "name": "analysts read sales", "service": "\(service)", "isEnabled": true, "policyType": 0,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
             "policyItems": [{"groups": ["\(roles.analysts)"], "accesses": [{"type": "select", "isAllowed": true}]}]},
            {"id": 2, "name": "no one reads notes", "service": "\(service)", "isEnabled": true, "policyType": 0,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["customers"]}, "column": {"values": ["notes"]}},
             "denyPolicyItems": [{"groups": ["\(roles.analysts)"], "accesses": [{"type": "select", "isAllowed": true}]}]},
            {"id": 3, "name": "writers own orders", "service": "\(service)", "isEnabled": true, "policyType": 0,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}, "column": {"values": ["*"]}},
             "policyItems": [{"users": ["\(roles.bob)"], "accesses": [
                {"type": "select", "isAllowed": true}, {"type": "insert", "isAllowed": true},
                {"type": "update", "isAllowed": true}, {"type": "delete", "isAllowed": true}]}]},
            {"id": 4, "name": "mask ssn", "service": "\(service)", "isEnabled": true, "policyType": 1,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["customers"]}, "column": {"values": ["ssn"]}},
             "dataMaskPolicyItems": [{"groups": ["\(roles.analysts)"], "accesses": [{"type": "select", "isAllowed": true}],
                                      "dataMaskInfo": {"dataMaskType": "MASK_SHOW_LAST_4"}}]},
            {"id": 5, "name": "hash names", "service": "\(service)", "isEnabled": true, "policyType": 1,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["customers"]}, "column": {"values": ["name"]}},
             "dataMaskPolicyItems": [{"groups": ["\(roles.analysts)"], "accesses": [{"type": "select", "isAllowed": true}],
                                      "dataMaskInfo": {"dataMaskType": "MASK_HASH"}}]},
            {"id": 6, "name": "EU orders only", "service": "\(service)", "isEnabled": true, "policyType": 2,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}},
             "rowFilterPolicyItems": [{"groups": ["\(roles.analysts)"], "accesses": [{"type": "select", "isAllowed": true}],
                                       "rowFilterInfo": {"filterExpr": "region = 'EU'"}}]}
          ]
        }
        """
    }

    @Test func policiesBecomeGrantsMasksAndRowFiltersThatRealLoginsSee() async throws {
        try await Self.withEnforcedDatabase { try await enforce($0) }
    }

    /// Runs `body` with fresh roles on the test PostgreSQL (skipped without one), then drops them:
    /// roles outlive databases, so they go once the test's database is gone, failed or not.
    static func withEnforcedDatabase(_ body: (Roles) async throws -> Void) async throws {
        guard TestEngine.available.contains(.postgres), let base = TestEngine.postgresURL else { return }
        let roles = Roles()
        do {
            try await body(roles)
        } catch {
            try? await dropRoles(roles, base)
            throw error
        }
        try await dropRoles(roles, base)
    }

    /// The sync role, alice and bob as login roles, and `CREATE` on the database for the sync role.
    static func loginRoles(_ roles: Roles, database: String?) -> [String] {
        [
            "CREATE ROLE \(roles.sync) LOGIN CREATEROLE PASSWORD '\(Roles.password)'",
            "CREATE ROLE \(roles.alice) LOGIN PASSWORD '\(Roles.password)'",
            "CREATE ROLE \(roles.bob) LOGIN PASSWORD '\(Roles.password)'",
            "GRANT CREATE ON DATABASE \(database ?? "") TO \(roles.sync)",
        ]
    }

    /// `url` signed in as the sync role: what a datasource is registered with.
    static func syncURL(_ url: String, _ roles: Roles) throws -> String {
        var components = try #require(URLComponents(string: url))
        components.user = roles.sync
        components.password = Roles.password
        return components.string ?? ""
    }

    /// What the mask tests share on tenant A: the `warehouse` service imported from `export`
    /// (default ``policies(service:roles:)``), alice in the analysts group, and the datasource
    /// `warehouse-db` registered as the sync role on `url`. Returns the datasource's id.
    static func registerWarehouse(
        _ client: APIClient, _ f: TwoTenantFixture, url: String, roles: Roles, export: String? = nil
    ) async throws -> String {
        let (admin, security) = (f.a.adminToken, f.a.securityToken)
        let imported = try await client.send(
            .post, "/v1/policies/import", token: security,
            body: .raw(export ?? policies(service: "warehouse", roles: roles), contentType: "application/json"))
        #expect(imported.status == 200, "\(imported.text)")
        let analysts = try await client.send(.post, "/v1/groups", token: admin, body: .json(["name": roles.analysts])).string("id")
        let alice = try await client.send(
            .post, "/v1/users", token: admin, body: .json(["username": roles.alice, "password": "rampart-pass-words-1", "roles": ["user"]]))
        try await client.send(.put, "/v1/groups/\(analysts)/members/\(try alice.string("id"))", token: admin)
        let created = try await client.send(
            .post, "/v1/datasources", token: admin,
            body: .json([
                "name": "warehouse-db", "kind": "postgres", "url": try syncURL(url, roles), "rangerService": "warehouse", "rangerDatabase": "sales",
            ]))
        #expect(created.status == 201, "\(created.text)")
        return try created.string("id")
    }

    static func dropRoles(_ roles: Roles, _ base: String) async throws {
        for role in [roles.alice, roles.bob, roles.sync, roles.legacy, "rp_g_\(roles.analysts)"] {
            try await TestDatabase.administer(base, "DROP ROLE IF EXISTS \(role)")
        }
    }

    func enforce(_ roles: Roles) async throws {
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            try await PostgresProbe.run(
                url,
                Self.loginRoles(roles, database: source.postgresName) + [
                    "CREATE TABLE public.customers (id integer PRIMARY KEY, name text, ssn text, notes text)",
                    "CREATE TABLE public.orders (id integer PRIMARY KEY, region text, amount integer)",
                    "INSERT INTO public.customers VALUES (1, 'Ada', '123-45-6789', 'vip'), (2, 'Bo', '987-65-4321', 'late payer')",
                    "INSERT INTO public.orders VALUES (1, 'EU', 10), (2, 'US', 20), (3, 'EU', 30)",
                    "ALTER TABLE public.customers OWNER TO \(roles.sync)", "ALTER TABLE public.orders OWNER TO \(roles.sync)",
                    // Owned by the administrator, not the sync role: left out, and the plan says what to grant.
                    "CREATE TABLE public.ledger (id integer)",
                    "CREATE ROLE \(roles.legacy) NOLOGIN",
                ])
            try await TestServer.withServer(.sqlite) { client in
                let f = try await TwoTenantFixture.make(client)
                let admin = f.a.adminToken
                let security = f.a.securityToken
                let imported = try await client.send(
                    .post, "/v1/policies/import", token: security,
                    body: .raw(Self.policies(service: "warehouse", roles: roles), contentType: "application/json"))
                #expect(imported.status == 200, "\(imported.text)")
                let analysts = try await client.send(.post, "/v1/groups", token: admin, body: .json(["name": roles.analysts])).string("id")
                for (name, inGroup) in [(roles.alice, true), (roles.bob, false), (roles.dave, true)] {
                    let user = try await client.send(
                        .post, "/v1/users", token: admin, body: .json(["username": name, "password": "rampart-pass-words-1", "roles": ["user"]]))
                    #expect(user.status == 201, "\(user.text)")
                    if inGroup { try await client.send(.put, "/v1/groups/\(analysts)/members/\(try user.string("id"))", token: admin) }
                }
                let created = try await client.send(
                    .post, "/v1/datasources", token: admin,
                    body: .json([
                        "name": "warehouse-db", "kind": "postgres", "url": try Self.syncURL(url, roles), "rangerService": "warehouse",
                        "rangerDatabase": "sales",
                    ]))
                #expect(created.status == 201, "\(created.text)")
                let id = try created.string("id")

                // The connection test runs the sync role's preflight when asked (issue 19): the
                // same privilege finding a plan reports first, before any plan.
                let tested = try await client.send(.post, "/v1/datasources/\(id)/test?enforcement=true", token: admin)
                #expect(tested.status == 200, "\(tested.text)")
                let preflight = try tested.json()["enforcement"] as? [[String: Any]] ?? []
                #expect(
                    preflight.contains {
                        $0["code"] as? String == "privilege-missing"
                            && ($0["message"] as? String ?? "").contains("GRANT \"rampart\" TO \"\(roles.sync)\"")
                    }, "\(tested.text)")
                #expect(try await client.send(.post, "/v1/datasources/\(id)/test", token: admin).json()["enforcement"] == nil)
                #expect(try await client.send(.post, "/v1/datasources/\(id)/test?enforcement=maybe", token: admin).status == 400)

                // The plan names what it will do and what it cannot.
                let plan = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security)
                #expect(plan.status == 200, "\(plan.text)")
                let planned = try plan.json()
                let statements = (planned["statements"] as? [[String: Any]] ?? []).compactMap { $0["sql"] as? String }
                let findings = planned["findings"] as? [[String: Any]] ?? []
                #expect(planned["applied"] as? Bool == false)
                #expect(statements.contains { $0.hasPrefix("CREATE VIEW \"public_rampart\".\"customers\"") }, "\(statements)")
                #expect(statements.contains { $0.contains("AS RESTRICTIVE FOR ALL TO \"\(roles.alice)\" USING (region = 'EU')") }, "\(statements)")
                #expect(findings.contains { $0["code"] as? String == "role-missing" && $0["role"] as? String == roles.dave }, "\(findings)")
                let ownerFinding = findings.first { $0["code"] as? String == "privilege-missing" }?["message"] as? String ?? ""
                #expect(ownerFinding.contains("GRANT \"rampart\" TO \"\(roles.sync)\"") && ownerFinding.contains("ledger"), "\(findings)")
                #expect(!statements.contains { $0.contains("ledger") }, "\(statements)")
                // The masking key is stored in the database for the hash function, and never shown.
                let keyStatement = statements.first { $0.contains("mask_key") && $0.hasPrefix("INSERT") }
                #expect(keyStatement == "INSERT INTO \"rampart_mask\".\"mask_key\" VALUES (<the tenant's masking key, not shown>)", "\(statements)")
                // Planning changed nothing.
                #expect(
                    try await PostgresProbe.query(url, as: roles.bob, "SELECT count(*)::text FROM orders").error?.contains("permission denied")
                        == true)

                let applied = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security)
                #expect(applied.status == 200, "\(applied.text)")
                #expect(try applied.json()["applied"] as? Bool == true)
                let status = try await client.send(.get, "/v1/datasources/\(id)/sync", token: admin).json()
                let lastRun = status["lastRun"] as? [String: Any]
                #expect(lastRun?["outcome"] as? String == "applied" && status["policyVersion"] is Int && lastRun?["drift"] as? Int == 0, "\(status)")
                // Rampart groups are NOLOGIN roles with the governed users as members.
                let superuser = try await PostgresProbe.connect(url)
                let member = try await PostgresProbe.rows(
                    superuser,
                    "SELECT pg_has_role('\(roles.alice)', 'rp_g_\(roles.analysts)', 'MEMBER')::text, pg_has_role('\(roles.bob)', 'rp_g_\(roles.analysts)', 'MEMBER')::text"
                )
                #expect(member == [["true", "false"]], "\(member)")

                // alice: masked ssn through the view, no base-table reads, no notes, EU orders only.
                let ssn = try await PostgresProbe.query(url, as: roles.alice, "SELECT id::text, ssn FROM customers ORDER BY id")
                #expect(ssn.rows == [["1", "xxx-xx-6789"], ["2", "xxx-xx-4321"]], "\(ssn)")
                let base = try await PostgresProbe.query(url, as: roles.alice, "SELECT ssn FROM public.customers")
                #expect(base.error?.contains("permission denied") == true, "\(base)")
                let notes = try await PostgresProbe.query(url, as: roles.alice, "SELECT notes FROM customers")
                #expect(notes.error?.contains("permission denied") == true, "\(notes)")
                // Names are a keyed hash (HMAC-SHA256, hex): joinable, not reversible, not guessable without the key.
                let names = try await PostgresProbe.query(url, as: roles.alice, "SELECT name FROM customers ORDER BY id")
                let hashes = names.rows.compactMap { $0.first ?? nil }
                #expect(
                    hashes.count == 2 && hashes.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) } && Set(hashes).count == 2, "\(names)")
                #expect(!hashes.contains("Ada") && !hashes.contains(Self.sha256Hex("Ada")), "an unkeyed hash could be guessed")
                let key = try await PostgresProbe.query(url, as: roles.alice, "SELECT * FROM rampart_mask.mask_key")
                #expect(key.error?.contains("permission denied") == true, "\(key)")
                let orders = try await PostgresProbe.query(url, as: roles.alice, "SELECT id::text FROM orders ORDER BY id")
                #expect(orders.rows == [["1"], ["3"]], "\(orders)")
                let update = try await PostgresProbe.query(url, as: roles.alice, "UPDATE orders SET amount = 0")
                #expect(update.error?.contains("permission denied") == true, "\(update)")
                // bob: every order, writes allowed, nothing of customers.
                let all = try await PostgresProbe.query(url, as: roles.bob, "SELECT count(*)::text FROM orders")
                #expect(all.rows == [["3"]], "\(all)")
                let insert = try await PostgresProbe.query(url, as: roles.bob, "INSERT INTO orders VALUES (4, 'US', 5)")
                #expect(insert.error == nil, "\(insert)")
                let customers = try await PostgresProbe.query(url, as: roles.bob, "SELECT count(*)::text FROM customers")
                #expect(customers.error?.contains("permission denied") == true, "\(customers)")

                // A plan right after an apply is empty.
                let again = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security).json()
                #expect((again["statements"] as? [Any])?.isEmpty == true, "\(again)")

                // Drift: a hand-made grant on a governed table is revoked by the next apply.
                try await PostgresProbe.run(url, ["GRANT SELECT ON public.customers TO \(roles.bob)"])
                let drift = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security).json()
                let driftSQL = (drift["statements"] as? [[String: Any]] ?? []).compactMap { $0["sql"] as? String }
                #expect(driftSQL == ["REVOKE SELECT ON \"public\".\"customers\" FROM \"\(roles.bob)\""], "\(driftSQL)")
                _ = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security)
                let afterDrift = try await client.send(.get, "/v1/datasources/\(id)/sync", token: admin).json()
                #expect((afterDrift["lastRun"] as? [String: Any])?["drift"] as? Int == 1, "\(afterDrift)")
                let reverted = try await PostgresProbe.query(url, as: roles.bob, "SELECT count(*)::text FROM customers")
                #expect(reverted.error?.contains("permission denied") == true, "\(reverted)")

                // The decision API agrees with what the database showed.
                let decision = try await client.send(
                    .post, "/v1/authorize", token: security,
                    body: .json([
                        "service": "warehouse", "user": roles.alice, "accessType": "select",
                        "resource": ["database": "sales", "table": "customers", "column": "ssn"],
                    ])
                ).json()
                #expect((decision["mask"] as? [String: Any])?["type"] as? String == "MASK_SHOW_LAST_4", "\(decision)")

                // (Last: the probe adds a table.) A leaky function in a WHERE clause sees only the rows and values alice may see.
                try await PostgresProbe.run(
                    url,
                    [
                        "CREATE TABLE leak_log (v text)",
                        "CREATE FUNCTION leak(v text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 SECURITY DEFINER AS "
                            + "$$ BEGIN INSERT INTO leak_log VALUES (v); RAISE NOTICE 'saw %', v; RETURN true; END $$",
                    ])
                let leakedOrders = try await PostgresProbe.query(url, as: roles.alice, "SELECT count(*)::text FROM orders WHERE leak(region)")
                let leakedSSNs = try await PostgresProbe.query(url, as: roles.alice, "SELECT count(*)::text FROM customers WHERE leak(ssn)")
                #expect(leakedOrders.rows == [["2"]] && leakedSSNs.rows == [["2"]], "orders: \(leakedOrders) ssns: \(leakedSSNs)")
                let leaked = try await PostgresProbe.rows(superuser, "SELECT v FROM leak_log ORDER BY v")
                #expect(leaked == [["EU"], ["EU"], ["xxx-xx-4321"], ["xxx-xx-6789"]], "\(leaked)")
                // A privilege bob inherits from a role Rampart does not own is named, with the statement.
                _ = try await PostgresProbe.rows(superuser, "GRANT SELECT ON public.customers TO \(roles.legacy)")
                _ = try await PostgresProbe.rows(superuser, "GRANT \(roles.legacy) TO \(roles.bob)")
                try? await superuser.close()
                let inherited = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security).json()
                let inheritedFindings = (inherited["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "inherited-privilege" }
                #expect(
                    inheritedFindings.contains {
                        $0["role"] as? String == roles.bob
                            && ($0["message"] as? String)?.contains("REVOKE SELECT ON \"public\".\"customers\" FROM \"\(roles.legacy)\"") == true
                    }, "\(inherited)")
                // Each apply is in the tenant's audit log, with counts and no SQL.
                let audit = try await client.send(.get, "/v1/audit/records?entity=\(id)&limit=1000", token: admin)
                let records = (try audit.json()["items"] as? [[String: Any]] ?? []).filter { $0["operation"] as? String == "sync.apply" }
                #expect(records.count == 2, "\(audit.text)")
                #expect(records.allSatisfy { !(($0["details"] as? String) ?? "").contains("GRANT") }, "\(records)")
            }
        }
    }

    @Test func theBackgroundSyncEnforcesAndRevertsOrReportsDrift() async throws {
        try await Self.withEnforcedDatabase { try await background($0) }
    }

    func background(_ roles: Roles) async throws {
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            try await PostgresProbe.run(
                url,
                Self.loginRoles(roles, database: source.postgresName) + [
                    "CREATE TABLE public.orders (id integer PRIMARY KEY, region text, amount integer)",
                    "INSERT INTO public.orders VALUES (1, 'EU', 10), (2, 'US', 20)",
                    "ALTER TABLE public.orders OWNER TO \(roles.sync)",
                ])
            try await TestServer.withServer(.sqlite, configure: { $0.syncTick = .milliseconds(300) }) { client in
                let f = try await TwoTenantFixture.make(client)
                let imported = try await client.send(
                    .post, "/v1/policies/import", token: f.a.securityToken,
                    body: .raw(Self.policies(service: "warehouse", roles: roles), contentType: "application/json"))
                #expect(imported.status == 200, "\(imported.text)")
                for name in [roles.alice, roles.bob] {
                    let user = try await client.send(
                        .post, "/v1/users", token: f.a.adminToken,
                        body: .json(["username": name, "password": "rampart-pass-words-1", "roles": ["user"]]))
                    #expect(user.status == 201, "\(user.text)")
                }
                let created = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken,
                    body: .json([
                        "name": "orders-db", "kind": "postgres", "url": try Self.syncURL(url, roles), "rangerService": "warehouse",
                        "rangerDatabase": "sales", "sync": ["enabled": true, "mode": "enforce", "intervalSeconds": 10] as [String: any Sendable],
                    ]))
                #expect(created.status == 201, "\(created.text)")
                let id = try created.string("id")
                // No one asked: the service applies the policies on its own.
                try await Self.eventually("the first background apply") {
                    let status = try await client.send(.get, "/v1/datasources/\(id)/sync", token: f.a.adminToken).json()
                    return (status["lastRun"] as? [String: Any])?["outcome"] as? String == "applied"
                }
                #expect(try await PostgresProbe.query(url, as: roles.bob, "SELECT count(*)::text FROM orders").rows == [["2"]])
                // enforce: a hand-made grant is revoked within two intervals, and said.
                try await PostgresProbe.run(url, ["GRANT SELECT ON public.orders TO \(roles.alice)"])
                try await Self.eventually("drift reverted", seconds: 30) {
                    try await PostgresProbe.query(url, as: roles.alice, "SELECT count(*)::text FROM orders").error?.contains("permission denied")
                        == true
                }
                try await Self.eventually("a sync.drift event") {
                    let events = try await client.send(.get, "/v1/security/events?kind=sync.drift", token: f.a.adminToken).text
                    return events.contains("reverted")
                }
                // report: the grant stays, the event says so.
                let patched = try await client.send(
                    .patch, "/v1/datasources/\(id)", token: f.a.adminToken, body: .json(["sync": ["mode": "report"]]))
                #expect(patched.status == 200, "\(patched.text)")
                try await PostgresProbe.run(url, ["GRANT SELECT ON public.orders TO \(roles.alice)"])
                try await Self.eventually("drift reported", seconds: 30) {
                    let events = try await client.send(.get, "/v1/security/events?kind=sync.drift", token: f.a.adminToken).text
                    return events.contains("reported")
                }
                #expect(try await PostgresProbe.query(url, as: roles.alice, "SELECT count(*)::text FROM orders").rows == [["2"]])
                let status = try await client.send(.get, "/v1/datasources/\(id)/sync", token: f.a.adminToken).json()
                #expect((status["lastRun"] as? [String: Any])?["outcome"] as? String == "pending", "\(status)")
            }
        }
    }

    @Test func aColumnDiscoveryTagsIsMaskedByATagPolicyAfterTheSync() async throws {
        try await Self.withEnforcedDatabase { try await scanTagSyncMask($0) }
    }

    /// Scan, tag, sync, masked: no one writes a resource policy for the column.
    func scanTagSyncMask(_ roles: Roles) async throws {
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            let cards = DiscoveryTests.cards(60)
            try await PostgresProbe.run(
                url,
                Self.loginRoles(roles, database: source.postgresName) + [
                    "CREATE TABLE public.payments (id integer PRIMARY KEY, card_number text, note text)",
                    "INSERT INTO public.payments VALUES "
                        + cards.enumerated().map { "(\($0.offset), '\($0.element)', 'order \($0.offset)')" }.joined(separator: ", "),
                    "ANALYZE public.payments", "ALTER TABLE public.payments OWNER TO \(roles.sync)",
                ])
            try await TestServer.withServer(.sqlite, configure: DiscoveryTests.fastScans) { client in
                let f = try await TwoTenantFixture.make(client)
                let token = f.a.securityToken
                let imported = try await client.send(
                    .post, "/v1/policies/import", token: token,
                    body: .raw(Self.policies(service: "warehouse", roles: roles), contentType: "application/json"))
                #expect(imported.status == 200, "\(imported.text)")
                let alice = try await client.send(
                    .post, "/v1/users", token: f.a.adminToken,
                    body: .json(["username": roles.alice, "password": "rampart-pass-words-1", "roles": ["user"]]))
                let analysts = try await client.send(.post, "/v1/groups", token: f.a.adminToken, body: .json(["name": roles.analysts])).string("id")
                try await client.send(.put, "/v1/groups/\(analysts)/members/\(try alice.string("id"))", token: f.a.adminToken)
                // The tag service masks PCI columns for analysts; the warehouse service uses it.
                let tagDef: [String: any Sendable] = [
                    "name": "tag", "resources": [["name": "tag", "level": 1, "matcherOptions": ["wildCard": "false"]] as [String: any Sendable]],
                    "accessTypes": [["name": "hive:select"], ["name": "hive:update"], ["name": "pgsql:select"]],
                    "dataMaskDef": [
                        "maskTypes": [["name": "MASK_SHOW_LAST_4"]], "accessTypes": [["name": "pgsql:select"]],
                        "resources": [["name": "tag", "level": 1, "matcherOptions": ["wildCard": "false"]] as [String: any Sendable]],
                    ] as [String: any Sendable],
                    "options": ["enableDenyAndExceptionsInPolicies": "true"],
                ]
                let tagDefID = try await f.a.tagServiceDefID(client)
                let updated = try await client.send(.put, "/v1/service-defs/\(tagDefID)", token: token, body: .json(tagDef))
                #expect(updated.status == 200, "\(updated.text)")
                let services = try await client.send(.get, "/v1/services", token: token).json()["items"] as? [[String: Any]] ?? []
                let warehouse = try #require(services.first { $0["name"] as? String == "warehouse" }?["id"] as? Int)
                let attach = try await client.send(
                    .put, "/v1/services/\(warehouse)", token: token,
                    body: .json(["name": "warehouse", "type": "pgsql", "tagService": "\(f.a.slug)-tags"]))
                #expect(attach.status == 200, "\(attach.text)")
                let mask: [String: any Sendable] = [
                    "name": "mask PCI", "service": "\(f.a.slug)-tags", "policyType": 1, "resources": ["tag": ["values": ["PCI"]]],
                    "dataMaskPolicyItems": [
                        [
                            "groups": [roles.analysts], "accesses": [["type": "pgsql:select", "isAllowed": true] as [String: any Sendable]],
                            "dataMaskInfo": ["dataMaskType": "MASK_SHOW_LAST_4"],
                        ] as [String: any Sendable]
                    ],
                ]
                let created = try await client.send(.post, "/v1/policies", token: token, body: .json(mask))
                #expect(created.status == 201, "\(created.text)")
                let rule = try await client.send(
                    .post, "/v1/tagging-rules", token: token, body: .json(["class": "CREDIT_CARD", "minConfidence": 0.8, "tag": "PCI"]))
                #expect(rule.status == 201, "\(rule.text)")
                let datasource = try await client.send(
                    .post, "/v1/datasources", token: token,
                    body: .json([
                        "name": "payments", "kind": "postgres", "url": try Self.syncURL(url, roles), "rangerService": "warehouse",
                        "rangerDatabase": "sales",
                    ]))
                #expect(datasource.status == 201, "\(datasource.text)")
                let id = try datasource.string("id")
                // Before the scan nothing is tagged: alice reads the raw numbers.
                let first = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: token)
                let before = try await PostgresProbe.query(url, as: roles.alice, "SELECT card_number FROM payments WHERE id = 0")
                #expect(before.rows == [[cards[0]]], "\(before) after \(first.text)")

                let scan = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": id]))
                let done = try await DiscoveryTests.waitForScan(client, try scan.string("id"), token: token)
                #expect(done["status"] as? String == "succeeded", "\(done)")
                let applied = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: token)
                #expect(applied.status == 200, "\(applied.text)")
                let after = try await PostgresProbe.query(url, as: roles.alice, "SELECT card_number, note FROM payments WHERE id = 0")
                #expect(after.rows == [["xxxxxxxxxxxx" + cards[0].suffix(4), "order 0"]], "\(after) after \(applied.text)")
            }
        }
    }

    static func sha256Hex(_ text: String) -> String { SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }

    /// Polls `condition` until it holds or `seconds` pass.
    static func eventually(_ what: String, seconds: Double = 15, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("timed out waiting for \(what)")
    }

    @Test func onlyPostgresDatasourcesAreEnforcedAndOnlySyncWritersMayAsk() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let f = try await TwoTenantFixture.make(client)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-sync-\(UUID())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let created = try await client.send(
                .post, "/v1/datasources", token: f.a.adminToken, body: .json(["name": "files", "kind": "csv-dir", "path": directory]))
            guard created.status == 201 else { return }  // file roots may be restricted in this configuration
            let id = try created.string("id")
            let plan = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: f.a.securityToken)
            #expect(plan.status == 409, "\(plan.text)")
            let user = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            #expect(try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: user).status == 403)
            // Another tenant's datasource is not found, whatever the permission.
            #expect(try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: f.b.securityToken).status == 404)
            // Sync settings are PostgreSQL's, and bounded.
            let patched = try await client.send(
                .patch, "/v1/datasources/\(id)", token: f.a.adminToken, body: .json(["sync": ["enabled": true]]))
            #expect(patched.status == 409, "\(patched.text)")
            for (sync, field) in [
                (["intervalSeconds": 5] as [String: any Sendable], "sync.intervalSeconds"), (["mode": "sometimes"], "sync.mode"),
                (["rolePrefix": "Bad-Prefix"], "sync.rolePrefix"), (["roleMap": ["ann": String(repeating: "r", count: 64)]], "sync.roleMap"),
            ] {
                let bad = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken,
                    body: .json(["name": "pg-bad", "kind": "postgres", "url": "postgres://u@127.0.0.1:1/db", "sync": sync]))
                #expect(bad.status == 422 && bad.text.contains(field), "\(sync): \(bad.text)")
            }
            let good = try await client.send(
                .post, "/v1/datasources", token: f.a.adminToken,
                body: .json([
                    "name": "pg-good", "kind": "postgres", "url": "postgres://u@127.0.0.1:1/db",
                    "sync": ["mode": "report", "intervalSeconds": 120, "rolePrefix": "rp_", "roleMap": ["bob": "robert"]] as [String: any Sendable],
                ]))
            #expect(good.status == 201, "\(good.text)")
            let sync = try good.json()["sync"] as? [String: Any]
            #expect(
                sync?["mode"] as? String == "report" && sync?["intervalSeconds"] as? Int == 120 && sync?["enabled"] as? Bool == false, "\(good.text)")
            let status = try await client.send(.get, "/v1/datasources/\(try good.string("id"))/sync", token: f.a.adminToken).json()
            #expect(status["rolePrefix"] as? String == "rp_" && status["lastRun"] == nil, "\(status)")
        }
    }
}

/// Raw SQL against the test PostgreSQL, as its administrator or as a login role.
enum PostgresProbe {
    struct Outcome: CustomStringConvertible {
        var rows: [[String?]] = []
        var error: String?
        var description: String { error ?? "\(rows)" }
    }

    static func connect(_ url: String, user: String? = nil, password: String? = nil) async throws -> PostgresConnection {
        let components = try #require(URLComponents(string: url))
        return try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: .init(
                host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: user ?? components.user ?? "",
                password: password ?? components.password, database: String(components.path.dropFirst()), tls: .disable),
            id: 1, logger: Logger(label: "rampart-test-probe"))
    }

    /// Runs `statements` as the URL's (administrative) user.
    static func run(_ url: String, _ statements: [String]) async throws {
        let connection = try await connect(url)
        defer { Task { try? await connection.close() } }
        for statement in statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "rampart-test-probe"))
        }
    }

    /// Runs `statements` on an open connection and returns the rows of the last `SELECT`; a
    /// server error becomes one row `error: <message>` (after `RESET ROLE`), for the comparison to show.
    static func rows(_ connection: PostgresConnection, _ statements: String...) async throws -> [[String?]] {
        var result: [[String?]] = []
        do {
            for statement in statements {
                var rows: [[String?]] = []
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "rampart-test-probe")) {
                    rows.append(row.map { cell in cell.bytes.map { String(buffer: $0) } })
                }
                if statement.hasPrefix("SELECT") { result = rows }
            }
            return result
        } catch let error as PSQLError {
            _ = try? await connection.query("RESET ROLE", logger: Logger(label: "rampart-test-probe"))
            return [["error: \(error.serverInfo?[.message] ?? "\(error)")"]]
        }
    }

    /// Runs one query as `role`; a server error is the outcome, not a throw.
    static func query(_ url: String, as role: String, _ sql: String) async throws -> Outcome {
        let connection = try await connect(url, user: role, password: PolicySyncTests.Roles.password)
        defer { Task { try? await connection.close() } }
        do {
            var outcome = Outcome()
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "rampart-test-probe")) {
                outcome.rows.append(row.map { cell in cell.bytes.map { String(buffer: $0) } })
            }
            return outcome
        } catch let error as PSQLError {
            return Outcome(error: error.serverInfo?[.message] ?? "\(error)")
        }
    }
}
