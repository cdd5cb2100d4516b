// SPDX-License-Identifier: Apache-2.0

import Logging
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Moves due access requests on every `interval`: expired access loses its policy (decisions
/// already deny from its end, by the policy's validity), unanswered requests time out; each is
/// an audit record of the tenant. Break-glass access and emergency changes left unreviewed for
/// 24 hours raise their security events on the same pass, and access reviews past their deadline close.
package struct AccessRequestExpiryService: Service {
    let requests: AccessRequests
    let changes: ChangeRequests?
    let reviews: AccessReviews?
    let interval: Duration
    let logger: Logger
    /// With several servers on one database, only the holder of the job's lease sweeps.
    let leases: JobLeases?

    package init(
        requests: AccessRequests, changes: ChangeRequests? = nil, reviews: AccessReviews? = nil, interval: Duration, leases: JobLeases? = nil,
        logger: Logger
    ) {
        self.requests = requests
        self.changes = changes
        self.reviews = reviews
        self.interval = interval
        self.leases = leases
        self.logger = logger
    }

    package func run() async throws {
        // Cancelled at graceful shutdown, so a long interval does not hold the server's stop.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if await leases?.holds(JobLeases.Job.workflowSweep) ?? true { await sweep() }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One pass over what is due now; returns how many requests moved.
    @discardableResult
    package func sweep() async -> Int {
        do {
            let due = try await requests.services.store.read { try await $0.dueAccessRequests(at: requests.services.clock.now(), limit: 200) }
            var moved = 0
            for request in due {
                do {
                    if try await requests.settle(request) != nil { moved += 1 }
                } catch {
                    logger.error("access request could not be settled", metadata: ["request": "\(request.id)", "error": "\(error)"])
                }
            }
            moved += try await requests.raiseOverdueReviews()
            moved += try await changes?.raiseOverdueReviews() ?? 0
            moved += try await reviews?.closeDue() ?? 0
            return moved
        } catch {
            logger.error("due access requests could not be read", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
