// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Logging
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import Synchronization
import Testing

/// Several servers on one database (issue 24): single-runner jobs run on one server at a time and
/// move when it dies; the login throttle counts every server's failures as one.
@Suite struct ClusterCoordinationTests {
    static func leases(_ store: any Store, _ instance: String, clock: ManualClock) -> JobLeases {
        JobLeases(store: store, clock: clock, instance: instance, logger: Logger(label: "lease-test"))
    }

    @Test(arguments: TestEngine.available)
    func aJobRunsOnOneServerAndMovesWhenItsHolderStopsRenewing(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let clock = ManualClock()
                let servers = (1...5).map { Self.leases(store, "server-\($0)", clock: clock) }
                // Five servers ask at the same moment: exactly one wins.
                let winners = await withTaskGroup(of: String?.self) { group in
                    for server in servers { group.addTask { await server.holds("audit-checkpoints") ? server.holder : nil } }
                    return await group.reduce(into: [String]()) { if let name = $1 { $0.append(name) } }
                }
                #expect(winners.count == 1, "\(winners)")
                let holder = try #require(winners.first)
                let others = servers.filter { $0.holder != holder }
                // The others keep seeing it held while the holder renews.
                for _ in 0..<6 {
                    clock.advance(seconds: 5)
                    #expect(await servers.first { $0.holder == holder }?.holds("audit-checkpoints") == true)
                    for other in others { #expect(await other.holds("audit-checkpoints") == false) }
                }
                // A different job is independent of this one.
                #expect(await others[0].holds("backups"))
                // The holder dies (stops renewing): within the lease's life plus a renewal, another takes over.
                clock.advance(seconds: 21)
                var taken: [String] = []
                for other in others where await other.holds("audit-checkpoints") { taken.append(other.holder) }
                #expect(taken.count == 1, "\(taken)")
                let leases = try await store.read { try await $0.jobLeases() }
                #expect(leases.first { $0.job == "audit-checkpoints" }?.holder == taken.first)
                #expect(leases.first { $0.job == "backups" }?.holder == others[0].holder)
                // The old holder, back, does not run it: the lease is the new holder's.
                #expect(await servers.first { $0.holder == holder }?.holds("audit-checkpoints") == false)
            }
        }
    }

    /// Each server learns how many are live from their presence leases, and enforces its share
    /// of the API rate limits.
    @Test(arguments: TestEngine.available)
    func serversCountEachOtherAndShareTheRateLimits(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let clock = ManualClock()
                let seen = Mutex<[String: Int]>([:])
                let servers = (1...3).map { index in
                    JobLeases(
                        store: store, clock: clock, instance: "server-\(index)",
                        onMembership: { count in seen.withLock { $0["server-\(index)"] = count } },
                        logger: Logger(label: "lease-test"))
                }
                for server in servers { await server.heartbeat() }
                // The last to arrive sees all three at once; the first sees them on its next beat.
                #expect(seen.withLock { $0["server-3"] } == 3)
                for server in servers { await server.heartbeat() }
                #expect(seen.withLock { $0 } == ["server-1": 3, "server-2": 3, "server-3": 3])
                // One stops beating: after its presence lapses the others count two.
                clock.advance(seconds: 10)
                await servers[0].heartbeat()
                await servers[1].heartbeat()
                clock.advance(seconds: 11)
                await servers[0].heartbeat()
                await servers[1].heartbeat()
                #expect(seen.withLock { $0 } == ["server-1": 2, "server-2": 2, "server-3": 3])
                // Presence leases are not jobs.
                let jobs = try await servers[0].all()
                #expect(jobs.isEmpty)
            }
        }
        // A server's share: the tenant's 200/s with bursts of 1,000 becomes 67/s with bursts of 334 on each of three.
        var limiter = APIRateLimiter()
        limiter.share(among: 3, now: 0)
        var admitted = 0
        while limiter.admit(apiKey: "k", tenant: "t", keyLimit: nil, now: 0).0.isAllowed { admitted += 1 }
        #expect(admitted == 34, "the key's burst of 100, shared by three")
        var tenantOnly = APIRateLimiter(perAPIKey: RateLimit(capacity: 10_000, refillPerSecond: 1_000))
        tenantOnly.share(among: 3, now: 0)
        admitted = 0
        while tenantOnly.admit(apiKey: nil, tenant: "t", keyLimit: nil, now: 0).0.isAllowed { admitted += 1 }
        #expect(admitted == 334)
        tenantOnly.share(among: 1, now: 0)
        #expect(tenantOnly.admit(apiKey: nil, tenant: "t", keyLimit: nil, now: 1_000).0.isAllowed, "back to one server: the full rate refills")
    }

    /// One throttle's decisions after each failure, driven identically against three shared
    /// throttles (a failure at a time on each in turn) and against one server's in-memory one.
    @Test(arguments: TestEngine.available)
    func sharedThrottlesDecideExactlyAsOneServer(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let tenant = TenantID(UUIDv7.generate())
                let servers = (0..<3).map { _ in SharedLoginThrottles(store: store) }
                let single = InProcessLoginThrottles()
                let policy = ThrottlePolicy()
                var now: Int64 = 1_780_000_000_000
                var sharedDecisions: [ThrottleDecision] = []
                var singleDecisions: [ThrottleDecision] = []
                var blocks: [Int64?] = []
                for attempt in 0..<60 {
                    // Every account of a spray, and the victim's one in five.
                    let account = attempt % 5 == 0 ? "dana" : "user\(attempt)"
                    let login = LoginAttempt(tenant: tenant, tenantSlug: nil, username: account, ip: "203.0.113.66")
                    let server = servers[attempt % 3]
                    let shared = try await server.recordFailure(login, policy: policy, now: now)
                    let local = single.recordFailure(login, policy: policy, now: now)
                    #expect(shared == local, "failure \(attempt + 1)")
                    blocks.append(shared.sourceBlockedUntil)
                    now += 700
                    for probe in [login, LoginAttempt(tenant: tenant, tenantSlug: nil, username: "dana", ip: "198.51.100.7")] {
                        sharedDecisions.append(try await servers[(attempt + 1) % 3].assess(probe, knownDevice: false, policy: policy, now: now))
                        singleDecisions.append(single.assess(probe, knownDevice: false, policy: policy, now: now))
                    }
                }
                #expect(sharedDecisions == singleDecisions)
                #expect(blocks.compactMap { $0 }.count == 1, "the address is blocked once, at the same failure as on one server")
                #expect(sharedDecisions.contains { if case .blocked = $0 { true } else { false } })
                // A success forgets the account's failures on every server.
                try await servers[0].recordSuccess(LoginAttempt(tenant: tenant, tenantSlug: nil, username: "dana", ip: "198.51.100.7"), now: now)
                single.recordSuccess(LoginAttempt(tenant: tenant, tenantSlug: nil, username: "dana", ip: "198.51.100.7"), now: now)
                let probe = LoginAttempt(tenant: tenant, tenantSlug: nil, username: "dana", ip: "198.51.100.8")
                #expect(
                    try await servers[2].assess(probe, knownDevice: false, policy: policy, now: now)
                        == single.assess(probe, knownDevice: false, policy: policy, now: now))
                // Pruning keeps what still matters and drops the rest.
                try await servers[1].prune(now: now + 86_400_000 * 2)
                let later = now
                let left = try await store.read {
                    try await $0.loginThrottleStates([LoginThrottleKey(.tenant, "*")], in: tenant, lock: false, now: later)
                }
                #expect(left.isEmpty)
            }
        }
    }

    /// Failures arriving at once on three servers are each counted: none is lost to a race.
    @Test(arguments: TestEngine.available)
    func concurrentFailuresOnSeveralServersAreAllCounted(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let tenant = TenantID(UUIDv7.generate())
                var lenient = ThrottlePolicy()
                lenient.tenant.threshold = 1_000
                lenient.sourceIP.threshold = 1_000
                let policy = lenient
                let servers = (0..<3).map { _ in SharedLoginThrottles(store: store) }
                let now: Int64 = 1_780_000_000_000
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for attempt in 0..<45 {
                        group.addTask {
                            let login = LoginAttempt(tenant: tenant, tenantSlug: nil, username: "user\(attempt % 4)", ip: "192.0.2.\(attempt % 2)")
                            _ = try await servers[attempt % 3].recordFailure(login, policy: policy, now: now + Int64(attempt))
                        }
                    }
                    try await group.waitForAll()
                }
                let states = try await store.read {
                    try await $0.loginThrottleStates(
                        [LoginThrottleKey(.tenant, "*"), LoginThrottleKey(.account, "user0"), LoginThrottleKey(.source, "192.0.2.1")], in: tenant,
                        lock: false, now: now)
                }
                func failures(_ key: LoginThrottleKey) throws -> Int {
                    let state = try #require(states[key])
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(state.utf8)) as? [String: Any])
                    let window = (object["failures"] as? [String: Any]) ?? object
                    return (window["times"] as? [Any])?.count ?? -1
                }
                #expect(try failures(LoginThrottleKey(.tenant, "*")) == 45)
                #expect(try failures(LoginThrottleKey(.account, "user0")) == 12)
                #expect(try failures(LoginThrottleKey(.source, "192.0.2.1")) == 22)
            }
        }
    }

    /// Issue 24's proof over HTTP: three servers on one PostgreSQL database, wrong passwords from
    /// one address spread over all three, are throttled at the same count as on one server (see
    /// `IntrusionDetectionTests.aSprayingAddressIsBlockedWhileTheRealUserStillSignsIn`: 50).
    @Test func wrongPasswordsSpreadOverThreeServersAreThrottledAsOnOne() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let clock = ManualClock()
        try await TestDatabase.withFresh(.postgres) { database in
            @Sendable func configuration(_ name: String) -> ServerConfiguration {
                var configuration = TestServer.configuration(for: database)
                configuration.trustedProxies = ["127.0.0.1"]
                configuration.clock = clock
                configuration.discovery.instanceID = name
                return configuration
            }
            try await TestServer.run(configuration("one")) { one in
                try await TestServer.run(configuration("two")) { two in
                    try await TestServer.run(configuration("three")) { three in
                        let operatorToken = try await one.loginOperator()
                        let (_, adminToken) = try await one.makeTenant("acme", operatorToken: operatorToken)
                        for index in 0..<20 {
                            let created = try await two.send(
                                .post, "/v1/users", token: adminToken,
                                body: .json(["username": "user\(index)", "password": "passphrase-of-user-\(index)"]))
                            #expect(created.status == 201)
                        }
                        let servers = [one, two, three]
                        var statuses: [Int] = []
                        for attempt in 0..<60 {
                            let reply = try await servers[attempt % 3].login(
                                tenant: "acme", username: "user\(attempt % 20)", password: "wrong-guess-\(attempt)", userAgent: "spray/1",
                                address: "203.0.113.66")
                            statuses.append(reply.status)
                        }
                        #expect(statuses.prefix(50).allSatisfy { $0 == 401 }, "\(statuses)")
                        #expect(statuses.dropFirst(50).allSatisfy { $0 == 429 }, "\(statuses)")
                        // Every server refuses the blocked address, whichever counted the last failure.
                        for server in servers {
                            let blocked = try await server.login(
                                tenant: "acme", username: "user1", password: "passphrase-of-user-1", address: "203.0.113.66")
                            #expect(blocked.status == 429)
                        }
                        #expect(try await three.securityEvents(adminToken, kind: "ip.blocked").count == 1)
                        // The others still sign in.
                        let fine = try await one.login(tenant: "acme", username: "user1", password: "passphrase-of-user-1", address: "198.51.100.9")
                        #expect(fine.status == 200)
                    }
                }
            }
        }
    }
}
