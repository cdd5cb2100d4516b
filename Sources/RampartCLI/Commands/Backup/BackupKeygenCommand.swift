// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import RampartBackup

/// `rampart backup keygen --out FILE`: a new random backup key, mode 0600.
struct BackupKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Create a backup key file (32 random bytes, mode 0600). Keep a copy away from the server.")

    @Option(help: "Where to write the key; an existing file is never replaced.")
    var out: String

    func run() throws {
        try BackupCredential.generateKeyFile(at: out)
        print("created backup key file \(out) (mode 0600); store a copy off the server: backups cannot be read without it")
    }
}
