// SPDX-License-Identifier: Apache-2.0

import Logging
import ServiceLifecycle

/// Signs a checkpoint of every audit log that grew, every `interval`, and once more at shutdown
/// so the newest records are covered by a signature when the server stops.
package struct AuditCheckpointService: Service {
    package let log: AuditLog
    package let interval: Duration
    package let logger: Logger
    /// With several servers on one database, only the holder of the job's lease signs.
    package let leases: JobLeases?

    package init(log: AuditLog, interval: Duration, leases: JobLeases? = nil, logger: Logger) {
        self.log = log
        self.interval = interval
        self.leases = leases
        self.logger = logger
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await signAll()
            }
        }
        await signAll()
    }

    private func signAll() async {
        guard await leases?.holds(JobLeases.Job.auditCheckpoints) ?? true else { return }
        do {
            _ = try await log.checkpointAll()
        } catch is CancellationError {
            // The server is stopping without a graceful shutdown (a failed start, for one): the
            // store refuses new work, and the next start signs what this run could not.
            logger.debug("audit checkpoint skipped: the server is stopping")
        } catch {
            logger.error("audit checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}
