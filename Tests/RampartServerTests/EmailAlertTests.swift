// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// Alert rules with e-mail recipients, end to end: the server sends to a real SMTP receiver on
/// loopback (`TestSMTPReceiver`), over STARTTLS with a private CA and AUTH PLAIN where configured.
@Suite(.enabled(if: TestSMTPReceiver.isAvailable, "needs python3"))
struct EmailAlertTests {
    static let password = "quiet-river-passphrase-1"

    /// Fast retries, and the given mail server.
    static func configure(_ configuration: inout ServerConfiguration, smtp: SMTPConfiguration?) {
        configuration.smtp = smtp
        configuration.security.webhooks.pollInterval = .milliseconds(100)
        configuration.security.webhooks.baseRetryDelay = 100
        configuration.security.webhooks.maximumRetryDelay = 200
    }

    /// Creates an e-mail rule for `device.new`, signs `dana` in from a new device and waits until
    /// the rule's delivery is no longer pending; returns the rule's deliveries.
    static func alertOnNewDevice(_ client: APIClient, recipients: [String]) async throws -> [[String: Any]] {
        let (adminToken, _) = try await client.tenantWithUser("acme", password: password)
        let created = try await client.send(
            .post, "/v1/security/alert-rules", token: adminToken,
            body: .json(["name": "new devices", "emails": recipients, "kinds": ["device.new"]]))
        #expect(created.status == 201, "\(created.text)")
        let rule = try created.json()
        #expect(rule["secret"] == nil, "an e-mail-only rule has no webhook secret")
        #expect(rule["url"] == nil)
        let ruleID = try created.string("id")
        _ = try await client.login(tenant: "acme", username: "dana", password: password)
        for _ in 0..<150 {
            try await Task.sleep(for: .milliseconds(100))
            let reply = try await client.send(.get, "/v1/security/alert-rules/\(ruleID)", token: adminToken).json()
            let deliveries = reply["deliveries"] as? [[String: Any]] ?? []
            if !deliveries.isEmpty && deliveries.allSatisfy({ $0["status"] as? String != "pending" }) { return deliveries }
        }
        throw RampartError(.unavailable, "the e-mail delivery stayed pending")
    }

    @Test(.enabled(if: TLSCollector.isAvailable, "needs openssl"), arguments: [SMTPConfiguration.Security.startTLS, .implicitTLS])
    func alertArrivesOverTLSWithCredentialsAsAWellFormedMessage(_ security: SMTPConfiguration.Security) async throws {
        let certificates = try TLSCollector()
        let smtpPassword = "relay-password-\(UUID().uuidString)"
        try await TestSMTPReceiver.with(
            tls: certificates.directory, implicitTLS: security == .implicitTLS, credentials: ("rampart-relay", smtpPassword)
        ) { receiver in
            let smtp = SMTPConfiguration(
                host: "127.0.0.1", port: receiver.port, security: security, from: "alerts@rampart.test", username: "rampart-relay",
                password: Secret(smtpPassword), caFile: certificates.directory + "/ca.pem")
            try await TestServer.withServer(.sqlite, configure: { Self.configure(&$0, smtp: smtp) }) { client in
                let deliveries = try await Self.alertOnNewDevice(client, recipients: ["sec@acme.com", "Ops@Acme.com"])
                #expect(deliveries.count == 1, "one delivery per rule and event")
                #expect(deliveries.first?["status"] as? String == "delivered", "\(deliveries)")
                #expect(deliveries.first?["channel"] as? String == "email")
                #expect(deliveries.first?["attempts"] as? Int == 1)

                let messages = try receiver.messages()
                #expect(messages.count == 1)
                let message = try #require(messages.first)
                #expect(message["tls"] as? Bool == true)
                #expect(message["user"] as? String == "rampart-relay", "AUTH PLAIN with the configured credentials")
                #expect(message["mailFrom"] as? String == "alerts@rampart.test")
                #expect(message["rcptTo"] as? [String] == ["sec@acme.com", "Ops@acme.com"])
                let raw = try #require(message["raw"] as? String)
                let headers = TestSMTPReceiver.headers(raw)
                func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
                #expect(header("Subject") == "[Rampart] device.new in acme")
                #expect(header("From") == "alerts@rampart.test")
                #expect(header("To")?.replacingOccurrences(of: " ", with: "") == "sec@acme.com,Ops@acme.com")
                #expect(header("MIME-Version") == "1.0")
                #expect(header("Content-Type") == "text/plain; charset=utf-8")
                #expect(header("Content-Transfer-Encoding") == "quoted-printable")
                #expect(header("Message-ID")?.hasSuffix("@rampart.test>") == true)
                #expect(header("Date").map { $0.hasSuffix("+0000") } == true)
                let bytes = Array(raw.utf8)
                #expect(bytes.indices.allSatisfy { bytes[$0] != 10 || ($0 > 0 && bytes[$0 - 1] == 13) }, "CRLF line endings only")
                let body = try #require(message["body"] as? String)
                #expect(body.contains("Event:       device.new"))
                #expect(body.contains("Tenant:      acme"))
                #expect(body.contains("Rule:        new devices"))
                #expect(body.contains("Source IP:"))
                #expect(!raw.contains(smtpPassword) && !body.contains(Self.password), "no secret in the message")
            }
        }
    }

