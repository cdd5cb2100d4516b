// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage

/// Compares the master key an operator would start the server with against the fingerprint a
/// backup recorded, without ever creating a key.
enum MasterKeyCheck {
    static func describe(recorded: String?, dataDirectory: String?) -> (line: String?, mismatch: Bool) {
        guard let recorded else { return (nil, false) }
        let environment = ProcessInfo.processInfo.environment
        let keyFile = dataDirectory.map { ($0 as NSString).appendingPathComponent(MasterKeySource.fileName) }
        let hasKey =
            !(environment[MasterKeySource.environmentVariable] ?? "").isEmpty
            || keyFile.map { FileManager.default.fileExists(atPath: $0) } == true
        guard hasKey else {
            let place = keyFile.map { "\(MasterKeySource.environmentVariable) or \($0)" } ?? MasterKeySource.environmentVariable
            return ("no master key found: supply the master key with fingerprint \(recorded) in \(place) before starting the server", false)
        }
        do {
            let loaded = try MasterKeySource.load(dataDirectory: dataDirectory ?? ".")
            if loaded.key.fingerprint == recorded {
                return ("the master key (\(loaded.origin)) matches the backup's fingerprint \(recorded)", false)
            }
            return (
                "the master key (\(loaded.origin), fingerprint \(loaded.key.fingerprint)) does NOT match the backup's \(recorded): "
                    + "the server will refuse to start until it is given the master key the backup was made with", true
            )
        } catch {
            return ("cannot load the master key to compare it with the backup's fingerprint \(recorded): \(error)", true)
        }
    }
}
