// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

/// `rampart backup`: encrypted, verifiable backups of the whole deployment.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Create, verify and key encrypted backups.",
        subcommands: [BackupCreateCommand.self, BackupVerifyCommand.self, BackupKeygenCommand.self])
}
