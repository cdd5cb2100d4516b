// SPDX-License-Identifier: Apache-2.0

import Dispatch
import NIOCore
import NIOPosix
import RampartCore
import Testing

@testable import RampartApp
@testable import RampartServer

/// Name lookups for tenant-chosen hosts are bounded in time and kept off NIO's shared pool.
///
/// The slow lookups block until the test releases them, so nothing here depends on how fast the
/// host is: the only way such a `resolve` can return is its timeout. Without the bound these
/// tests would hang, hence the time limit.
@Suite(.timeLimit(.minutes(1))) struct OutboundDestinationsTests {
    /// Lookups that answer a public address once `gate` is signalled, as a stuck DNS server would.
    static func destinations(gate: DispatchSemaphore?, timeout: Duration) -> OutboundDestinations {
        var destinations = OutboundDestinations(policy: OutboundAddressPolicy(), lookupTimeout: timeout)
        destinations.lookup = { host, port in
            gate?.wait()
            return [try SocketAddress(ipAddress: "93.184.216.34", port: port)]
        }
        return destinations
    }

    @Test func aNameThatResolvesInTimeIsCheckedAndReturned() async throws {
        let address = try await Self.destinations(gate: nil, timeout: .seconds(30)).resolve(host: "db.example.com", port: 5432)
        #expect(address.ipAddress == "93.184.216.34" && address.port == 5432)
    }

    @Test func aStuckNameGivesUpAfterTheTimeout() async throws {
        let gate = DispatchSemaphore(value: 0)
        defer { gate.signal() }
        await #expect(throws: OutboundDestinations.LookupTimedOut.self) {
            _ = try await Self.destinations(gate: gate, timeout: .milliseconds(200)).resolve(host: "stuck.example.com", port: 5432)
        }
    }

    @Test func stuckNamesDoNotHoldTheSharedThreadPool() async throws {
        // More stuck lookups than the resolver has threads: the queued ones give up too.
        let gate = DispatchSemaphore(value: 0)
        let count = 8
        defer { for _ in 0..<count { gate.signal() } }
        let stuck = Self.destinations(gate: gate, timeout: .milliseconds(200))
        let timedOut = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<count {
                group.addTask {
                    do {
                        _ = try await stuck.resolve(host: "stuck\(i).example.com", port: 443)
                        return false
                    } catch {
                        return error is OutboundDestinations.LookupTimedOut
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(timedOut == count)
        // The lookups are still blocked; NIO's own pool, which file I/O uses, is not.
        #expect(try await NIOThreadPool.singleton.runIfActive { 42 } == 42)
    }
}
