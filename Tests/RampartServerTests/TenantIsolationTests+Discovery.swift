// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartServer
import RampartTesting
import Testing

/// Isolation probes for discovery: tenant A's credentials against tenant B's datasources, scans,
/// tagging rules, classifiers and tags.
extension TenantIsolationTests {
    struct DiscoveryOfB {
        var datasource: String
        var scan: String
        var rule: String
        var classifier: String
    }

    /// Gives B a datasource, a scan of it, a tagging rule and a classifier (through B's admin).
    static func discoveryOfB(_ client: APIClient, _ f: TwoTenantFixture) async throws -> DiscoveryOfB {
        let token = f.b.adminToken
        func first(_ path: String) async throws -> String? {
            (try await client.send(.get, path, token: token).json()["items"] as? [[String: Any]])?.first?["id"] as? String
        }
        let datasource: String
        if let id = try await first("/v1/datasources") {
            datasource = id
        } else {
            datasource = try await client.send(
                .post, "/v1/datasources", token: token,
                body: .json(["name": "b-files", "kind": "postgres", "url": "postgres://b-user:b-secret@127.0.0.1:1/b"])
            ).string("id")
        }
        let scan: String
        if let id = try await first("/v1/scans") {
            scan = id
        } else {
            scan = try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": datasource])).string("id")
        }
        let rule: String
        if let id = try await first("/v1/tagging-rules") {
            rule = id
        } else {
            rule = try await client.send(
                .post, "/v1/tagging-rules", token: token, body: .json(["class": "EMAIL", "minConfidence": 0.5, "tag": "B-PII"])
            ).string("id")
        }
        let classifier: String
        if let id = try await first("/v1/classifiers") {
            classifier = id
        } else {
            classifier = try await client.send(
                .post, "/v1/classifiers", token: token, body: .json(["dataClass": "B_CODE", "pattern": "B-[0-9]{4}"])
            ).string("id")
        }
        return DiscoveryOfB(datasource: datasource, scan: scan, rule: rule, classifier: classifier)
    }

