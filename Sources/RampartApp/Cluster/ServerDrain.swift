// SPDX-License-Identifier: Apache-2.0

import ServiceLifecycle
import Synchronization

/// The first step of a graceful stop behind a load balancer: on SIGTERM the server reports
/// "draining" on `/readyz` (503) for ``delay`` while it still serves everything, so the load
/// balancer's health check takes it out of rotation before it stops accepting connections.
/// Then the HTTP server stops accepting and finishes the requests in flight.
///
/// It runs after the application in the serve command's service group: a group stops its
/// services in reverse order, one after the other, so this delay ends before the server's stop
/// begins.
package final class ServerDrain: Service, Sendable {
    package let delay: Duration
    private let draining = Atomic<Bool>(false)

    package init(delay: Duration) {
        self.delay = delay
    }

    /// Whether the server has been told to stop: `/readyz` answers 503.
    package var isDraining: Bool { draining.load(ordering: .acquiring) }

    package func run() async throws {
        // Cancelled (a failed start) rather than told to stop: no delay.
        let graceful = (try? await gracefulShutdown()) != nil
        draining.store(true, ordering: .releasing)
        if graceful { try? await Task.sleep(for: delay) }
    }
}