    /// An untrusted certificate and wrong credentials: nothing is sent, and the delivery ends
    /// failed (the TLS failure after the last attempt, the 535 at once).
    @Test(.enabled(if: TLSCollector.isAvailable, "needs openssl"), arguments: [false, true])
    func noMessageWithoutATrustedServerAndValidCredentials(_ trusted: Bool) async throws {
        let certificates = try TLSCollector()
        try await TestSMTPReceiver.with(tls: certificates.directory, credentials: ("rampart-relay", "right-password")) { receiver in
            let smtp = SMTPConfiguration(
                host: "127.0.0.1", port: receiver.port, security: .startTLS, from: "alerts@rampart.test", username: "rampart-relay",
                password: Secret(trusted ? "wrong-password" : "right-password"), caFile: trusted ? certificates.directory + "/ca.pem" : nil)
            try await TestServer.withServer(
                .sqlite,
                configure: {
                    Self.configure(&$0, smtp: smtp)
                    $0.security.webhooks.maximumAttempts = 2
                }
            ) { client in
                let deliveries = try await Self.alertOnNewDevice(client, recipients: ["sec@acme.com"])
                #expect(deliveries.first?["status"] as? String == "failed", "\(deliveries)")
                #expect(deliveries.first?["attempts"] as? Int == (trusted ? 1 : 2))
                let error = deliveries.first?["lastError"] as? String ?? ""
                #expect(trusted ? error.hasPrefix("SMTP 535") : error.contains("TLS"), "\(error)")
                #expect(try receiver.messages().isEmpty)
            }
        }
    }

