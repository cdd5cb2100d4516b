// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Logging
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import SQLKit
import Synchronization
import Testing

/// Collects every log line the server writes, message and metadata, at every level.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func handler(label: String) -> some LogHandler { Handler(log: self) }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.lines.withLock { $0.append("\(event.level) \(event.message) \(merged) \(event.source)") }
        }
    }
}

/// Secrets sent to or issued by the server must never reach an audit record, a log line, or a
/// response other than the one that issues them.
@Suite struct SecretLeakTests {
    static let sent = [
        "Leaky-Secret-Pass-123!", "Another-Leak-Pass-456!", "Wrong-Secret-Guess-789", "QuerySecretToken123",
        "GarbageBearerSecret999", "BasicAuthSecret555", "Body-Token-Secret-246", "TOTP-000000-Secret",
        "Datasource-Url-Pass-314", "Datasource-Field-Pass-159",
    ]

    @Test(arguments: TestEngine.available)
    func noSecretReachesAuditRecordsLogsOrResponses(_ engine: TestEngine) async throws {
        let log = CapturedLog()
        try await TestDatabase.withFresh(engine) { database in
            let logger = Logger(label: "rampart-test") { log.handler(label: $0) }
            let issued: [String] = try await TestServer.run(TestServer.configuration(for: database), logger: logger, keepLogLevel: true) {
                client in
                var responses: [String] = []
                var issued: [String] = []
                func record(_ reply: APIClient.Reply) { responses.append(reply.text + "\(reply.headers)") }

                let f = try await TwoTenantFixture.make(client)
                // Passwords in bodies: create, set, change, wrong login.
                let user = try await client.send(
                    .post, "/v1/users", token: f.a.adminToken, body: .json(["username": "tapper", "password": Self.sent[0]]))
                record(user)
                let userID = try user.string("id")
                record(try await client.send(.put, "/v1/users/\(userID)/password", token: f.a.adminToken, body: .json(["password": Self.sent[1]])))
                record(try await client.login(tenant: f.a.slug, username: "tapper", password: Self.sent[2]))
                let login = try await client.login(tenant: f.a.slug, username: "tapper", password: Self.sent[1])
                let session = try login.string("token")
                issued.append(session)
                record(
                    try await client.send(
                        .post, "/v1/me/password", token: session,
                        body: .json(["currentPassword": Self.sent[1], "newPassword": Self.sent[0]])))
                // Secrets in the query string and in bad credentials.
                record(try await client.send(.get, "/v1/users?token=\(Self.sent[3])&password=\(Self.sent[3])", token: f.a.adminToken))
                record(try await client.send(.get, "/v1/me", token: Self.sent[4]))
                record(try await client.send(.get, "/v1/me", token: "\(f.a.apiKeyID).\(Self.sent[5])"))
                let basic = Data("\(f.a.apiKeyID):\(Self.sent[5])".utf8).base64EncodedString()
                record(try await client.send(.get, "/v1/me", headers: [.authorization: "Basic \(basic)"]))
                // An issued API key secret, then used.
                let key = try await client.send(.post, "/v1/api-keys", token: f.a.adminToken, body: .json(["name": "leak-check"]))
                let keyToken = try key.string("token")
                issued.append(keyToken)
                record(try await client.send(.get, "/v1/me", token: keyToken))
                // A datasource password, in a URL and in a field, then used (the connection is refused).
                let datasource = try await client.send(
                    .post, "/v1/datasources", token: f.a.adminToken,
                    body: .json(["name": "leaky", "kind": "postgres", "url": "postgres://reader:\(Self.sent[8])@127.0.0.1:1/db"]))
                record(datasource)
                let datasourceID = try datasource.string("id")
                record(try await client.send(.post, "/v1/datasources/\(datasourceID)/test", token: f.a.adminToken))
                record(
                    try await client.send(.patch, "/v1/datasources/\(datasourceID)", token: f.a.adminToken, body: .json(["password": Self.sent[9]])))
                record(try await client.send(.get, "/v1/datasources/\(datasourceID)/schema", token: f.a.adminToken))
                record(try await client.send(.get, "/v1/datasources", token: f.a.adminToken))
                let scan = try await client.send(.post, "/v1/scans", token: f.a.adminToken, body: .json(["datasource": datasourceID]))
                record(scan)
                for _ in 0..<100 {
                    let reply = try await client.send(.get, "/v1/scans/\(try scan.string("id"))", token: f.a.adminToken)
                    record(reply)
                    if (try? reply.string("status")) == "failed" { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                // Every route, with secrets in every plausible field and in the query.
                let body: [String: any Sendable] = [
                    "password": Self.sent[0], "newPassword": Self.sent[1], "currentPassword": Self.sent[2], "token": Self.sent[6],
                    "secret": Self.sent[6], "code": Self.sent[7], "username": "x", "name": "x",
                ]
                for route in client.routes {
                    let path = MalformedInputTests.concretePath(route, f) + "?token=\(Self.sent[3])&code=\(Self.sent[7])"
                    let token = MalformedInputTests.token(for: route, f)
                    let reply = try await client.send(route.method, path, token: token, body: route.method == .get ? .none : .json(body))
                    record(reply)
                }
                for response in responses {
                    for secret in Self.sent + [session] {
                        #expect(!response.contains(secret), "a response contains a secret: \(response.prefix(300))")
                    }
                }
                return issued
            }
            let rows: [String] = try await database.withStore { db, _ in
                try await db.transaction { sql in
                    try await sql.raw("SELECT * FROM audit_records ORDER BY tenant_id, seq").all().map { row in
                        row.allColumns.map { column in
                            (try? row.decode(column: column, as: String?.self)).flatMap { $0 } ?? ""
                        }.joined(separator: "|")
                    }
                }
            }
            #expect(rows.count > 50, "the audit log holds the requests")
            #expect(rows.contains { $0.contains("REDACTED") }, "query secrets are redacted, not dropped")
            let lines = log.all
            #expect(lines.count > 50, "the server logged the requests")
            for secret in Self.sent + issued + [TestServer.operatorPassword, "tenant-owner-passphrase-9"] {
                for row in rows { #expect(!row.contains(secret), "audit record contains a secret: \(row.prefix(300))") }
                for line in lines { #expect(!line.contains(secret), "log line contains a secret: \(line.prefix(300))") }
            }
        }
    }
}
