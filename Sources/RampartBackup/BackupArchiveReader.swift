// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// What a backup's content holds, in order.
package enum BackupArchiveEvent: Sendable {
    case table(BackupTableHeader)
    /// A row of the open table. Empty when the reader was told not to parse rows.
    case row([BackupValue])
    case tableEnd(table: String, rows: Int64)
    /// The last event; by the time it is returned every part has been checked against it.
    case manifest(BackupManifest)
}

/// Reads the JSON lines of a backup's content and checks them against the structure (preamble,
/// tables in the announced order, end lines) and against the manifest's hashes and row counts.
///
/// Consumers act on rows as they stream by but must treat nothing as final until the
/// ``BackupArchiveEvent/manifest(_:)`` event: a restore commits only then.
package final class BackupArchiveReader {
    private let container: BackupContainerReader
    private let parseRows: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var preambleValue: BackupPreamble?
    private var hasher = SHA256()
    private var partBytes: Int64 = 0
    private var parts: [BackupManifest.Part] = []
    private var open: (name: String, rows: Int64)?
    private var tablesSeen = 0
    private var finished = false
    private let decoder = JSONDecoder()
    /// A line longer than this is not something Rampart wrote.
    private static let maximumLine = 256 << 20

    package init(container: BackupContainerReader, parseRows: Bool = true) {
        self.container = container
        self.parseRows = parseRows
    }

    /// Bytes of the file consumed so far, for progress.
    package var fileBytesRead: UInt64 { container.bytesRead }

    /// Reads the first line.
    package func preamble() throws -> BackupPreamble {
        if let preambleValue { return preambleValue }
        guard let line = try nextLine() else { throw inconsistent("the backup is empty") }
        let preamble: BackupPreamble
        do {
            preamble = try decoder.decode(BackupPreamble.self, from: Data(line))
        } catch {
            throw inconsistent("the backup does not start with a preamble")
        }
        guard preamble.kind == "preamble" else { throw inconsistent("the backup does not start with a preamble") }
        guard preamble.format == BackupPreamble.currentFormat else {
            throw BackupError(.unrecognized, "backup content format \(preamble.format) is not supported by this build")
        }
        hash(line)
        closePart("preamble", rows: nil)
        preambleValue = preamble
        return preamble
    }

    /// The next event, or `nil` after the manifest.
    package func next() throws -> BackupArchiveEvent? {
        let preamble = try preamble()
        guard !finished else { return nil }
        guard let line = try nextLine() else { throw inconsistent("the backup ends without its manifest") }
        if line.first == UInt8(ascii: "[") {
            guard open != nil else { throw inconsistent("a row appears outside a table") }
            hash(line)
            open?.rows += 1
            return .row(parseRows ? try RowCodec.decode(line) : [])
        }
        let kind: String
        do {
            kind = try decoder.decode(Kind.self, from: Data(line)).kind
        } catch {
            throw inconsistent("a line of the backup cannot be parsed")
        }
        switch kind {
        case "table":
            guard open == nil else { throw inconsistent("a table starts inside another") }
            let header = try decode(BackupTableHeader.self, line)
            guard tablesSeen < preamble.tables.count, preamble.tables[tablesSeen] == header.name else {
                throw inconsistent("table `\(header.name)` is not the one the preamble announces next")
            }
            tablesSeen += 1
            hash(line)
            open = (header.name, 0)
            return .table(header)
        case "end":
            guard let current = open else { throw inconsistent("a table end appears outside a table") }
            let end = try decode(BackupTableEnd.self, line)
            guard end.table == current.name, end.rows == current.rows else {
                throw inconsistent("table `\(current.name)` holds \(current.rows) rows but its end line says \(end.rows)")
            }
            hash(line)
            closePart("table:\(current.name)", rows: current.rows)
            open = nil
            return .tableEnd(table: current.name, rows: current.rows)
        case "manifest":
            guard open == nil, tablesSeen == preamble.tables.count else { throw inconsistent("the manifest comes before the last table") }
            let manifest = try decode(BackupManifest.self, line)
            try check(manifest, against: preamble)
            guard try nextLine() == nil else { throw inconsistent("content follows the manifest") }
            finished = true
            return .manifest(manifest)
        default:
            throw inconsistent("unknown line kind `\(kind)`")
        }
    }

    /// Reads to the end, checking everything; returns the manifest.
    package func readToEnd() throws -> BackupManifest {
        while let event = try next() {
            if case .manifest(let manifest) = event { return manifest }
        }
        throw inconsistent("the backup ends without its manifest")
    }

    private struct Kind: Decodable {
        let kind: String
    }

    private func check(_ manifest: BackupManifest, against preamble: BackupPreamble) throws {
        guard manifest.format == preamble.format, manifest.createdAt == preamble.createdAt,
            manifest.sourceEngine == preamble.sourceEngine, manifest.schemaVersion == preamble.schemaVersion,
            manifest.masterKeyFingerprint == preamble.masterKeyFingerprint
        else { throw inconsistent("the manifest does not match the preamble") }
        guard manifest.parts.count == parts.count else {
            throw inconsistent("the manifest lists \(manifest.parts.count) parts but the backup holds \(parts.count)")
        }
        for (listed, actual) in zip(manifest.parts, parts) {
            guard listed.name == actual.name else { throw inconsistent("part `\(actual.name)` is not the one the manifest lists") }
            guard listed.sha256 == actual.sha256, listed.bytes == actual.bytes else {
                throw inconsistent("part `\(actual.name)` does not match its SHA-256 in the manifest")
            }
            guard listed.rows == actual.rows else {
                throw inconsistent("part `\(actual.name)` holds \(actual.rows ?? 0) rows but the manifest says \(listed.rows ?? 0)")
            }
        }
        guard manifest.totalRows == parts.compactMap(\.rows).reduce(0, +) else { throw inconsistent("the manifest's row total is wrong") }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ line: ArraySlice<UInt8>) throws -> T {
        do {
            return try decoder.decode(type, from: Data(line))
        } catch {
            throw inconsistent("a \(T.self) line cannot be parsed")
        }
    }

    private func inconsistent(_ message: String) -> BackupError { BackupError(.inconsistent, message) }

    private func hash(_ line: ArraySlice<UInt8>) {
        hasher.update(data: line)
        hasher.update(data: [UInt8(ascii: "\n")])
        partBytes += Int64(line.count + 1)
    }

    private func closePart(_ name: String, rows: Int64?) {
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        parts.append(BackupManifest.Part(name: name, sha256: digest, bytes: partBytes, rows: rows))
        hasher = SHA256()
        partBytes = 0
    }

    /// The next line without its newline, or `nil` at the end of the content.
    private func nextLine() throws -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line
            }
            searchFrom = buffer.count
            guard let block = try container.next() else {
                guard start == buffer.count else { throw inconsistent("the backup's content ends inside a line") }
                return nil
            }
            if start > 0 {
                buffer.removeFirst(start)
                searchFrom -= start
                start = 0
            }
            guard buffer.count + block.count <= Self.maximumLine + Inflater.blockSize else {
                throw inconsistent("a line of the backup is implausibly long")
            }
            buffer += block
        }
    }
}
