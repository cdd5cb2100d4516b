// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartConnectors
import RampartCore
import RampartStorage
import RampartTesting
import Testing

@testable import RampartApp
@testable import RampartServer

/// The scan queue: claims respect the per-server and per-tenant limits (the latter counted over
/// every server sharing the database), and a claim is atomic.
@Suite struct ScanQueueTests {
    static func service(_ store: any Store, instance: String, perServer: Int, perTenant: Int) -> ScanService {
        var configuration = DiscoveryConfiguration()
        configuration.maximumConcurrentScans = perServer
        configuration.maximumConcurrentScansPerTenant = perTenant
        let logger = Logger(label: "scan-queue-test")
        let runner = ScanRunner(
            store: store, keyring: Keyring(master: .generate()), clock: SystemClock(),
            administration: PolicyAdministration(store: store, clock: SystemClock(), cache: nil, logger: logger), configuration: configuration,
            paths: DatasourcePathPolicy(), logger: logger)
        return ScanService(
            store: store, runner: runner, configuration: configuration, instance: instance, clock: SystemClock(), bell: ScanQueueBell(),
            logger: logger)
    }

    /// Tenants and their queued scans (tenant, creation time), in one transaction.
    static func queue(_ store: any Store, tenants: [(TenantID, String)], scans: [(TenantID, Int64)]) async throws {
        try await store.write { tx in
            for (tenant, slug) in tenants {
                try await tx.insertTenant(Tenant(id: tenant, slug: slug, displayName: slug, status: .active, createdAt: 1, updatedAt: 1))
            }
            for (tenant, createdAt) in scans {
                try await tx.insertScan(
                    ScanJob(
                        id: UUIDv7.generate(), tenantID: tenant, datasourceID: UUIDv7.generate(), status: .queued, options: ScanOptions(),
                        createdAt: createdAt))
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func claimsRespectPerServerAndPerTenantLimits(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let a = TenantID(UUIDv7.generate())
                let b = TenantID(UUIDv7.generate())
                // A queued three scans before B queued two.
                try await Self.queue(
                    store, tenants: [(a, "queue-a"), (b, "queue-b")], scans: [a, a, a, b, b].enumerated().map { ($1, Int64($0 + 1)) })
                let one = Self.service(store, instance: "one", perServer: 3, perTenant: 1)
                let first = await one.claim(free: 3)
                #expect(first.count == 2, "one scan per tenant, although the server could run three")
                #expect(Set(first.map(\.tenantID)) == [a, b] && first.allSatisfy { $0.status == .running && $0.instance == "one" })
                // A second server sharing the database sees the tenants at their limit too.
                let two = Self.service(store, instance: "two", perServer: 3, perTenant: 1)
                #expect(await two.claim(free: 3).isEmpty)
                // When A's scan ends, A's next one is claimable, oldest first.
                let ranA = try #require(first.first { $0.tenantID == a })
                try await store.write { try await $0.finishScan(id: ranA.id, in: a, status: .succeeded, error: nil, at: 10) }
                let next = await two.claim(free: 3)
                #expect(next.count == 1 && next.first?.tenantID == a && next.first?.createdAt == 2)
                // A server at its own limit claims nothing, whatever is queued.
                let full = Self.service(store, instance: "three", perServer: 5, perTenant: 5)
                #expect(await full.claim(free: 0).isEmpty)
                #expect(await full.claim(free: 1).count == 1)
            }
        }
    }

    /// Issue 17, item 7: claims looked at the 100 oldest queued scans across all tenants, so a
    /// tenant that queued 150 kept another tenant's single, later scan waiting.
    @Test(arguments: TestEngine.available)
    func aTenantWithAFullQueueDoesNotStarveAnother(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let busy = TenantID(UUIDv7.generate())
                let quiet = TenantID(UUIDv7.generate())
                try await Self.queue(
                    store, tenants: [(busy, "queue-busy"), (quiet, "queue-quiet")],
                    scans: (0..<150).map { (busy, Int64($0 + 1)) } + [(quiet, 1_000)])
                #expect(try await store.read { try await $0.queuedScanCount(in: busy) } == 150)
                let service = Self.service(store, instance: "one", perServer: 2, perTenant: 2)
                let claimed = await service.claim(free: 1)
                #expect(claimed.count == 1)
                let next = await service.claim(free: 1)
                #expect(Set((claimed + next).map(\.tenantID)) == [busy, quiet], "each tenant's oldest scan comes before anyone's second")
                let fair = try await store.read { try await $0.queuedScans(perTenant: 1, limit: 10) }
                #expect(fair.map(\.tenantID) == [busy], "the quiet tenant's only scan is running; the busy tenant offers its oldest only")
                #expect(fair.first?.createdAt == 2)
            }
        }
    }

    @Test func theBellWakesTheWaiterAtOnceAndOtherwiseTimesOut() async throws {
        let bell = ScanQueueBell()
        let clock = ContinuousClock()
        var start = clock.now
        await bell.wait(timeout: .milliseconds(100))
        #expect(clock.now - start >= .milliseconds(90))
        bell.ring()
        start = clock.now
        await bell.wait(timeout: .seconds(30))
        #expect(clock.now - start < .seconds(5), "a ring before the wait is kept")
        start = clock.now
        async let waited: Void = bell.wait(timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(50))
        bell.ring()
        await waited
        #expect(clock.now - start < .seconds(5))
        let waiter = Task { await bell.wait(timeout: .seconds(30)) }
        waiter.cancel()
        start = clock.now
        await waiter.value
        #expect(clock.now - start < .seconds(5), "cancellation ends the wait")
    }
}