    static var discoveryProbes: [String: Probe] {
        [
            "POST /v1/datasources": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(
                    .post, "/v1/datasources", token: token, body: .json(["name": "b-files", "kind": "sqlite", "path": "/a/file.db"]))
                #expect(reply.status == 201 || reply.status == 409, "\(reply.text)")
                #expect(try await client.send(.get, "/v1/datasources/\(b.datasource)", token: f.b.adminToken).string("kind") == "postgres")
            },
            "GET /v1/datasources": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/datasources?limit=500", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b.datasource) && !reply.text.contains("b-user"))
            },
            "GET /v1/datasources/{id}": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/datasources/\(b.datasource)", token: token), "GET datasource")
            },
            "PATCH /v1/datasources/{id}": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let before = try await client.send(.get, "/v1/datasources/\(b.datasource)", token: f.b.adminToken).text
                expectNotFound(
                    try await client.send(.patch, "/v1/datasources/\(b.datasource)", token: token, body: .json(["host": "evil.example"])),
                    "PATCH datasource")
                #expect(try await client.send(.get, "/v1/datasources/\(b.datasource)", token: f.b.adminToken).text == before)
            },
            "DELETE /v1/datasources/{id}": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.delete, "/v1/datasources/\(b.datasource)", token: token), "DELETE datasource")
                #expect(try await client.send(.get, "/v1/datasources/\(b.datasource)", token: f.b.adminToken).status == 200)
            },
            "POST /v1/datasources/{id}/test": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.post, "/v1/datasources/\(b.datasource)/test", token: token), "test datasource")
            },
            "GET /v1/datasources/{id}/schema": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/datasources/\(b.datasource)/schema", token: token), "datasource schema")
            },
            "GET /v1/datasources/{id}/sync": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/datasources/\(b.datasource)/sync", token: token), "B's sync status")
            },
            "POST /v1/datasources/{id}/sync/plan": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.post, "/v1/datasources/\(b.datasource)/sync/plan", token: token), "plan B's sync")
            },
            "POST /v1/datasources/{id}/sync/apply": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.post, "/v1/datasources/\(b.datasource)/sync/apply", token: token), "apply B's sync")
            },
            "POST /v1/datasources/{id}/sync/mask-key/rotate": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(
                    try await client.send(.post, "/v1/datasources/\(b.datasource)/sync/mask-key/rotate", token: token), "rotate B's masking key")
            },
            "POST /v1/scans": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(
                    try await client.send(.post, "/v1/scans", token: token, body: .json(["datasource": b.datasource])), "scan B's datasource")
            },
            "GET /v1/scans": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/scans?limit=500", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b.scan) && !reply.text.contains(b.datasource))
                let filtered = try await client.send(.get, "/v1/scans?datasource=\(b.datasource)", token: token)
                #expect(filtered.status == 200 && !filtered.text.contains(b.scan))
            },
            "GET /v1/scans/{id}": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/scans/\(b.scan)", token: token), "GET scan")
            },
            "POST /v1/scans/{id}/cancel": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.post, "/v1/scans/\(b.scan)/cancel", token: token), "cancel scan")
                let theirs = try await client.send(.get, "/v1/scans/\(b.scan)", token: f.b.adminToken).json()
                #expect(theirs["cancelRequested"] as? Bool == false)
            },
            "GET /v1/scans/{id}/results": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.get, "/v1/scans/\(b.scan)/results", token: token), "scan results")
            },
            "POST /v1/tagging-rules": { client, f, token in
                _ = try await discoveryOfB(client, f)
                let reply = try await client.send(
                    .post, "/v1/tagging-rules", token: token, body: .json(["class": "EMAIL", "minConfidence": 0.5, "tag": "A-ONLY"]))
                #expect(reply.status == 201 || reply.status == 409, "\(reply.text)")
                #expect(!(try await client.send(.get, "/v1/tagging-rules", token: f.b.adminToken).text.contains("A-ONLY")))
            },
            "GET /v1/tagging-rules": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/tagging-rules", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b.rule) && !reply.text.contains("B-PII"))
            },
            "DELETE /v1/tagging-rules/{id}": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.delete, "/v1/tagging-rules/\(b.rule)", token: token), "DELETE tagging rule")
                #expect(try await client.send(.get, "/v1/tagging-rules", token: f.b.adminToken).text.contains(b.rule))
            },
            "POST /v1/classifiers": { client, f, token in
                _ = try await discoveryOfB(client, f)
                let reply = try await client.send(
                    .post, "/v1/classifiers", token: token, body: .json(["dataClass": "A_CODE", "pattern": "A-[0-9]{4}"]))
                #expect(reply.status == 201 || reply.status == 409, "\(reply.text)")
                #expect(!(try await client.send(.get, "/v1/classifiers", token: f.b.adminToken).text.contains("A_CODE")))
            },
            "GET /v1/classifiers": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/classifiers", token: token)
                #expect(reply.status == 200 && !reply.text.contains(b.classifier) && !reply.text.contains("B_CODE"))
            },
            "DELETE /v1/classifiers/{id}": { client, f, token in
                let b = try await discoveryOfB(client, f)
                expectNotFound(try await client.send(.delete, "/v1/classifiers/\(b.classifier)", token: token), "DELETE classifier")
                #expect(try await client.send(.get, "/v1/classifiers", token: f.b.adminToken).text.contains(b.classifier))
            },
            "GET /v1/tags/resources": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/tags/resources?datasource=\(b.datasource)", token: token)
                #expect(try reply.status == 200 && (reply.json()["items"] as? [Any])?.isEmpty == true)
            },
            "GET /v1/tags/history": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/tags/history?datasource=\(b.datasource)", token: token)
                #expect(try reply.status == 200 && (reply.json()["items"] as? [Any])?.isEmpty == true)
            },
            "GET /v1/tags/reviews": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let reply = try await client.send(.get, "/v1/tags/reviews?datasource=\(b.datasource)", token: token)
                #expect(try reply.status == 200 && (reply.json()["items"] as? [Any])?.isEmpty == true)
            },
            "POST /v1/tags/reviews": { client, f, token in
                let b = try await discoveryOfB(client, f)
                let item = ["datasourceId": b.datasource, "table": "t", "column": "c", "tag": "PII"]
                let reply = try await client.send(
                    .post, "/v1/tags/reviews", token: token, body: .json(["action": "reject", "items": [item]] as [String: any Sendable]))
                expectNotFound(reply, "POST tag review of another tenant's datasource")
            },
        ]
    }
}
