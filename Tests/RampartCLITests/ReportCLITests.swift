// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// `rampart report` fetches the compliance reports of a running server with an API key (the real
/// binary against a real server on loopback).
@Suite struct ReportCLITests {
    @Test func reportsAreWrittenAsCSVAndRefusalsAreOneLine() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            try await TestServer.run(TestServer.configuration(for: database)) { client in
                let operatorToken = try await client.loginOperator()
                let (_, admin) = try await client.makeTenant("acme", operatorToken: operatorToken)
                let created = try await client.send(
                    .post, "/v1/users", token: admin, body: .json(["username": "audra", "password": "auditor-pass-phrase-1", "roles": ["auditor"]]))
                #expect(created.status == 201, "\(created.text)")
                let audra = try await client.login(tenant: "acme", username: "audra", password: "auditor-pass-phrase-1").string("token")
                let key = try await client.send(.post, "/v1/api-keys", token: audra, body: .json(["name": "reports", "roles": ["auditor"]])).string(
                    "token")
                let server = "http://127.0.0.1:\(try #require(client.port))"
                let environment = ["RAMPART_API_KEY": key]
                let file = database.directory + "/inventory.csv"

                let inventory = try await ProtectCLITests.rampart(
                    ["report", "inventory", "--server", server, "--format", "csv", "--output", file], environment: environment)
                #expect(inventory.status == 0, "\(inventory.stderr)")
                #expect(inventory.stderr.contains("report: inventory:"), "\(inventory.stderr)")
                let text = try String(contentsOfFile: file, encoding: .utf8)
                #expect(text.hasPrefix("class,tag,confidence,datasource"), "\(text)")
                let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
                #expect(mode == 0o600)

                let json = try await ProtectCLITests.rampart(["report", "inventory", "--server", server, "--quiet"], environment: environment)
                #expect(json.status == 0 && json.stderr.isEmpty && json.stdout.contains("\"entries\""), "\(json.stderr)")

                // A period the server refuses: one line naming the field, exit 1.
                let refused = try await ProtectCLITests.rampart(
                    ["report", "access", "--server", server, "--tag", "PII", "--from", "0", "--to", "253402300799999999", "--quiet"],
                    environment: environment)
                #expect(refused.status == 1, "\(refused.status) \(refused.stderr)")
                #expect(refused.stderr.split(whereSeparator: \.isNewline).count == 1 && refused.stderr.contains("field from"), "\(refused.stderr)")
                let now = Int(Date().timeIntervalSince1970)
                let access = try await ProtectCLITests.rampart(
                    [
                        "report", "access", "--server", server, "--tag", "PII", "--from", String((now - 3600) * 1_000_000), "--to",
                        String((now + 60) * 1_000_000), "--quiet",
                    ], environment: environment)
                #expect(access.status == 0 && access.stdout.contains("\"rows\":[]"), "\(access.stderr) \(access.stdout)")

                let usage = try await ProtectCLITests.rampart(["report", "inventory", "--format", "xml"], environment: environment)
                #expect(usage.status == 2 && usage.stderr.contains("--format"), "\(usage.stderr)")
            }
        }
    }
}
