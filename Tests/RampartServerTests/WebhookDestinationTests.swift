// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOPosix
import RampartCore
import Testing

@testable import RampartApp
@testable import RampartServer

/// Issue 17, item 6: webhook deliveries go through the outbound address policy with the checked
/// address, and a failed delivery tells the tenant nothing about the state of a port.
@Suite(.timeLimit(.minutes(1))) struct WebhookDestinationTests {
    static func destinations(policy: OutboundAddressPolicy, answer: String) -> OutboundDestinations {
        var destinations = OutboundDestinations(policy: policy, lookupTimeout: .seconds(5))
        destinations.lookup = { _, port in [try SocketAddress(ipAddress: answer, port: port)] }
        return destinations
    }

    @Test func aNameResolvingInwardIsRefusedBeforeConnecting() async throws {
        let client = WebhookClient(timeout: .seconds(5), destinations: Self.destinations(policy: OutboundAddressPolicy(), answer: "127.0.0.1"))
        do {
            _ = try await client.post(url: "https://hooks.example.com/alert", body: [], headers: [])
            Issue.record("a name resolving to loopback was delivered to")
        } catch let failure as WebhookClient.Failure {
            #expect(failure.tenantMessage.hasPrefix(OutboundDestinationRefused.code))
        }
        // The same through a numeric spelling that reaches the resolver as a name.
        await #expect(throws: RampartError.self) { _ = try await client.post(url: "https://2130706433/alert", body: [], headers: []) }
    }

    @Test func aClosedPortAndASilentPortReadTheSameToTheTenant() async throws {
        let loopback = try OutboundAddressPolicy(allowing: ["127.0.0.0/8"])
        let client = WebhookClient(timeout: .seconds(1), destinations: OutboundDestinations(policy: loopback))
        // A port nothing listens on: bound, then closed.
        let closed = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let closedPort = try #require(closed.localAddress?.port)
        try await closed.close()
        // A port that accepts and never answers, as a filtering middlebox or a wrong service would.
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { silent.close(promise: nil) }
        let silentPort = try #require(silent.localAddress?.port)
        var messages: [String] = []
        var causes: [String] = []
        for port in [closedPort, silentPort] {
            do {
                _ = try await client.post(url: "http://127.0.0.1:\(port)/hook", body: Array("{}".utf8), headers: [])
                Issue.record("port \(port) answered")
            } catch let failure as WebhookClient.Failure {
                messages.append(failure.tenantMessage)
                causes.append(failure.cause)
            }
        }
        #expect(messages == [WebhookClient.Failure.undelivered, WebhookClient.Failure.undelivered])
        #expect(causes[0] != causes[1], "the server log keeps the difference: \(causes)")
    }
}
