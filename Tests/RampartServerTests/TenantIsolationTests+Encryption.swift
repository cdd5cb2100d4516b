// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// Isolation probes for encryption schemes and `/v1/protect`/`/v1/unprotect`: tenant B's scheme
/// `b-secret` is invisible to A, by name, in lists and as the scheme of a call.
extension TenantIsolationTests {
    /// Makes B's scheme once.
    static func schemeOfB(_ client: APIClient, _ f: TwoTenantFixture) async throws -> String {
        let existing = try await client.send(.get, "/v1/encryption-schemes/b-secret", token: f.b.securityToken)
        if existing.status == 200 { return "b-secret" }
        let made = try await client.send(
            .post, "/v1/encryption-schemes", token: f.b.securityToken, body: .json(["name": "b-secret", "algorithm": "aead"]))
        #expect(made.status == 201, "\(made.text)")
        return "b-secret"
    }

    static var encryptionProbes: [String: Probe] {
        [
            "POST /v1/encryption-schemes": { client, f, _ in
                _ = try await schemeOfB(client, f)
                let reply = try await client.send(
                    .post, "/v1/encryption-schemes", token: f.a.securityToken, body: .json(["name": "a-only", "algorithm": "aead"]))
                #expect(reply.status == 201 || reply.status == 409, "\(reply.text)")
                #expect(!(try await client.send(.get, "/v1/encryption-schemes", token: f.b.securityToken).text.contains("a-only")))
            },
            "GET /v1/encryption-schemes": { client, f, _ in
                let name = try await schemeOfB(client, f)
                let reply = try await client.send(.get, "/v1/encryption-schemes", token: f.a.securityToken)
                #expect(reply.status == 200 && !reply.text.contains(name))
            },
            "GET /v1/encryption-schemes/{name}": { client, f, _ in
                let name = try await schemeOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/encryption-schemes/\(name)", token: f.a.securityToken), "GET B's scheme")
            },
            "DELETE /v1/encryption-schemes/{name}": { client, f, _ in
                let name = try await schemeOfB(client, f)
                expectNotFound(try await client.send(.delete, "/v1/encryption-schemes/\(name)", token: f.a.securityToken), "DELETE B's scheme")
                #expect(try await client.send(.get, "/v1/encryption-schemes/\(name)", token: f.b.securityToken).status == 200)
            },
            "POST /v1/protect": { client, f, token in
                let name = try await schemeOfB(client, f)
                expectNotFound(
                    try await client.send(.post, "/v1/protect", token: token, body: .json(["scheme": name, "values": ["x"]])),
                    "protect with B's scheme")
            },
            "POST /v1/unprotect": { client, f, token in
                let name = try await schemeOfB(client, f)
                let sealed = try await client.send(
                    .post, "/v1/protect", token: f.b.securityToken, body: .json(["scheme": name, "values": ["b's value"]]))
                // B has no policy allowing it either: the point is that A gets 404, not B's answer.
                #expect(sealed.status == 403 || sealed.status == 200)
                expectNotFound(
                    try await client.send(.post, "/v1/unprotect", token: token, body: .json(["scheme": name, "values": ["renc1.1.AAAA"]])),
                    "unprotect with B's scheme")
            },
        ]
    }
}
