// SPDX-License-Identifier: Apache-2.0

import Crypto
import CryptoExtras
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What unlocks a backup: a passphrase (stretched with scrypt) or a 32-byte backup key file.
///
/// Deliberately not the master key: a backup must survive the loss of the server (and its master
/// key file) and must not become readable to whoever only holds the master key.
package enum BackupCredential: Sendable {
    case passphrase(String)
    case keyFile(SymmetricKey)

    /// The kind recorded in the header (never the key itself).
    package var kind: BackupKeyKind {
        switch self {
        case .passphrase: .passphrase
        case .keyFile: .keyFile
        }
    }

    /// Loads a backup key file: base64 text of 32 bytes (what `rampart backup keygen` writes) or
    /// the 32 raw bytes. Refuses a file other users can read, like the master key file.
    package static func loadKeyFile(_ path: String) throws -> BackupCredential {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw BackupError(.keyUnavailable, "cannot read backup key file \(path)")
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw BackupError(
                .keyUnavailable,
                "backup key file \(path) is readable by other users (mode \(String(permissions, radix: 8))); run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BackupError(.keyUnavailable, "cannot read backup key file \(path)")
        }
        if data.count == 32 { return .keyFile(SymmetricKey(data: data)) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decoded = Data(base64Encoded: text), decoded.count == 32 else {
            throw BackupError(.keyUnavailable, "backup key file \(path) must hold 32 bytes, base64 encoded")
        }
        return .keyFile(SymmetricKey(data: decoded))
    }

    /// A passphrase as given by an operator; the trailing newline of a file is not part of it.
    package static func passphrase(fromFileContents data: Data, source: String) throws -> BackupCredential {
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return try passphrase(text, source: source)
    }

    /// Checks the minimum length: a backup leaves the building, so it faces offline guessing.
    package static func passphrase(_ text: String, source: String) throws -> BackupCredential {
        guard text.count >= 12 else {
            throw BackupError(.keyUnavailable, "the backup passphrase from \(source) must be at least 12 characters")
        }
        return .passphrase(text)
    }

    /// Creates a new key file with 32 random bytes (base64), mode 0600 from the first byte, and
    /// refuses to replace an existing file (which may be the only key to older backups).
    package static func generateKeyFile(at path: String) throws {
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : "errno \(errno)"
            throw BackupError(.io, "cannot create backup key file \(path): \(reason)")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw BackupError(.io, "cannot write backup key file \(path)")
        }
    }
}

/// How a backup's key was made; recorded in the header so a reader can ask for the right thing.
package enum BackupKeyKind: UInt8, Sendable, CustomStringConvertible {
    case passphrase = 1
    case keyFile = 2

    package var description: String {
        switch self {
        case .passphrase: "passphrase"
        case .keyFile: "key file"
        }
    }
}

/// scrypt cost for passphrase-protected backups, recorded in the header.
package struct ScryptParameters: Sendable, Equatable {
    package var logN: UInt8
    package var blockSize: UInt8
    package var parallelism: UInt8

    package init(logN: UInt8, blockSize: UInt8 = 8, parallelism: UInt8 = 1) {
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// N = 2^17, r = 8, p = 1: 128 MiB and a fraction of a second, once per backup. A backup file
    /// can be attacked offline for years, so this is stronger than the login hash.
    package static let `default` = ScryptParameters(logN: 17)
    /// Cheap parameters for tests only.
    package static let testing = ScryptParameters(logN: 10)

    /// Bounds a header may claim, so a crafted file cannot make the reader allocate gigabytes.
    var isAcceptable: Bool { (10...20).contains(logN) && (1...16).contains(blockSize) && (1...4).contains(parallelism) }
}
