// SPDX-License-Identifier: Apache-2.0

/// Scheduled backups in the server: off unless a directory is given.
///
/// A daily backup is taken once per UTC day (at start if the day has none yet, then just after
/// midnight) and an intraday one every ``intradayInterval`` after the newest backup. Both are
/// full, consistent snapshots; they differ only in how many are kept.
package struct BackupSchedule: Sendable {
    /// Where backups go; `nil` turns scheduling off.
    package var directory: String?
    /// An optional second directory (another disk, a mounted remote) that receives a copy of each.
    package var offsiteDirectory: String?
    /// The backup key file; a passphrase is never used unattended.
    package var keyFile: String?
    package var intradayInterval: Duration = .seconds(6 * 3600)
    package var keepDaily = 7
    package var keepIntraday = 8
    /// Wait after start before the first check, so a crash loop does not also loop backups.
    package var initialDelay: Duration = .seconds(30)
    /// Wait after a failed backup before trying again.
    package var retryDelay: Duration = .seconds(300)

    package init() {}

    package var isEnabled: Bool { directory != nil }
}
