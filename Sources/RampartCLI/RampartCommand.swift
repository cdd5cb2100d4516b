// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartBackup
import RampartCore

/// `rampart`: the server and its administration commands.
struct RampartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Rampart: data security and governance server.",
        version: RampartVersion.current,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, TenantsCommand.self, KeysCommand.self, PolicyCommand.self, DiscoverCommand.self,
            AuditCommand.self, SyncCommand.self, ProtectCommand.self, UnprotectCommand.self, ReportCommand.self,
            BackupCommand.self, RestoreCommand.self,
            VersionCommand.self,
        ]
    )
}

/// Entry point with Rampart's exit-code contract: 0 success, 1 a failed operation (one line on
/// stderr), 2 bad usage (one line on stderr, no usage dump), and for backups and restores one
/// status per failure cause (3–11, see ``BackupError/Code``) so scripts can tell them apart.
@main
enum RampartMain {
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try RampartCommand.parseAsRoot()
        } catch {
            let code = RampartCommand.exitCode(for: error)
            if code == .success {
                // `--help`, `help <command>` and `--version`: printed to standard output, exit 0.
                RampartCommand.exit(withError: error)
            }
            if let unknown = UnknownOptionFinder.firstUnknown(in: Array(CommandLine.arguments.dropFirst()), root: RampartCommand.self) {
                FileHandle.standardError.write(Data("rampart: error: unknown option '\(unknown)'\n".utf8))
                Foundation.exit(2)
            }
            let message = RampartCommand.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid usage"
            FileHandle.standardError.write(Data("rampart: \(message)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error where RampartCommand.exitCode(for: error) == .success {
            // `rampart help` and `--help` reach here as ArgumentParser's help command, whose run
            // throws the help request: ArgumentParser prints it and exits 0.
            RampartCommand.exit(withError: error)
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("rampart: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch let error as BackupError {
            let line = error.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? error.code.rawValue
            FileHandle.standardError.write(Data("rampart: error: \(line)\n".utf8))
            Foundation.exit(error.code.exitCode)
        } catch let error as RampartError {
            FileHandle.standardError.write(Data("rampart: error: \(error.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            FileHandle.standardError.write(Data("rampart: error: \(String(describing: error).split(whereSeparator: \.isNewline).first ?? "")\n".utf8))
            Foundation.exit(1)
        }
    }
}

enum RampartVersion {
    static let current = "0.1.0"
}
