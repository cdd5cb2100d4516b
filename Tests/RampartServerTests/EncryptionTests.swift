// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Issue 23: encryption schemes, `/v1/protect` and `/v1/unprotect` decided by the tenant's
/// policies on `rampart-encryption`, audited without values, and key rotation.
@Suite struct EncryptionTests {
    static let cards = ["4111-1111-1111-1234", "5500 0000 0000 0004", "340000000000009"]

    /// Creates the schemes `cards` (FF1, last four kept and used as the tweak), `emails`
    /// (reversible tokens) and `notes` (AES-GCM), and a policy: kim protects and unprotects
    /// everything, the analysts (bob) see cards masked only.
    static func setUp(_ client: APIClient, _ f: TwoTenantFixture) async throws {
        let token = f.a.securityToken
        let schemes: [[String: any Sendable]] = [
            ["name": "cards", "algorithm": "ff1", "alphabet": "digits", "keepLast": 4, "tweak": "kept", "description": "card numbers"],
            ["name": "emails", "algorithm": "token", "reversible": true],
            ["name": "notes", "algorithm": "aead", "mask": ["showFirst": 2, "showLast": 0, "character": "#"] as [String: any Sendable]],
        ]
        for scheme in schemes {
            let reply = try await client.send(.post, "/v1/encryption-schemes", token: token, body: .json(scheme))
            #expect(reply.status == 201, "\(reply.text)")
        }
        let policies: [[String: any Sendable]] = [
            [
                "service": "rampart-encryption", "name": "security admins", "resources": ["scheme": ["values": ["*"]]],
                "policyItems": [
                    [
                        "users": ["kim"],
                        "accesses": [["type": "protect", "isAllowed": true], ["type": "unprotect", "isAllowed": true]] as [[String: any Sendable]],
                    ] as [String: any Sendable]
                ],
            ],
            [
                "service": "rampart-encryption", "name": "analysts see cards masked", "resources": ["scheme": ["values": ["cards"]]],
                "policyItems": [
                    ["groups": ["analysts"], "accesses": [["type": "unprotect-masked", "isAllowed": true]] as [[String: any Sendable]]]
                        as [String: any Sendable]
                ],
            ],
        ]
        for policy in policies {
            let reply = try await client.send(.post, "/v1/policies", token: token, body: .json(policy))
            #expect(reply.status == 201, "\(reply.text)")
        }
    }

    static func call(
        _ client: APIClient, _ path: String, _ token: String, scheme: String, _ values: [String], masked: Bool? = nil
    ) async throws -> APIClient.Reply {
        var body: [String: any Sendable] = ["scheme": scheme, "values": values]
        if let masked { body["masked"] = masked }
        return try await client.send(.post, path, token: token, body: .json(body))
    }

    static func values(_ reply: APIClient.Reply) throws -> [String] { try reply.json()["values"] as? [String] ?? [] }

