// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartBackup
import RampartCore

/// The backups in one directory, named `rampart-<kind>-<yyyyMMdd>T<HHmmss.SSS>Z.rbk` so that
/// name order is time order and a listing needs no file to be opened.
package struct BackupCatalog: Sendable {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        case daily
        case intraday
    }

    package struct Entry: Sendable, Equatable {
        package var file: String
        package var kind: Kind
        /// Unix milliseconds, from the name.
        package var createdAt: Int64
        package var sizeBytes: UInt64
    }

    package let directory: String

    package init(directory: String) { self.directory = directory }

    package static let fileExtension = "rbk"

    package static func fileName(kind: Kind, at milliseconds: Int64) -> String {
        "rampart-\(kind.rawValue)-\(stamp(milliseconds)).\(fileExtension)"
    }

    /// The backups present, newest first. Temporary files of backups in progress are not listed.
    package func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> Entry? in
            guard let (kind, createdAt) = Self.parse(name) else { return nil }
            let attributes = try? FileManager.default.attributesOfItem(atPath: (directory as NSString).appendingPathComponent(name))
            let size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
            return Entry(file: name, kind: kind, createdAt: createdAt, sizeBytes: size)
        }.sorted { $0.file > $1.file }
    }

    /// Whether a daily backup exists for the UTC day of `milliseconds`.
    package func hasDaily(onDayOf milliseconds: Int64) -> Bool {
        let day = Self.day(milliseconds)
        return entries().contains { $0.kind == .daily && Self.day($0.createdAt) == day }
    }

    /// Deletes the oldest backups of `kind` beyond the newest `keep`; returns the names removed.
    @discardableResult
    package func prune(_ kind: Kind, keep: Int) -> [String] {
        let doomed = entries().filter { $0.kind == kind }.dropFirst(max(keep, 0))
        for entry in doomed { try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(entry.file)) }
        return doomed.map(\.file)
    }

    /// Removes temporary files left by a backup that was killed before it completed.
    @discardableResult
    package func sweepPartialFiles() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let partial = names.filter { $0.hasPrefix(BackupOutputFile.temporaryPrefix) }
        for name in partial { try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name)) }
        return partial.count
    }

    package static func parse(_ name: String) -> (Kind, Int64)? {
        guard name.hasPrefix("rampart-"), name.hasSuffix(".\(fileExtension)") else { return nil }
        let parts = name.dropFirst("rampart-".count).dropLast(fileExtension.count + 1).split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])), let createdAt = milliseconds(String(parts[1])) else { return nil }
        return (kind, createdAt)
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter
    }

    package static func stamp(_ milliseconds: Int64) -> String {
        formatter().string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    package static func milliseconds(_ stamp: String) -> Int64? {
        formatter().date(from: stamp).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    }

    package static func day(_ milliseconds: Int64) -> Int64 { milliseconds / 86_400_000 }
}
