// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartConnectors

/// How a server runs discovery scans.
package struct DiscoveryConfiguration: Sendable {
    /// Scans this server runs at once.
    package var maximumConcurrentScans = 2
    /// Scans one tenant runs at once (over all servers sharing the database).
    package var maximumConcurrentScansPerTenant = 1
    /// Scans one tenant may have waiting in the queue; one more is refused with 429.
    package var maximumQueuedScansPerTenant = 20
    /// How often the queue is polled for new scans.
    package var pollInterval: Duration = .seconds(1)
    /// How often a running scan records its progress and heartbeat.
    package var heartbeatInterval: Duration = .seconds(5)
    /// A running scan whose heartbeat is older than this is taken to be abandoned (its server
    /// died) and failed.
    package var staleAfter: Duration = .seconds(60)
    /// This server's stable name in the scan queue: scans it left `running` are failed when it
    /// starts again. Defaults to the host name and data directory.
    package var instanceID: String?
    /// Directories file datasources must be under; empty turns file datasources off. The server's
    /// data directory is always refused.
    package var allowedPathRoots: [String] = []
    /// Lets every tenant use ``allowedPathRoots`` themselves instead of its own subdirectory of
    /// each. For tests that place files in temporary directories; no flag of `rampart serve` sets it.
    package var sharesPathRootsAcrossTenants = false
    /// Rows a full scan reads from one table at most. Rows stream through the classifiers, so
    /// memory does not depend on this; it bounds how long one huge table can keep a scan slot.
    package var maximumRowsPerTable = 10_000_000

    package init() {}

    package func pathPolicy(dataDirectory: String) -> DatasourcePathPolicy {
        DatasourcePathPolicy(
            allowedRoots: allowedPathRoots, forbiddenRoots: [dataDirectory], requiresAllowedRoot: true,
            tenantSubdirectories: !sharesPathRootsAcrossTenants)
    }

    package func resolvedInstanceID(dataDirectory: String) -> String {
        instanceID ?? "\(ProcessInfo.processInfo.hostName):\(dataDirectory)"
    }
}
