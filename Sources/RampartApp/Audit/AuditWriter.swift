// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartAuditLog
import RampartCore
import RampartStorage
import ServiceLifecycle
import Synchronization

/// Appends audit records that do not belong to a state change (reads, refusals, decisions) with
/// group commit: whatever has queued while one transaction commits goes into the next, so many
/// concurrent requests share one durable commit. Callers wait until their records are committed;
/// a request is not answered before its record is durable.
package final class AuditWriter: Service, Sendable {
    private struct Pending: Sendable {
        package var tenant: TenantID
        package var records: [AuditRecord]
        package var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        package var pending: [Pending] = []
        package var closed = false
    }

    private let store: any Store
    private let durability: CommitDurability
    private let clock: any RampartClock
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// `durability`: when a group's commit counts as done (``CommitDurability``); on disk unless
    /// the operator chose otherwise.
    package init(store: any Store, durability: CommitDurability = .disk, clock: any RampartClock, logger: Logger) {
        self.store = store
        self.durability = durability
        self.clock = clock
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Appends `records` to `tenant`'s log and returns once they are committed.
    package func append(_ records: [AuditRecord], tenant: TenantID) async throws {
        guard !records.isEmpty else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let accepted = state.withLock { state -> Bool in
                guard !state.closed else { return false }
                state.pending.append(Pending(tenant: tenant, records: records, continuation: continuation))
                return true
            }
            if accepted {
                wake.yield()
            } else {
                continuation.resume(throwing: RampartError(.unavailable, "the server is shutting down"))
            }
        }
    }

    package func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakeups { await drain() }
        } onGracefulShutdown: {
            self.wake.finish()
        }
        // Nothing that was accepted is dropped: commit what is left, then refuse new work.
        state.withLock { $0.closed = true }
        await drain()
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                defer { state.pending.removeAll(keepingCapacity: true) }
                return state.pending
            }
            if batch.isEmpty { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) async {
        var byTenant: [TenantID: [AuditRecord]] = [:]
        var order: [TenantID] = []
        for entry in batch {
            if byTenant[entry.tenant] == nil { order.append(entry.tenant) }
            byTenant[entry.tenant, default: []].append(contentsOf: entry.records)
        }
        let now = clock.now()
        let appends = order.map { AuditAppend(tenant: $0, records: byTenant[$0] ?? []) }
        do {
            try await store.appendAudit(appends, at: now, durability: durability)
            for entry in batch { entry.continuation.resume() }
        } catch {
            logger.error("audit append failed", metadata: ["error": "\(error)", "records": "\(batch.count)"])
            let failure = RampartError(.unavailable, "the audit log could not be written; the request was not carried out")
            for entry in batch { entry.continuation.resume(throwing: failure) }
        }
    }
}
