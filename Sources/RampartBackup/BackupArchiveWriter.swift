// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// Writes a backup's content as JSON lines into an encrypted container:
///
/// ```text
/// {"kind":"preamble",…}                 part "preamble"
/// {"kind":"table","name":"tenants",…}   part "table:tenants"
/// ["0192…","acme",…]                    one line per row
/// {"kind":"end","table":"tenants","rows":2}
/// …                                     one part per table
/// {"kind":"manifest",…,"parts":[…]}     hashes and counts of every part
/// ```
///
/// The manifest is last because the hashes are only known then; it is inside the encrypted,
/// authenticated stream like everything else.
package final class BackupArchiveWriter {
    private let container: BackupContainerWriter
    private var preamble: BackupPreamble?
    private var parts: [BackupManifest.Part] = []
    private var hasher = SHA256()
    private var partBytes: Int64 = 0
    private var table: String?
    private var rows: Int64 = 0
    private var totalRows: Int64 = 0
    private var line: [UInt8] = []
    private let encoder: JSONEncoder

    package init(container: BackupContainerWriter) {
        self.container = container
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        line.reserveCapacity(4096)
    }

    /// Content bytes written so far, for progress.
    package var contentBytes: UInt64 { container.contentBytes }
    /// File bytes written so far, for progress.
    package var fileBytes: UInt64 { container.fileBytes }

    package func begin(_ preamble: BackupPreamble) throws {
        self.preamble = preamble
        try emit(try encoder.encode(preamble))
        closePart(name: "preamble", rows: nil)
    }

    package func beginTable(_ header: BackupTableHeader) throws {
        precondition(table == nil, "beginTable inside a table")
        table = header.name
        rows = 0
        try emit(try encoder.encode(header))
    }

    /// Appends one row of the open table.
    package func writeRow(_ values: [BackupValue]) throws {
        line.removeAll(keepingCapacity: true)
        RowCodec.encode(values, into: &line)
        try append(line)
        rows += 1
    }

    package func endTable() throws {
        guard let name = table else { return }
        try emit(try encoder.encode(BackupTableEnd(table: name, rows: rows)))
        closePart(name: "table:\(name)", rows: rows)
        totalRows += rows
        table = nil
    }

    /// Writes the manifest and seals the container; returns both.
    package func finish() throws -> (manifest: BackupManifest, summary: BackupContainerWriter.Summary) {
        guard let preamble else { throw BackupError(.io, "backup finished without a preamble") }
        let manifest = BackupManifest(
            format: preamble.format, createdAt: preamble.createdAt, sourceEngine: preamble.sourceEngine,
            schemaVersion: preamble.schemaVersion, masterKeyFingerprint: preamble.masterKeyFingerprint, parts: parts,
            totalRows: totalRows)
        var bytes = Array(try encoder.encode(manifest))
        bytes.append(UInt8(ascii: "\n"))
        try container.write(bytes)
        return (manifest, try container.finish())
    }

    /// Makes the finished file durable under its final name.
    package func commit() throws { try container.commit() }

    /// Abandons the file.
    package func discard() { container.discard() }

    private func emit(_ json: Data) throws {
        var bytes = Array(json)
        bytes.append(UInt8(ascii: "\n"))
        try append(bytes)
    }

    private func append(_ bytes: [UInt8]) throws {
        hasher.update(data: bytes)
        partBytes += Int64(bytes.count)
        try container.write(bytes)
    }

    private func closePart(name: String, rows: Int64?) {
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        parts.append(BackupManifest.Part(name: name, sha256: digest, bytes: partBytes, rows: rows))
        hasher = SHA256()
        partBytes = 0
    }
}
