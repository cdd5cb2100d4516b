// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// A datasource's `MASK_HASH` key rotated: the keyring holds a fresh key at once, the next plan
/// carries it (redacted) and the next apply puts it in the database, so masked values change
/// while equal values stay equal; the rotation is in the tenant's audit log, with a digest of the
/// new key and never the key.
extension PolicySyncTests {
    @Test func aRotatedMaskingKeyChangesTheHashesAtTheNextApply() async throws {
        try await Self.withEnforcedDatabase { try await maskKeyRotation($0) }
    }

    func maskKeyRotation(_ roles: Roles) async throws {
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            try await PostgresProbe.run(
                url,
                Self.loginRoles(roles, database: source.postgresName) + [
                    "CREATE TABLE public.customers (id integer PRIMARY KEY, name text, ssn text, notes text)",
                    "INSERT INTO public.customers VALUES (1, 'Ada', '123-45-6789', 'vip'), (2, 'Bo', '987-65-4321', 'x'), (3, 'Ada', '1', 'y')",
                    "ALTER TABLE public.customers OWNER TO \(roles.sync)",
                ])
            try await TestServer.withServer(.sqlite) { client in
                let f = try await TwoTenantFixture.make(client)
                let (admin, security) = (f.a.adminToken, f.a.securityToken)
                let id = try await Self.registerWarehouse(client, f, url: url, roles: roles)
                #expect(try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security).status == 200)
                func names() async throws -> [String] {
                    try await PostgresProbe.query(url, as: roles.alice, "SELECT name FROM customers ORDER BY id").rows.compactMap { $0.first ?? nil }
                }
                let before = try await names()
                #expect(before.count == 3 && before[0] == before[2] && before[0] != before[1], "\(before)")

                // Another tenant's security admin does not find the datasource.
                #expect(try await client.send(.post, "/v1/datasources/\(id)/sync/mask-key/rotate", token: f.b.securityToken).status == 404)
                let rotated = try await client.send(.post, "/v1/datasources/\(id)/sync/mask-key/rotate", token: security)
                #expect(rotated.status == 200, "\(rotated.text)")
                let fingerprint = try rotated.string("keyFingerprint")
                let appliesAt = try rotated.string("appliesAt")
                #expect(fingerprint.count == 16 && appliesAt == "next-apply")
                #expect(try await names() == before, "the database keeps the old key until the next apply")

                let plan = try await client.send(.post, "/v1/datasources/\(id)/sync/plan", token: security)
                let statements = (try plan.json()["statements"] as? [[String: Any]] ?? []).compactMap { $0["sql"] as? String }
                #expect(statements.contains { $0.contains("<the tenant's masking key, not shown>") }, "\(statements)")
                #expect(try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security).status == 200)
                let after = try await names()
                #expect(after.count == 3 && after[0] == after[2] && after[0] != after[1], "\(after)")
                #expect(Set(after).isDisjoint(with: before), "every hash changed: \(before) → \(after)")

                let audit = try await client.send(.get, "/v1/audit/records?entity=\(id)&limit=1000", token: admin)
                let records = try audit.json()["items"] as? [[String: Any]] ?? []
                let rotation = records.first { $0["operation"] as? String == "sync.mask-key.rotate" }
                let details = rotation?["details"] as? String ?? ""
                #expect(details.contains("\"keyFingerprint\":\"\(fingerprint)\""), "\(records)")

                // A datasource that masks with a token scheme's key has none of its own to rotate.
                let scheme = try await client.send(
                    .post, "/v1/encryption-schemes", token: security, body: .json(["name": "people", "algorithm": "token"]))
                #expect(scheme.status == 201, "\(scheme.text)")
                #expect(
                    try await client.send(.patch, "/v1/datasources/\(id)", token: security, body: .json(["sync": ["maskHashScheme": "people"]]))
                        .status == 200)
                let refused = try await client.send(.post, "/v1/datasources/\(id)/sync/mask-key/rotate", token: security)
                #expect(refused.status == 409 && refused.text.contains("token scheme"), "\(refused.text)")
            }
        }
    }
}
