// SPDX-License-Identifier: Apache-2.0

/// Where a backup, verification or restore is, for a progress display.
package struct BackupProgress: Sendable {
    package enum Phase: String, Sendable {
        case snapshot = "backing up"
        case verifying = "verifying"
        case restoring = "restoring"
    }

    package var phase: Phase
    package var rowsDone: Int64
    /// Zero when unknown.
    package var rowsTotal: Int64
    /// Bytes of the backup file written (backup) or read (verify, restore).
    package var fileBytes: UInt64
    /// The file's size when reading it; zero while writing.
    package var fileBytesTotal: UInt64
    package var table: String?

    package init(phase: Phase, rowsDone: Int64, rowsTotal: Int64, fileBytes: UInt64, fileBytesTotal: UInt64, table: String?) {
        self.phase = phase
        self.rowsDone = rowsDone
        self.rowsTotal = rowsTotal
        self.fileBytes = fileBytes
        self.fileBytesTotal = fileBytesTotal
        self.table = table
    }

    /// From 0 to 1, or `nil` when nothing tells.
    package var fraction: Double? {
        if fileBytesTotal > 0 { return min(1, Double(fileBytes) / Double(fileBytesTotal)) }
        if rowsTotal > 0 { return min(1, Double(rowsDone) / Double(rowsTotal)) }
        return nil
    }
}

/// Receives progress, at most every few thousand rows (never per row).
package typealias BackupProgressHandler = @Sendable (BackupProgress) -> Void
