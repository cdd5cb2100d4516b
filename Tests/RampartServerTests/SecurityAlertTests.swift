// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Synchronization
import Testing

@Suite struct SecurityAlertTests {
    /// What the webhook receiver saw.
    final class Inbox: Sendable {
        struct Delivery: Sendable {
            var body: Data
            var signature: String?
        }
        let deliveries = Mutex<[Delivery]>([])
    }

    @Test func alertsReachTheWebhookSignedAndAreRetried() async throws {
        let inbox = Inbox()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let attempt = inbox.deliveries.withLock { deliveries in
                deliveries.append(.init(body: Data(body.readableBytesView), signature: request.headers[HTTPField.Name("X-Rampart-Signature")!]))
                return deliveries.count
            }
            // The first attempt fails, so the retry path is exercised.
            return Response(status: attempt == 1 ? .internalServerError : .noContent)
        }
        try await Application(router: router).test(.live) { receiver in
            let port = try #require(receiver.port)
            try await TestServer.withServer(
                .sqlite,
                configure: { configuration in
                    configuration.security.webhooks.allowPlainHTTP = true
                    configuration.security.webhooks.pollInterval = .milliseconds(100)
                    configuration.security.webhooks.baseRetryDelay = 100
                    configuration.security.webhooks.timeout = .seconds(5)
                }
            ) { client in
                let (adminToken, _) = try await client.tenantWithUser("acme")
                let created = try await client.send(
                    .post, "/v1/security/alert-rules", token: adminToken,
                    body: .json(["name": "new devices", "url": "http://127.0.0.1:\(port)/hook", "kinds": ["device.new"]]))
                #expect(created.status == 201, "\(created.text)")
                let ruleID = try created.string("id")
                let secret = try created.string("secret")
                #expect(try await client.send(.get, "/v1/security/alert-rules", token: adminToken).text.contains(secret) == false)

                _ = try await client.login(tenant: "acme", username: "dana", password: "quiet-river-passphrase-1")
                var delivered = false
                for _ in 0..<100 where !delivered {
                    try await Task.sleep(for: .milliseconds(100))
                    let rule = try await client.send(.get, "/v1/security/alert-rules/\(ruleID)", token: adminToken).json()
                    delivered = (rule["deliveries"] as? [[String: Any]])?.contains { $0["status"] as? String == "delivered" } ?? false
                }
                #expect(delivered)
                let rule = try await client.send(.get, "/v1/security/alert-rules/\(ruleID)", token: adminToken).json()
                let deliveries = try #require(rule["deliveries"] as? [[String: Any]])
                #expect(deliveries.count == 1, "one event of the rule's kind: the user's new device")
                #expect(deliveries.first?["attempts"] as? Int == 2)

                let received = inbox.deliveries.withLock { $0 }
                #expect(received.count == 2)
                for delivery in received {
                    let mac = HMAC<SHA256>.authenticationCode(for: delivery.body, using: SymmetricKey(data: Data(secret.utf8)))
                    #expect(delivery.signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                }
                let lastBody = try #require(received.last?.body)
                let payload = try JSONSerialization.jsonObject(with: lastBody) as? [String: Any]
                #expect((payload?["event"] as? [String: Any])?["kind"] as? String == "device.new")
                #expect(!String(decoding: lastBody, as: UTF8.self).contains(secret))

                #expect(try await client.send(.delete, "/v1/security/alert-rules/\(ruleID)", token: adminToken).status == 204)
                #expect(try await client.send(.get, "/v1/security/alert-rules/\(ruleID)", token: adminToken).status == 404)
            }
        }
    }

    @Test func webhookURLsMustBeSafe() throws {
        let strict = WebhookConfiguration()
        #expect(throws: RampartError.self) {
            try WebhookURL.validate("http://alerts.example.com/hook", configuration: strict, policy: OutboundAddressPolicy())
        }
        #expect(throws: RampartError.self) {
            try WebhookURL.validate("https://10.1.2.3/hook", configuration: strict, policy: OutboundAddressPolicy())
        }
        #expect(throws: RampartError.self) { try WebhookURL.validate("https://[::1]/hook", configuration: strict, policy: OutboundAddressPolicy()) }
        #expect(throws: RampartError.self) {
            try WebhookURL.validate("https://localhost/hook", configuration: strict, policy: OutboundAddressPolicy())
        }
        // The outbound address policy's ranges: loopback inside IPv6, metadata, multicast.
        for inward in [
            "https://[::ffff:127.0.0.1]/hook", "https://[64:ff9b::a9fe:a9fe]/hook", "https://169.254.169.254/hook", "https://224.0.0.1/hook",
        ] {
            #expect(throws: RampartError.self, "\(inward)") {
                try WebhookURL.validate(inward, configuration: strict, policy: OutboundAddressPolicy())
            }
        }
        #expect(throws: RampartError.self) {
            try WebhookURL.validate("https://user:pw@alerts.example.com/hook", configuration: strict, policy: OutboundAddressPolicy())
        }
        #expect(throws: RampartError.self) {
            try WebhookURL.validate("ftp://alerts.example.com/hook", configuration: strict, policy: OutboundAddressPolicy())
        }
        #expect(
            try WebhookURL.validate("https://alerts.example.com/hook?x=1", configuration: strict, policy: OutboundAddressPolicy())
                == "https://alerts.example.com/hook?x=1")
        // Issue 17, item 6: legacy numeric spellings of 127.0.0.1 are not names.
        for spelled in [
            "https://127.1/hook", "https://2130706433/hook", "https://0x7f.0.0.1/hook", "https://0177.0.0.1/hook", "https://127.0.0.1./hook",
        ] {
            #expect(throws: RampartError.self, "\(spelled)") {
                try WebhookURL.validate(spelled, configuration: strict, policy: OutboundAddressPolicy())
            }
        }
        // The operator's --outbound-allow admits an internal network for webhooks as for the rest.
        let loopback = try OutboundAddressPolicy(allowing: ["127.0.0.0/8"])
        #expect(try WebhookURL.validate("https://127.0.0.1:9/hook", configuration: strict, policy: loopback) == "https://127.0.0.1:9/hook")
        #expect(throws: RampartError.self) { try WebhookURL.validate("https://10.1.2.3/hook", configuration: strict, policy: loopback) }
        let parts = try WebhookURL.parse("https://alerts.example.com:8443/a/b?x=1")
        #expect(parts == WebhookURL.Parts(secure: true, host: "alerts.example.com", port: 8443, target: "/a/b?x=1"))
    }

    @Test func onlySecurityRolesReadEvents() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let (adminToken, _) = try await client.tenantWithUser("acme")
            let userToken = try await client.login(tenant: "acme", username: "dana", password: "quiet-river-passphrase-1").string("token")
            #expect(try await client.send(.get, "/v1/security/events", token: userToken).status == 403)
            #expect(try await client.send(.get, "/v1/security/events?kind=nonsense", token: adminToken).status == 422)
            let page = try await client.send(.get, "/v1/security/events?limit=1", token: adminToken).json()
            let cursor = try #require(page["nextCursor"] as? String)
            let next = try await client.send(.get, "/v1/security/events?limit=1&cursor=\(cursor)", token: adminToken).json()
            #expect((next["items"] as? [[String: Any]])?.first?["id"] as? String != cursor)
            let future = try await client.send(.get, "/v1/security/events?since=2999-01-01T00:00:00Z", token: adminToken).json()
            #expect((future["items"] as? [Any])?.isEmpty == true)
        }
    }
}
