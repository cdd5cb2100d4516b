// SPDX-License-Identifier: Apache-2.0

/// RFC 4180 CSV records: `,` separators, LF line ends, a cell quoted when it holds a separator,
/// a quote or a line break (quotes doubled).
package enum CSVWriter {
    /// Appends one record. A missing cell (`nil`) stays empty and an empty string stays `""`, so
    /// a reader can tell them apart.
    ///
    /// - Parameter formulaSafe: for reports opened in spreadsheets: a cell starting with `=`, `+`,
    ///   `-`, `@`, a tab or a carriage return gets a leading `'`, so a name such as
    ///   `=HYPERLINK(…)` is shown, not run (CSV injection). Off where values must round-trip.
    package static func appendRecord(_ record: [String?], to out: inout [UInt8], formulaSafe: Bool = false) {
        for (index, cell) in record.enumerated() {
            if index > 0 { out.append(0x2C) }
            guard let cell else { continue }
            var bytes = Array(cell.utf8)
            if formulaSafe, let first = bytes.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { bytes.insert(0x27, at: 0) }
            if bytes.isEmpty || bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for byte in bytes {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
        out.append(0x0A)
    }
}
