// SPDX-License-Identifier: Apache-2.0

import Prometheus
import Synchronization

/// The outcome of the latest scheduled backups, for `GET /v1/backups` and `/metrics`.
package final class BackupStatus: Sendable {
    package struct Success: Sendable, Equatable {
        package var at: Int64
        package var file: String
        package var kind: BackupCatalog.Kind
        package var sizeBytes: UInt64
        package var rows: Int64
        package var durationMilliseconds: Int64
    }

    package struct Failure: Sendable, Equatable {
        package var at: Int64
        package var message: String
    }

    private struct State {
        var success: Success?
        var failure: Failure?
    }

    private let state = Mutex(State())
    private let lastSuccess: Gauge
    private let lastFailure: Gauge
    private let lastSize: Gauge
    private let lastDuration: Gauge
    private let successes: Counter
    private let failures: Counter

    package init(metrics: PrometheusCollectorRegistry) {
        lastSuccess = metrics.makeGauge(
            name: "rampart_backup_last_success_timestamp_seconds", help: "Unix time of the last successful scheduled backup (0: none yet)")
        lastFailure = metrics.makeGauge(
            name: "rampart_backup_last_failure_timestamp_seconds", help: "Unix time of the last failed scheduled backup (0: none)")
        lastSize = metrics.makeGauge(name: "rampart_backup_last_size_bytes", help: "Size of the last successful backup file")
        lastDuration = metrics.makeGauge(name: "rampart_backup_last_duration_seconds", help: "Duration of the last successful backup")
        successes = metrics.makeCounter(name: "rampart_backups_total", labels: [("outcome", "success")], help: "Scheduled backups by outcome")
        failures = metrics.makeCounter(name: "rampart_backups_total", labels: [("outcome", "failure")], help: "Scheduled backups by outcome")
    }

    package var success: Success? { state.withLock { $0.success } }
    package var failure: Failure? { state.withLock { $0.failure } }

    package func record(_ success: Success) {
        state.withLock { $0.success = success }
        lastSuccess.set(Double(success.at) / 1000)
        lastSize.set(Double(success.sizeBytes))
        lastDuration.set(Double(success.durationMilliseconds) / 1000)
        successes.increment()
    }

    package func record(_ failure: Failure) {
        state.withLock { $0.failure = failure }
        lastFailure.set(Double(failure.at) / 1000)
        failures.increment()
    }
}
