// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartBackup

/// How the operator supplies the backup key. A passphrase never travels as an argument value (it
/// would show in `ps` and shell history): it comes from a file or the environment.
struct BackupKeyOptions: ParsableArguments {
    static let passphraseVariable = "RAMPART_BACKUP_PASSPHRASE"

    @Option(name: .customLong("key-file"), help: "Backup key file (32 bytes, from `rampart backup keygen`).")
    var keyFile: String?

    @Option(name: .customLong("passphrase-file"), help: "File holding the backup passphrase. Or set RAMPART_BACKUP_PASSPHRASE.")
    var passphraseFile: String?

    func validate() throws {
        if keyFile != nil && passphraseFile != nil { throw ValidationError("give --key-file or --passphrase-file, not both") }
    }

    /// The credential, or a usage error (exit 2) when none was given.
    func credential() throws -> BackupCredential {
        if let keyFile { return try BackupCredential.loadKeyFile(keyFile) }
        if let passphraseFile {
            guard let data = FileManager.default.contents(atPath: passphraseFile) else {
                throw BackupError(.keyUnavailable, "cannot read passphrase file \(passphraseFile)")
            }
            return try BackupCredential.passphrase(fromFileContents: data, source: passphraseFile)
        }
        if let text = ProcessInfo.processInfo.environment[Self.passphraseVariable], !text.isEmpty {
            return try BackupCredential.passphrase(text, source: Self.passphraseVariable)
        }
        throw ValidationError("give --key-file FILE or --passphrase-file FILE, or set \(Self.passphraseVariable)")
    }
}
