// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartServer
import RampartTesting
import Testing

/// Expiry needs no running job: a server started after the end, before any sweep, still denies.
extension AccessRequestTests {
    @Test(arguments: TestEngine.available)
    func aRestartAfterTheExpiryChangesNothing(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestDatabase.withFresh(engine) { database in
            var configuration = TestServer.configuration(for: database)
            configuration.clock = clock
            // No sweep during the test: the policy's validity alone must deny.
            configuration.accessRequestSweep = .seconds(86_400)
            let (setup, id) = try await TestServer.run(configuration) { client -> (Setup, String) in
                let s = try await Self.setUp(client)
                let id = try await Self.ask(client, s.bob, s.f.a.service).string("id")
                _ = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[0])
                let active = try await client.send(.post, "/v1/access-requests/\(id)/approve", token: s.approvers[1])
                #expect(try active.string("state") == "active", "\(active.text)")
                #expect(try await Self.allowed(client, s))
                return (s, id)
            }
            clock.advance(seconds: 61)
            try await TestServer.run(configuration) { client in
                #expect(try await !Self.allowed(client, setup), "denied after the end, across a restart")
                let request = try await client.send(.get, "/v1/access-requests/\(id)", token: setup.bob).json()
                #expect(["active", "expired"].contains(request["state"] as? String), "\(request)")
            }
        }
    }
}
