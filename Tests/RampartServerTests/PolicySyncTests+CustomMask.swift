// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// `CUSTOM` masks in PostgreSQL: an expression on the allow-list is what a masked login reads;
/// one off the list, or one PostgreSQL does not accept for the column, withholds the column from
/// the role (fail closed) and is named in the plan with its policy, while the rest still syncs.
extension PolicySyncTests {
    @Test func customMasksOnTheAllowListAreWhatMaskedLoginsRead() async throws {
        try await Self.withEnforcedDatabase { try await customMasks($0) }
    }

    func customMasks(_ roles: Roles) async throws {
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            try await PostgresProbe.run(
                url,
                Self.loginRoles(roles, database: source.postgresName) + [
                    "CREATE TABLE public.accounts (id integer PRIMARY KEY, iban text, balance numeric, secret text, owner text, city varchar(20))",
                    "INSERT INTO public.accounts VALUES (1, 'DE89370400440532013000', 1200.50, 's1', 'Ada', 'Berlin'), (2, NULL, 7, 's2', 'Bo', 'Graz')",
                    // A function a database user made, a better match for a varchar than
                    // pg_catalog.upper(text): a mask must not find it through the search path.
                    "CREATE FUNCTION public.upper(varchar) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked'::text $$",
                    "ALTER TABLE public.accounts OWNER TO \(roles.sync)",
                ])
            try await TestServer.withServer(.sqlite) { client in
                let f = try await TwoTenantFixture.make(client)
                let security = f.a.securityToken
                let export = Self.policies(service: "warehouse", roles: roles)
                    .replacingOccurrences(of: #"{"name": "MASK_HASH"}]"#, with: #"{"name": "MASK_HASH"}, {"name": "CUSTOM"}]"#)
                let id = try await Self.registerWarehouse(client, f, url: url, roles: roles, export: export)
                var ids: [String: Int] = [:]
                for (column, expression) in [
                    ("iban", "CASE WHEN {col} IS NULL THEN 'none' ELSE concat('****', right({col}, 4)) END"),
                    ("balance", "upper({col})"),  // on the list, but upper(numeric) does not exist
                    ("secret", "pg_read_file('/etc/passwd')"),  // off the list
                    ("owner", "{col} || secret"),  // another column
                    ("city", "upper({col})"),
                ] {
                    let created = try await client.send(
                        .post, "/v1/policies", token: security,
                        body: .json([
                            "service": "warehouse", "name": "custom \(column)", "policyType": 1,
                            "resources": ["database": ["values": ["sales"]], "table": ["values": ["accounts"]], "column": ["values": [column]]],
                            "dataMaskPolicyItems": [
                                [
                                    "groups": [roles.analysts], "accesses": [["type": "select", "isAllowed": true]] as [[String: any Sendable]],
                                    "dataMaskInfo": ["dataMaskType": "CUSTOM", "valueExpr": expression],
                                ] as [String: any Sendable]
                            ],
                        ]))
                    #expect(created.status == 201, "\(created.text)")
                    ids[column] = try created.json()["id"] as? Int
                }

                let plan = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security).json()
                let findings = (plan["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "mask-unsupported" }
                func finding(_ column: String) -> String? {
                    findings.first { ($0["policyId"] as? Int) == ids[column] }?["message"] as? String
                }
                #expect(finding("iban") == nil && finding("city") == nil, "\(findings)")
                #expect(finding("balance")?.contains("rejected by PostgreSQL") == true, "\(findings)")
                #expect(finding("secret")?.contains("pg_read_file") == true, "\(findings)")
                #expect(finding("owner")?.contains("`secret`") == true, "\(findings)")

                let applied = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security)
                #expect(applied.status == 200, "one refused mask does not stop the rest: \(applied.text)")
                let ibans = try await PostgresProbe.query(url, as: roles.alice, "SELECT iban, id::text FROM accounts ORDER BY id")
                #expect(ibans.rows.map { $0.first ?? nil } == ["****3000", "none"], "\(ibans)")
                let cities = try await PostgresProbe.query(url, as: roles.alice, "SELECT city FROM accounts ORDER BY id")
                #expect(cities.rows.map { $0.first ?? nil } == ["BERLIN", "GRAZ"], "pg_catalog's upper, not public's: \(cities)")
                for column in ["balance", "secret", "owner"] {
                    let withheld = try await PostgresProbe.query(url, as: roles.alice, "SELECT \(column) FROM accounts")
                    #expect(withheld.error?.contains("permission denied") == true, "\(column) is withheld: \(withheld)")
                }
                let replanned = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security).json()
                #expect((replanned["statements"] as? [Any])?.isEmpty == true, "idempotent: \(replanned)")
            }
        }
    }
}
