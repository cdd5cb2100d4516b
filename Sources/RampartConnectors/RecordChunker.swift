// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Reads a file a block at a time, each block ending at a record boundary, so a CSV or JSON
/// Lines file of any size is parsed in bounded memory.
///
/// A boundary is a line feed outside a quoted CSV field (JSON Lines escape their line breaks, so
/// every line feed counts there). A record longer than ``maximumRecordBytes`` is an error rather
/// than an unbounded buffer.
package struct RecordChunker {
    private let handle: FileHandle
    private let quoted: Bool
    private let blockBytes: Int
    let maximumRecordBytes: Int
    private var carry: [UInt8] = []
    private var atEnd = false
    /// Bytes read from the file so far.
    package private(set) var bytesRead = 0

    /// - Parameter quoted: whether `"` opens a field in which line feeds do not end the record (CSV).
    package init(path: String, quoted: Bool, blockBytes: Int = 4 << 20, maximumRecordBytes: Int = 64 << 20) throws(ConnectorError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConnectorError(.permission, "cannot read \((path as NSString).lastPathComponent)")
        }
        self.handle = handle
        self.quoted = quoted
        self.blockBytes = blockBytes
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// The next block of whole records, or `nil` at the end of the file.
    package mutating func next() throws(ConnectorError) -> [UInt8]? {
        while true {
            if !atEnd, let boundary = lastBoundary(in: carry) {
                let block = Array(carry[..<boundary])
                carry.removeFirst(boundary)
                return block
            }
            if atEnd {
                try? handle.close()
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                return carry
            }
            guard carry.count <= maximumRecordBytes else {
                throw ConnectorError(.invalidData, "a record is longer than \(maximumRecordBytes) bytes")
            }
            let data: Data
            do {
                data = try handle.read(upToCount: blockBytes) ?? Data()
            } catch {
                throw ConnectorError(.permission, "the file could not be read")
            }
            if data.isEmpty { atEnd = true }
            bytesRead += data.count
            carry.append(contentsOf: data)
        }
    }

    /// The index just past the last record-ending line feed of `bytes`, if there is one.
    private func lastBoundary(in bytes: [UInt8]) -> Int? {
        guard quoted else { return bytes.lastIndex(of: 0x0A).map { $0 + 1 } }
        // The same field states as the CSV reader: a quote opens a field only at its start, and
        // `""` inside a quoted field is an escaped quote.
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var state = State.fieldStart
        var last: Int?
        for (index, byte) in bytes.enumerated() {
            switch (state, byte) {
            case (.quoted, 0x22): state = .quoteInQuoted
            case (.quoted, _): break
            case (.quoteInQuoted, 0x22): state = .quoted
            case (.fieldStart, 0x22): state = .quoted
            case (_, 0x2C): state = .fieldStart
            case (_, 0x0A):
                state = .fieldStart
                last = index + 1
            case (.fieldStart, 0x0D): break
            default: state = .unquoted
            }
        }
        return last
    }
}
