// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

#if canImport(Glibc)
import Glibc
#endif

/// Where the master key comes from: `RAMPART_MASTER_KEY` (base64) if set, otherwise
/// `<data dir>/master.key`, created with mode 0600 on first start.
package enum MasterKeySource {
    package static let environmentVariable = "RAMPART_MASTER_KEY"
    package static let fileName = "master.key"

    package struct Loaded: Sendable {
        package let key: MasterKey
        /// A human description of the source for the startup log line (never the key).
        package let origin: String
        package let created: Bool
    }

    package static func load(
        dataDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment, fileName: String = MasterKeySource.fileName
    ) throws -> Loaded {
        if let text = environment[environmentVariable], !text.isEmpty {
            return Loaded(key: try MasterKey(base64: Secret(text)), origin: "environment variable \(environmentVariable)", created: false)
        }
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
                throw RampartError(
                    .keyring, "master key file \(path) is readable by other users (mode \(String(permissions, radix: 8))); run: chmod 600 \(path)")
            }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return Loaded(key: try MasterKey(base64: Secret(text)), origin: "key file \(path)", created: false)
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = MasterKey.generate()
        try writeExclusive(path: path, contents: key.base64.exposedValue + "\n")
        return Loaded(key: key, origin: "new key file \(path)", created: true)
    }

    /// Creates the file with O_EXCL and mode 0600 from the start, so the key is never briefly
    /// world-readable and two processes cannot both create it.
    private static func writeExclusive(path: String, contents: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw RampartError(.keyring, "cannot create master key file \(path): errno \(errno)") }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw RampartError(.keyring, "cannot write master key file \(path)")
        }
    }
}
