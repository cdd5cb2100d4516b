// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Ranger's file-based geolocation enricher (`RangerFileBasedGeolocationProvider`), run by the
/// conformance harness: the client address is looked up in a CSV file of IPv4 ranges and each
/// field of the matching line becomes the request context attribute `LOCATION_<prefix><FIELD>`.
///
/// Rampart's engine runs no context enrichers but the tag enricher (it reports the others as
/// unsupported when a condition reads what they would add); the harness does this one itself,
/// as it resolves the tag enricher's file, so the tests that use it can run.
struct GeolocationTable {
    private struct Range {
        var from: UInt32
        var to: UInt32
        var values: [String]
    }

    private let fields: [String]
    private let ranges: [Range]
    private let prefix: String

    /// Reads `text` (`#` comments, a header line `FROM_IP,TO_IP,FIELD,…`, then data lines with
    /// addresses in dot notation or, when `dotted` is false, as integers); `nil` when malformed.
    init?(_ text: String, prefix: String, dotted: Bool) {
        var fields: [String]?
        var ranges: [Range] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields != nil else {
                guard cells.count > 2 else { return nil }
                fields = Array(cells.dropFirst(2))
                continue
            }
            guard cells.count >= 2, let from = Self.address(cells[0], dotted: dotted), let to = Self.address(cells[1], dotted: dotted) else {
                continue
            }
            ranges.append(Range(from: from, to: to, values: Array(cells.dropFirst(2))))
        }
        guard let fields else { return nil }
        self.fields = fields
        self.ranges = ranges
        self.prefix = prefix
    }

    /// The context attributes for `ip`, empty when no range holds it.
    func attributes(for ip: String) -> [String: String] {
        guard let address = Self.address(ip, dotted: true), let range = ranges.first(where: { $0.from <= address && address <= $0.to }) else {
            return [:]
        }
        var out: [String: String] = [:]
        for (field, value) in zip(fields, range.values) where !value.isEmpty {
            out["LOCATION_" + prefix + field] = value
        }
        return out
    }

    private static func address(_ text: String, dotted: Bool) -> UInt32? {
        guard dotted else { return UInt32(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }
}
