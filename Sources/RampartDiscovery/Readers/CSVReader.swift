/// RFC 4180 CSV parsing over bytes already in memory: `,` separators, `"`-quoted fields with
/// `""` escapes and embedded line breaks, CRLF or LF line ends, an optional UTF-8 BOM.
///
/// An unquoted empty cell is `nil` (missing); a quoted empty cell is `""`. Parsing is a single
/// forward pass, linear in the input, including for a 10 MB single-line value.
public enum CSVReader {
    /// A parsed CSV document: the header and the data rows.
    public struct Table: Sendable, Hashable {
        public var header: [String]
        public var rows: [[String?]]
    }

    /// Parses a whole document whose first record is the header.
    public static func parse(_ bytes: some Collection<UInt8>, separator: UInt8 = 0x2C) throws(DiscoveryError) -> Table {
        var records = Records(Array(bytes), separator: separator)
        guard let header = try records.nextRecord() else { return Table(header: [], rows: []) }
        var rows: [[String?]] = []
        while let row = try records.nextRecord() { rows.append(row) }
        return Table(header: header.map { $0 ?? "" }, rows: rows)
    }

    /// Parses a whole document held in a string.
    public static func parse(_ text: String, separator: UInt8 = 0x2C) throws(DiscoveryError) -> Table {
        try parse(Array(text.utf8), separator: separator)
    }

    /// A forward-only reader of records, for streaming rows into a scanner without building
    /// the whole table.
    public struct Records: Sendable {
        private let bytes: [UInt8]
        private let separator: UInt8
        private var position = 0
        /// The 1-based line the next record starts on.
        public private(set) var line = 1

        public init(_ bytes: [UInt8], separator: UInt8 = 0x2C) {
            self.bytes = bytes
            self.separator = separator
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        /// The next record, or `nil` at the end of the input. Blank lines are skipped.
        public mutating func nextRecord() throws(DiscoveryError) -> [String?]? {
            let n = bytes.count
            // Skip blank lines between records.
            while position < n, bytes[position] == 0x0A || bytes[position] == 0x0D {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
            guard position < n else { return nil }
            var fields: [String?] = []
            let startLine = line
            while true {
                if position < n, bytes[position] == 0x22 {
                    // Quoted field.
                    position += 1
                    var value: [UInt8] = []
                    var closed = false
                    var chunkStart = position
                    while position < n {
                        let c = bytes[position]
                        if c == 0x22 {
                            value.append(contentsOf: bytes[chunkStart..<position])
                            if position + 1 < n, bytes[position + 1] == 0x22 {
                                value.append(0x22)
                                position += 2
                                chunkStart = position
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if c == 0x0A { line += 1 }
                        position += 1
                    }
                    guard closed else {
                        throw DiscoveryError(.malformedCSV, "unterminated quoted field", line: startLine)
                    }
                    fields.append(String(decoding: value, as: UTF8.self))
                    guard position >= n || bytes[position] == separator || bytes[position] == 0x0A || bytes[position] == 0x0D
                    else {
                        throw DiscoveryError(.malformedCSV, "text after a closing quote", line: line)
                    }
                } else {
                    let start = position
                    while position < n, bytes[position] != separator, bytes[position] != 0x0A, bytes[position] != 0x0D {
                        position += 1
                    }
                    fields.append(start == position ? nil : String(decoding: bytes[start..<position], as: UTF8.self))
                }
                if position < n, bytes[position] == separator {
                    position += 1
                    continue
                }
                // End of record.
                if position < n, bytes[position] == 0x0D { position += 1 }
                if position < n, bytes[position] == 0x0A {
                    position += 1
                    line += 1
                }
                return fields
            }
        }
    }
}
