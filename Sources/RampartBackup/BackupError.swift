// SPDX-License-Identifier: Apache-2.0

/// Why a backup could not be written, read or restored.
///
/// Each ``Code`` has a stable name and its own CLI exit status, so a script (or an operator at
/// 3 a.m.) can tell a damaged file from a wrong key from a truncated copy without parsing text.
/// Messages are one line and never contain key material.
package struct BackupError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable reason. The exit codes are documented in the README.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let rawValue: String
        /// The `rampart` exit status for this reason (1 for generic failures).
        package let exitCode: Int32

        private init(_ rawValue: String, _ exitCode: Int32) {
            self.rawValue = rawValue
            self.exitCode = exitCode
        }

        package var description: String { rawValue }

        /// Reading or writing the file (or the database) failed for a reason outside the format.
        package static let io = Code("backup-io", 1)
        /// A key file or passphrase that cannot be used at all (missing, empty, bad mode).
        package static let keyUnavailable = Code("backup-key-unavailable", 1)
        /// Not a Rampart backup, or a format version this build does not read.
        package static let unrecognized = Code("backup-unrecognized", 3)
        /// The header's checksum or fields are wrong: the first bytes of the file were changed.
        package static let headerDamaged = Code("backup-header-damaged", 4)
        /// The passphrase or key file is not the one the backup was made with.
        package static let wrongKey = Code("backup-wrong-key", 5)
        /// A chunk failed authentication: the encrypted data was modified (or reordered).
        package static let modified = Code("backup-modified", 6)
        /// The file ends before the data the header announces (an interrupted copy).
        package static let truncated = Code("backup-truncated", 7)
        /// Bytes follow the end of the backup.
        package static let trailingData = Code("backup-trailing-data", 8)
        /// The decrypted content contradicts its manifest (hash or row count), or cannot be parsed.
        package static let inconsistent = Code("backup-inconsistent", 9)
        /// The backup's schema is newer than (or diverges from) this build's migrations.
        package static let incompatible = Code("backup-incompatible", 10)
        /// The restore target already holds data and `--force` was not given.
        package static let targetNotEmpty = Code("restore-target-not-empty", 11)
        /// The backup restores, but an audit log in it fails verification: it was altered before
        /// the backup was taken.
        package static let auditLogTampered = Code("backup-audit-log-tampered", 12)
    }

    package let code: Code
    package let message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "\(code.rawValue): \(message)" }
}