    /// Replies sent in clear behind the STARTTLS one are an attack, not the server talking.
    @Test(.enabled(if: TLSCollector.isAvailable, "needs openssl"))
    func clearTextInjectedAfterSTARTTLSIsRefused() async throws {
        let certificates = try TLSCollector()
        try await TestSMTPReceiver.with(tls: certificates.directory, injectAfterSTARTTLS: true) { receiver in
            let smtp = SMTPConfiguration(
                host: "127.0.0.1", port: receiver.port, security: .startTLS, from: "alerts@rampart.test",
                caFile: certificates.directory + "/ca.pem")
            try await TestServer.withServer(
                .sqlite,
                configure: {
                    Self.configure(&$0, smtp: smtp)
                    $0.security.webhooks.maximumAttempts = 1
                }
            ) { client in
                let deliveries = try await Self.alertOnNewDevice(client, recipients: ["sec@acme.com"])
                #expect(deliveries.first?["status"] as? String == "failed", "\(deliveries)")
                #expect((deliveries.first?["lastError"] as? String)?.contains("clear-text data after the STARTTLS reply") == true)
                #expect(try receiver.messages().isEmpty)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aTransientReplyIsRetried(_ engine: TestEngine) async throws {
        try await TestSMTPReceiver.with(dataReplies: [451]) { receiver in
            let smtp = SMTPConfiguration(host: "127.0.0.1", port: receiver.port, security: .plain, from: "alerts@rampart.test")
            try await TestServer.withServer(engine, configure: { Self.configure(&$0, smtp: smtp) }) { client in
                let deliveries = try await Self.alertOnNewDevice(client, recipients: ["sec@acme.com"])
                #expect(deliveries.first?["status"] as? String == "delivered", "\(deliveries)")
                #expect(deliveries.first?["attempts"] as? Int == 2)
                #expect(try receiver.messages().map { $0["reply"] as? Int } == [451, 250])
            }
        }
    }

    @Test func aPermanentReplyEndsTheDelivery() async throws {
        try await TestSMTPReceiver.with(dataReplies: [550, 550, 550]) { receiver in
            let smtp = SMTPConfiguration(host: "127.0.0.1", port: receiver.port, security: .plain, from: "alerts@rampart.test")
            try await TestServer.withServer(.sqlite, configure: { Self.configure(&$0, smtp: smtp) }) { client in
                let deliveries = try await Self.alertOnNewDevice(client, recipients: ["sec@acme.com"])
                #expect(deliveries.first?["status"] as? String == "failed", "\(deliveries)")
                #expect(deliveries.first?["attempts"] as? Int == 1)
                #expect((deliveries.first?["lastError"] as? String)?.hasPrefix("SMTP 550") == true)
                // Longer than several retry delays: nothing more is sent.
                try await Task.sleep(for: .milliseconds(800))
                #expect(try receiver.messages().count == 1)
            }
        }
    }

    @Test func aRefusedRecipientDoesNotStopTheOthers() async throws {
        try await TestSMTPReceiver.with(rejectRecipients: ["gone@acme.com"]) { receiver in
            let smtp = SMTPConfiguration(host: "127.0.0.1", port: receiver.port, security: .plain, from: "alerts@rampart.test")
            try await TestServer.withServer(.sqlite, configure: { Self.configure(&$0, smtp: smtp) }) { client in
                let deliveries = try await Self.alertOnNewDevice(client, recipients: ["gone@acme.com", "sec@acme.com"])
                #expect(deliveries.first?["status"] as? String == "delivered")
                #expect((deliveries.first?["lastError"] as? String)?.contains("gone@acme.com") == true)
                #expect(try receiver.messages().first?["rcptTo"] as? [String] == ["sec@acme.com"])
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func emailRulesAreValidatedAndNeedAMailServer(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password)
            func create(_ body: [String: any Sendable]) async throws -> APIClient.Reply {
                try await client.send(.post, "/v1/security/alert-rules", token: adminToken, body: .json(body))
            }
            let withoutSMTP = try await create(["name": "mail", "emails": ["sec@acme.com"]])
            #expect(withoutSMTP.status == 403, "the server's configuration refuses it")
            #expect(try withoutSMTP.string("field") == "emails")
            #expect(withoutSMTP.text.contains("SMTP"))
            let noChannel = try await create(["name": "nothing"])
            #expect(noChannel.status == 422)
            #expect(try noChannel.string("field") == "url")
            #expect(try await create(["name": "empty", "emails": [String]()]).status == 422)
        }
        let smtp = SMTPConfiguration(host: "127.0.0.1", port: 2525, security: .plain, from: "alerts@rampart.test")
        try await TestServer.withServer(engine, configure: { Self.configure(&$0, smtp: smtp) }) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme", password: Self.password)
            func create(_ body: [String: any Sendable]) async throws -> APIClient.Reply {
                try await client.send(.post, "/v1/security/alert-rules", token: adminToken, body: .json(body))
            }
            let injected = try await create(["name": "x", "emails": ["sec@acme.com>\r\nRCPT TO:<evil@example.com"]])
            #expect(injected.status == 422)
            #expect(try injected.string("field") == "emails")
            let badName = try await create(["name": "x\r\nBcc: evil@example.com", "emails": ["sec@acme.com"]])
            #expect(badName.status == 422)
            let tooMany = try await create(["name": "x", "emails": (0..<21).map { "user\($0)@acme.com" }])
            #expect(tooMany.status == 422)
            let both = try await create(["name": "both", "emails": ["sec@acme.com", "SEC@acme.com"], "url": "https://alerts.example.com/hook"])
            #expect(both.status == 201, "\(both.text)")
            let rule = try both.json()
            #expect(rule["emails"] as? [String] == ["sec@acme.com"], "duplicates are dropped")
            #expect(rule["secret"] is String, "the webhook still gets its signing secret")
            let listed = try await client.send(.get, "/v1/security/alert-rules", token: adminToken).text
            #expect(listed.contains("sec@acme.com"))
        }
    }
}
