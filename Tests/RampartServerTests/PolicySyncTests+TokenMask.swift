// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Issue 23: `MASK_HASH` keyed by a token scheme. The database shows the scheme's tokens, equal to
/// what `/v1/protect` returns for the same values, so masked columns join with tokenized data.
extension PolicySyncTests {
    @Test func maskHashWithATokenSchemeShowsTheSchemesTokens() async throws {
        try await Self.withEnforcedDatabase { try await tokenMask($0) }
    }

    func tokenMask(_ roles: Roles) async throws {
        try await TestDatabase.withFresh(.postgres) { source in
            guard let url = source.postgresURL else { return }
            try await PostgresProbe.run(
                url,
                Self.loginRoles(roles, database: source.postgresName) + [
                    "CREATE TABLE public.customers (id integer PRIMARY KEY, name text, ssn text, notes text)",
                    "INSERT INTO public.customers VALUES (1, 'Ada', '123-45-6789', 'vip'), (2, 'Zoë Ł', '987-65-4321', 'x'), (3, 'Ada', '1', 'y')",
                    "ALTER TABLE public.customers OWNER TO \(roles.sync)",
                ])
            try await TestServer.withServer(.sqlite) { client in
                let f = try await TwoTenantFixture.make(client)
                let (admin, security) = (f.a.adminToken, f.a.securityToken)
                let id = try await Self.registerWarehouse(client, f, url: url, roles: roles)
                let scheme = try await client.send(
                    .post, "/v1/encryption-schemes", token: security, body: .json(["name": "people", "algorithm": "token", "tokenPrefix": "p_"]))
                #expect(scheme.status == 201, "\(scheme.text)")
                let policy = try await client.send(
                    .post, "/v1/policies", token: security,
                    body: .json([
                        "service": "rampart-encryption", "name": "kim tokenizes", "resources": ["scheme": ["values": ["people"]]],
                        "policyItems": [
                            ["users": ["kim"], "accesses": [["type": "protect", "isAllowed": true]] as [[String: any Sendable]]]
                                as [String: any Sendable]
                        ],
                    ]))
                #expect(policy.status == 201, "\(policy.text)")
                // The scheme's key goes into the database: only encryption:manage (kim) chooses it.
                let byAdmin = try await client.send(
                    .patch, "/v1/datasources/\(id)", token: admin, body: .json(["sync": ["maskHashScheme": "people"]]))
                #expect(byAdmin.status == 403, "\(byAdmin.text)")
                let badName = try await client.send(
                    .patch, "/v1/datasources/\(id)", token: security, body: .json(["sync": ["maskHashScheme": "Not A Name"]]))
                #expect(badName.status == 422 && (try? badName.string("field")) == "sync.maskHashScheme", "\(badName.text)")
                let chosen = try await client.send(
                    .patch, "/v1/datasources/\(id)", token: security, body: .json(["sync": ["maskHashScheme": "people"]]))
                #expect(chosen.status == 200, "\(chosen.text)")
                // Nor may a tenant-admin move it elsewhere (to a database of theirs, to read the key).
                let moved = try await client.send(.patch, "/v1/datasources/\(id)", token: admin, body: .json(["host": "elsewhere.example"]))
                #expect(moved.status == 403, "\(moved.text)")

                let applied = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security)
                #expect(applied.status == 200, "\(applied.text)")
                let names = try await PostgresProbe.query(url, as: roles.alice, "SELECT name FROM customers ORDER BY id")
                let masked = names.rows.compactMap { $0.first ?? nil }
                let tokens = try await client.send(
                    .post, "/v1/protect", token: security, body: .json(["scheme": "people", "values": ["Ada", "Zoë Ł", "Ada"]]))
                #expect(tokens.status == 200, "\(tokens.text)")
                #expect(masked == (try tokens.json()["values"] as? [String]), "the database's tokens are the API's: \(names)")
                #expect(masked.first?.hasPrefix("p_") == true && masked[0] == masked[2] && masked[0] != masked[1])
                let status = try await client.send(.get, "/v1/datasources/\(id)/sync", token: admin)
                #expect(try status.string("maskHashScheme") == "people")

                // Deleting the scheme shreds its key in the database too: the next apply masks with
                // the datasource's own key (hex), and the tokens are gone. So does a scheme of
                // another algorithm under the same name.
                #expect(try await client.send(.delete, "/v1/encryption-schemes/people", token: security).status == 204)
                let aead = try await client.send(
                    .post, "/v1/encryption-schemes", token: security, body: .json(["name": "people", "algorithm": "aead"]))
                #expect(aead.status == 201)
                let reapplied = try await client.send(.post, "/v1/datasources/\(id)/sync/apply", token: security)
                #expect(reapplied.status == 200, "\(reapplied.text)")
                let after = try await PostgresProbe.query(url, as: roles.alice, "SELECT name FROM customers ORDER BY id")
                let hashes = after.rows.compactMap { $0.first ?? nil }
                #expect(hashes.count == 3 && hashes.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }, "\(after)")
                #expect(Set(hashes).isDisjoint(with: masked))
            }
        }
    }
}
