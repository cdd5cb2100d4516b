// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// `rampart protect` / `rampart unprotect` stream a CSV through a running server (the real
/// binary against a real server on loopback), and `rampart keys rotate` re-encrypts the token
/// vault while that server keeps answering.
@Suite struct ProtectCLITests {
    /// Runs the binary off the cooperative pool: the server it talks to runs in this process.
    static func rampart(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLITests.Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try CLITests.rampart(arguments, environment: environment) })
            }
        }
    }

    @Test func aCSVRoundTripsThroughTheServerAndSurvivesARotation() async throws {
        try await TestDatabase.withFresh(.sqlite) { database in
            try await TestServer.run(TestServer.configuration(for: database)) { client in
                let operatorToken = try await client.loginOperator()
                let (_, admin) = try await client.makeTenant("acme", operatorToken: operatorToken)
                let created = try await client.send(
                    .post, "/v1/users", token: admin,
                    body: .json(["username": "kim", "password": "security-admin-pass-1", "roles": ["security-admin"]]))
                #expect(created.status == 201, "\(created.text)")
                let kim = try await client.login(tenant: "acme", username: "kim", password: "security-admin-pass-1").string("token")
                for scheme: [String: any Sendable] in [
                    ["name": "cards", "algorithm": "ff1", "keepLast": 4, "tweak": "kept"],
                    ["name": "emails", "algorithm": "token", "reversible": true],
                ] {
                    #expect(try await client.send(.post, "/v1/encryption-schemes", token: kim, body: .json(scheme)).status == 201)
                }
                let policy = try await client.send(
                    .post, "/v1/policies", token: kim,
                    body: .json([
                        "service": "rampart-encryption", "name": "kim", "resources": ["scheme": ["values": ["*"]]],
                        "policyItems": [
                            [
                                "users": ["kim"],
                                "accesses": [["type": "protect", "isAllowed": true], ["type": "unprotect", "isAllowed": true]]
                                    as [[String: any Sendable]],
                            ] as [String: any Sendable]
                        ],
                    ]))
                #expect(policy.status == 201, "\(policy.text)")
                let key = try await client.send(.post, "/v1/api-keys", token: kim, body: .json(["name": "bulk", "roles": ["security-admin"]])).string(
                    "token")
                let port = try #require(client.port)
                let directory = database.directory
                // Quoted cells with commas, quotes and a line break, an empty cell, 2,500 rows.
                var csv = "id,card,email,note\n"
                csv += "0,4111-1111-1111-1234,ann@example.com,\"a note, with a comma and \"\"quotes\"\"\nand a line break\"\n"
                csv += "1,,bo@example.org,\n"
                for row in 2..<2500 { csv += "\(row),5500 0000 \(String(format: "%04d", row % 10000)) 0004,user\(row % 300)@example.com,plain\n" }
                try csv.write(toFile: directory + "/in.csv", atomically: true, encoding: .utf8)
                let environment = ["RAMPART_API_KEY": key]
                let server = "http://127.0.0.1:\(port)"
                let protect = try await Self.rampart(
                    [
                        "protect", "--server", server, "--scheme", "cards", "--column", "card", "--input", directory + "/in.csv", "--output",
                        directory + "/cards.csv", "--batch", "700",
                    ], environment: environment)
                #expect(protect.status == 0, "\(protect.stderr)")
                #expect(protect.stderr.contains("protect: done: 2500 rows, 2499 values"), "\(protect.stderr)")
                let protected = try String(contentsOfFile: directory + "/cards.csv", encoding: .utf8)
                #expect(!protected.contains("4111-1111-1111-1234") && protected.contains("-1234"))
                #expect(protected.contains("\"a note, with a comma and \"\"quotes\"\"\nand a line break\""))
                #expect(protected.contains("\n1,,bo@example.org,\n"))
                let tokens = try await Self.rampart(
                    [
                        "protect", "--server", server, "--scheme", "emails", "--column", "email", "--input", directory + "/cards.csv", "--output",
                        directory + "/both.csv", "--quiet",
                    ], environment: environment)
                #expect(tokens.status == 0 && tokens.stderr.isEmpty, "\(tokens.stderr)")

                // Rotate the data key with the server running: the vault (300 distinct addresses)
                // moves to the new version, and the server answers throughout.
                let masterKey = try String(contentsOfFile: directory + "/master.key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
                let rotate = try await Self.rampart(
                    ["keys", "rotate", "--data-dir", directory, "--tenant", "acme"], environment: ["RAMPART_MASTER_KEY": masterKey])
                #expect(rotate.status == 0, "\(rotate.stderr)")
                #expect(
                    rotate.stdout.contains("acme: data key version 2; 2 secret(s) and 302 token-vault entrie(s) re-encrypted"), "\(rotate.stdout)")
                #expect(rotate.stderr.contains("token vault 302/302 re-encrypted"), "\(rotate.stderr)")

                for (scheme, column, from, to) in [("emails", "email", "both.csv", "back1.csv"), ("cards", "card", "back1.csv", "back2.csv")] {
                    let run = try await Self.rampart(
                        [
                            "unprotect", "--server", server, "--scheme", scheme, "--column", column, "--input", directory + "/" + from, "--output",
                            directory + "/" + to,
                        ], environment: environment)
                    #expect(run.status == 0, "\(run.stderr)")
                }
                let back = try String(contentsOfFile: directory + "/back2.csv", encoding: .utf8)
                let firstDifference = zip(
                    back.split(separator: "\n", omittingEmptySubsequences: false), csv.split(separator: "\n", omittingEmptySubsequences: false)
                )
                .first { $0 != $1 }
                #expect(back == csv, "first differing line: \(String(describing: firstDifference))")

                // A refusal names the line and column, never the value; exit 1.
                try "id,card\n1,4111111111111111\n2,12345\n".write(toFile: directory + "/bad.csv", atomically: true, encoding: .utf8)
                let bad = try await Self.rampart(
                    ["protect", "--server", server, "--scheme", "cards", "--column", "card", "--input", directory + "/bad.csv", "--quiet"],
                    environment: environment)
                #expect(bad.status == 1)
                #expect(bad.stderr.hasPrefix("rampart: error: line 3, column `card`:"), "\(bad.stderr)")
                #expect(!bad.stderr.contains("12345"))
                let usage = try await Self.rampart(["protect", "--scheme", "cards"], environment: environment)
                #expect(usage.status == 2 && usage.stderr.contains("--column"), "\(usage.stderr)")
            }
        }
    }
}