    @Test(arguments: TestEngine.available)
    func policiesDecideWhoSeesWhat(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            try await Self.setUp(client, f)
            let kim = f.a.securityToken
            let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            // The first scheme created the service definition and service its policies use.
            let services = try await client.send(.get, "/v1/services", token: kim)
            #expect(services.text.contains("\"rampart-encryption\""))

            let protected = try await Self.call(client, "/v1/protect", kim, scheme: "cards", Self.cards)
            #expect(protected.status == 200, "\(protected.text)")
            let ciphertexts = try Self.values(protected)
            #expect(try protected.string("form") == "protected")
            for (card, ciphertext) in zip(Self.cards, ciphertexts) {
                #expect(ciphertext != card)
                #expect(ciphertext.count == card.count)
                #expect(ciphertext.suffix(4) == card.suffix(4))
                for (a, b) in zip(card, ciphertext) where !a.isNumber { #expect(a == b) }
            }
            // Deterministic: the same card protects to the same value (joins work).
            #expect(try Self.values(try await Self.call(client, "/v1/protect", kim, scheme: "cards", [Self.cards[0]])) == [ciphertexts[0]])

            let clear = try await Self.call(client, "/v1/unprotect", kim, scheme: "cards", ciphertexts)
            #expect(try Self.values(clear) == Self.cards)
            #expect(try clear.string("form") == "clear")
            let askedMasked = try await Self.call(client, "/v1/unprotect", kim, scheme: "cards", ciphertexts, masked: true)
            #expect(try Self.values(askedMasked)[0] == "****-****-****-1234")

            // bob (analysts) may only see the masked form, whatever he asks for.
            let masked = try await Self.call(client, "/v1/unprotect", bob, scheme: "cards", ciphertexts)
            #expect(masked.status == 200, "\(masked.text)")
            #expect(try masked.string("form") == "masked")
            #expect(try Self.values(masked) == ["****-****-****-1234", "**** **** **** 0004", "***********0009"])
            // bob may not protect, nor read emails: 403 with no value echoed.
            let refused = try await Self.call(client, "/v1/protect", bob, scheme: "cards", Self.cards)
            #expect(refused.status == 403)
            #expect(refused.contentType == "application/problem+json")
            #expect(!refused.text.contains("4111"))
            let emails = try Self.values(try await Self.call(client, "/v1/protect", kim, scheme: "emails", ["ann@example.com"]))
            let noEmails = try await Self.call(client, "/v1/unprotect", bob, scheme: "emails", emails)
            #expect(noEmails.status == 403)
            #expect(!noEmails.text.contains("ann@example.com") && !noEmails.text.contains(emails[0]))
            // Another tenant's security admin does not see the scheme at all.
            let foreign = try await Self.call(client, "/v1/unprotect", f.b.securityToken, scheme: "cards", ciphertexts)
            #expect(foreign.status == 404)

            // Every call is one audit record naming scheme, access and count, never a value.
            let audit = try await client.send(.get, "/v1/audit/records?entity=cards&limit=1000", token: bob)
            #expect(audit.status == 200, "\(audit.text)")
            let records = try audit.json()["items"] as? [[String: Any]] ?? []
            let operations = records.compactMap { $0["operation"] as? String }
            #expect(operations.filter { $0 == "unprotect" }.count == 3, "\(operations)")
            #expect(operations.filter { $0 == "protect" }.count == 3, "\(operations)")
            let denied = records.filter { $0["outcome"] as? String == "denied" }
            #expect(denied.count == 1)
            #expect((denied.first?["accessType"] as? String) == "protect")
            let bobsMasked = records.first { $0["accessType"] as? String == "unprotect-masked" }
            #expect((bobsMasked?["details"] as? String)?.contains("\"count\":\"3\"") == true, "\(String(describing: bobsMasked))")
            let everything = try await client.send(.get, "/v1/audit/records?limit=1000", token: bob)
            for value in Self.cards + ciphertexts + ["ann@example.com"] { #expect(!everything.text.contains(value)) }
        }
    }

    @Test(arguments: TestEngine.available)
    func badInputIsRefusedNamingTheField(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            try await Self.setUp(client, f)
            let kim = f.a.securityToken
            func expect422(_ reply: APIClient.Reply, field: String) throws {
                #expect(reply.status == 422, "\(reply.text)")
                #expect(try reply.string("field") == field, "\(reply.text)")
            }
            // Below the minimum domain: 9 digits with 4 kept leave 5, and radix 10 needs 6.
            let short = try await Self.call(client, "/v1/protect", kim, scheme: "cards", ["4111111111111111", "123456789"])
            try expect422(short, field: "values[1]")
            #expect(!short.text.contains("123456789"))
            try expect422(try await Self.call(client, "/v1/protect", kim, scheme: "cards", []), field: "values")
            try expect422(
                try await Self.call(client, "/v1/protect", kim, scheme: "cards", [String](repeating: "4111111111111111", count: 10_001)),
                field: "values")
            try expect422(try await Self.call(client, "/v1/unprotect", kim, scheme: "emails", ["tok_notatoken"]), field: "values[0]")
            try expect422(try await Self.call(client, "/v1/unprotect", kim, scheme: "notes", ["renc1.1.AAAA"]), field: "values[0]")
            #expect(try await Self.call(client, "/v1/protect", kim, scheme: "missing", ["x"]).status == 404)
            try expect422(try await Self.call(client, "/v1/protect", kim, scheme: "cards", ["4111111111111111"], masked: true), field: "masked")
            let schemes: [([String: any Sendable], String)] = [
                (["name": "x", "algorithm": "rot13"], "algorithm"),
                (["name": "Bad Name", "algorithm": "aead"], "name"),
                (["name": "x", "algorithm": "ff1", "alphabet": "custom"], "customAlphabet"),
                (["name": "x", "algorithm": "ff1", "keepLast": 1000], "keepLast"),
                (["name": "x", "algorithm": "token", "keepLast": 4], "keepLast"),
                (["name": "x", "algorithm": "aead", "mask": ["character": "ab"] as [String: any Sendable]], "mask.character"),
            ]
            for (body, field) in schemes {
                try expect422(try await client.send(.post, "/v1/encryption-schemes", token: kim, body: .json(body)), field: field)
            }
            let duplicate = try await client.send(.post, "/v1/encryption-schemes", token: kim, body: .json(["name": "cards", "algorithm": "aead"]))
            #expect(duplicate.status == 409)
            // Only encryption:manage creates schemes; an auditor reads them.
            let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            #expect(
                try await client.send(.post, "/v1/encryption-schemes", token: bob, body: .json(["name": "y", "algorithm": "aead"])).status == 403)
            let listed = try await client.send(.get, "/v1/encryption-schemes", token: bob)
            #expect(listed.status == 200)
            let card = try await client.send(.get, "/v1/encryption-schemes/cards", token: bob)
            #expect(try card.int("minimumLength") == 10)
            #expect(try card.string("tweak") == "kept")
        }
    }

    /// Values protected before and after a data-key rotation all unprotect; the rotation
    /// re-encrypts the token vault under the new key; deleting a scheme shreds its values.
    @Test(arguments: TestEngine.available)
    func valuesOutliveKeyRotation(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            try await Self.setUp(client, f)
            let kim = f.a.securityToken
            let before = ["ann@example.com", "bo@example.org", "ann@example.com"]
            let after = ["cy@example.net"]
            var tokens: [String] = []
            var notes: [String] = []
            var cards: [String] = []
            func protect(_ emails: [String]) async throws -> Int {
                tokens += try Self.values(try await Self.call(client, "/v1/protect", kim, scheme: "emails", emails))
                let sealed = try await Self.call(client, "/v1/protect", kim, scheme: "notes", emails)
                notes += try Self.values(sealed)
                cards += try Self.values(try await Self.call(client, "/v1/protect", kim, scheme: "cards", [Self.cards[0]]))
                return try sealed.int("keyVersion")
            }
            #expect(try await protect(before) == 1)
            #expect(tokens[0] == tokens[2])
            let rotated = try await client.send(.post, "/v1/keys/rotate", token: kim)
            #expect(rotated.status == 200, "\(rotated.text)")
            #expect(try rotated.int("currentVersion") == 2)
            // Two distinct e-mail addresses were in the vault under version 1.
            #expect(try rotated.int("reencryptedVaultEntries") == 2)
            #expect(try await protect(after) == 2)
            let emails = before + after
            #expect(try Self.values(try await Self.call(client, "/v1/unprotect", kim, scheme: "emails", tokens)) == emails)
            #expect(try Self.values(try await Self.call(client, "/v1/unprotect", kim, scheme: "notes", notes)) == emails)
            #expect(
                try Self.values(try await Self.call(client, "/v1/unprotect", kim, scheme: "cards", cards))
                    == [String](repeating: Self.cards[0], count: 2))
            #expect(cards[0] == cards[1], "FF1 keys are the scheme's, not the data key's: a rotation does not change ciphertexts")
            // The masked form of free text: the scheme's own mask.
            #expect(
                try Self.values(try await Self.call(client, "/v1/unprotect", kim, scheme: "notes", [notes[0]], masked: true)) == ["an#@#######.###"])
            // Deleting a scheme shreds its key: an aead scheme made again under the same name (same
            // data key) opens none of the old values; nor does a token scheme.
            #expect(try await client.send(.delete, "/v1/encryption-schemes/notes", token: kim).status == 204)
            #expect(
                try await client.send(.post, "/v1/encryption-schemes", token: kim, body: .json(["name": "notes", "algorithm": "aead"])).status == 201)
            try await #expect(Self.call(client, "/v1/unprotect", kim, scheme: "notes", [notes[0]]).status == 422)
            // Deleting the scheme shreds its key: the same ciphertexts are now nobody's.
            #expect(try await client.send(.delete, "/v1/encryption-schemes/emails", token: kim).status == 204)
            #expect(try await Self.call(client, "/v1/unprotect", kim, scheme: "emails", tokens).status == 404)
            let again = try await client.send(
                .post, "/v1/encryption-schemes", token: kim, body: .json(["name": "emails", "algorithm": "token", "reversible": true]))
            #expect(again.status == 201)
            try await #expect(Self.call(client, "/v1/unprotect", kim, scheme: "emails", tokens).status == 422)
        }
    }
}
