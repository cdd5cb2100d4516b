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
        package var success: Success?
        package var failure: Failure?
    }

    private let state = Mutex(State())
    private let lastSuccess: Gauge
    private let lastFailure: Gauge
    private let lastSize: Gauge
    private let lastDuration: Gauge
    private let successes: Counter
    private let failures: Counter

    package init(metrics: PrometheusCollectorRegistry) {
        func metric(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(metricName: name, unitName: unit, helpText: help)
        }
        lastSuccess = metrics.makeGauge(
            descriptor: metric("rampart_backup_last_success_timestamp", "seconds", "Unix time of the last successful scheduled backup (0: none yet)"))
        lastFailure = metrics.makeGauge(
            descriptor: metric("rampart_backup_last_failure_timestamp", "seconds", "Unix time of the last failed scheduled backup (0: none)"))
        lastSize = metrics.makeGauge(descriptor: metric("rampart_backup_last_size", "bytes", "Size of the last successful backup file"))
        lastDuration = metrics.makeGauge(descriptor: metric("rampart_backup_last_duration", "seconds", "Duration of the last successful backup"))
        let backups = metric("rampart_backups", "total", "Scheduled backups by outcome")
        successes = metrics.makeCounter(descriptor: backups, labels: [("outcome", "success")])
        failures = metrics.makeCounter(descriptor: backups, labels: [("outcome", "failure")])
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
