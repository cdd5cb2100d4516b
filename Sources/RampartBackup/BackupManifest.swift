// SPDX-License-Identifier: Apache-2.0

/// The first line of a backup's content: what it is and where it came from, known before any row.
package struct BackupPreamble: Codable, Sendable, Equatable {
    package var kind = "preamble"
    /// Version of the content layout (the lines), independent of the container's version.
    package var format: Int
    /// Unix milliseconds at which the snapshot was taken.
    package var createdAt: Int64
    /// `sqlite` or `postgres`.
    package var sourceEngine: String
    /// The applied migration ids, in order: the schema version of the rows that follow.
    package var schemaVersion: [String]
    /// Fingerprint of the master key that wraps the tenant data keys in this backup (not the key).
    package var masterKeyFingerprint: String?
    /// The Rampart version that wrote it.
    package var producer: String
    /// The tables, in restore order (referenced tables before the tables referring to them).
    package var tables: [String]

    package static let currentFormat = 1

    package init(
        createdAt: Int64, sourceEngine: String, schemaVersion: [String], masterKeyFingerprint: String?, producer: String, tables: [String]
    ) {
        self.format = Self.currentFormat
        self.createdAt = createdAt
        self.sourceEngine = sourceEngine
        self.schemaVersion = schemaVersion
        self.masterKeyFingerprint = masterKeyFingerprint
        self.producer = producer
        self.tables = tables
    }
}

/// One column of a table as recorded in the backup.
package struct BackupColumn: Codable, Sendable, Equatable {
    package var name: String
    package var type: BackupColumnType
    /// The declared type on the source engine (`BIGINT`, `text`…), for people reading the file.
    package var declaredType: String
    package var nullable: Bool

    package init(name: String, type: BackupColumnType, declaredType: String, nullable: Bool) {
        self.name = name
        self.type = type
        self.declaredType = declaredType
        self.nullable = nullable
    }
}

/// The line that opens a table's part; its rows follow, then a ``BackupTableEnd``.
package struct BackupTableHeader: Codable, Sendable, Equatable {
    package var kind = "table"
    package var name: String
    package var columns: [BackupColumn]
    package var primaryKey: [String]
    /// Tables this one has foreign keys to.
    package var references: [String]

    package init(name: String, columns: [BackupColumn], primaryKey: [String], references: [String]) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.references = references
    }
}

/// The line that closes a table's part.
package struct BackupTableEnd: Codable, Sendable, Equatable {
    package var kind = "end"
    package var table: String
    package var rows: Int64
}

/// The last line of the content: row counts and the SHA-256 of every part, so that "restorable"
/// can be checked table by table, not only chunk by chunk.
package struct BackupManifest: Codable, Sendable, Equatable {
    package struct Part: Codable, Sendable, Equatable {
        /// `preamble` or `table:<name>`.
        package var name: String
        /// Lowercase hex SHA-256 of the part's lines, newlines included.
        package var sha256: String
        package var bytes: Int64
        /// Rows, for table parts.
        package var rows: Int64?
    }

    package var kind = "manifest"
    package var format: Int
    package var createdAt: Int64
    package var sourceEngine: String
    package var schemaVersion: [String]
    package var masterKeyFingerprint: String?
    package var parts: [Part]
    package var totalRows: Int64

    /// Rows per table, in backup order.
    package var rowCounts: [(table: String, rows: Int64)] {
        parts.compactMap { part in
            guard part.name.hasPrefix("table:"), let rows = part.rows else { return nil }
            return (String(part.name.dropFirst(6)), rows)
        }
    }
}
