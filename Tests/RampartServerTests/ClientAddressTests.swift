// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import RampartApp
import RampartServer
import RampartTesting
import Testing

@Suite struct ClientAddressTests {
    @Test func forwardedForIsBelievedOnlyFromTrustedProxies() {
        let trusted: Set<String> = ["10.0.0.1", "10.0.0.2"]
        // The right-most hop that is not a trusted proxy is the client; what the client wrote
        // itself (left of it) is ignored.
        #expect(ClientAddressMiddleware.clientAddress(forwardedFor: ["6.6.6.6, 203.0.113.9"], peer: "10.0.0.1", trusted: trusted) == "203.0.113.9")
        #expect(
            ClientAddressMiddleware.clientAddress(forwardedFor: ["203.0.113.9", "10.0.0.2"], peer: "10.0.0.1", trusted: trusted) == "203.0.113.9")
        #expect(ClientAddressMiddleware.clientAddress(forwardedFor: [], peer: "10.0.0.1", trusted: trusted) == "10.0.0.1")
        #expect(ClientAddressMiddleware.clientAddress(forwardedFor: ["10.0.0.2"], peer: "10.0.0.1", trusted: trusted) == "10.0.0.1")
    }

    @Test func theAuditLogSeesTheForwardedAddressOnlyWhenTheProxyIsTrusted() async throws {
        for trusted in [true, false] {
            try await TestServer.withServer(.sqlite, configure: { if trusted { $0.trustedProxies = ["127.0.0.1"] } }) { client in
                let operatorToken = try await client.loginOperator()
                let (_, token) = try await client.makeTenant("proxied", operatorToken: operatorToken)
                let me = try await client.send(.get, "/v1/me", token: token, headers: [.xForwardedFor: "198.51.100.7"])
                let requestID = try #require(me.headers[.requestID])
                let records = try await client.send(.get, "/v1/audit/records?limit=1000", token: token).json()["items"] as? [[String: Any]] ?? []
                let record = try #require(records.first { $0["requestId"] as? String == requestID })
                #expect(record["sourceIp"] as? String == (trusted ? "198.51.100.7" : "127.0.0.1"))
            }
        }
    }
}
