// SPDX-License-Identifier: Apache-2.0

/// Which server runs a single-runner job (scheduled backups, checkpoint signing, an audit export,
/// the workflow sweep, the PostgreSQL sync) until when.
///
/// A holder renews its lease well before ``expiresAt``; a holder that dies stops renewing, and
/// the first server to ask after the expiry takes the job over.
package struct JobLease: Sendable, Equatable {
    package var job: String
    /// The server's instance name (see `rampart serve --instance-id`).
    package var holder: String
    /// When the current holder took it (kept while it renews), Unix milliseconds.
    package var acquiredAt: Int64
    package var renewedAt: Int64
    package var expiresAt: Int64

    package init(job: String, holder: String, acquiredAt: Int64, renewedAt: Int64, expiresAt: Int64) {
        self.job = job
        self.holder = holder
        self.acquiredAt = acquiredAt
        self.renewedAt = renewedAt
        self.expiresAt = expiresAt
    }
}
