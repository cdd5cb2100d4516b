// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartCore

/// Where the commands that are clients of a running server (`protect`, `unprotect`, `report`)
/// connect, and the API key they connect with: the tenant's policies and roles then decide, and
/// the server audits every call like any other caller's.
struct ServerConnectionOptions: ParsableArguments {
    @Option(help: "The Rampart server's base URL (default: $RAMPART_URL, else http://127.0.0.1:8080).")
    var server: String?

    @Option(
        name: .customLong("api-key-file"),
        help: "A file holding the API key (`<id>.<secret>`); default: $RAMPART_API_KEY. Never on the command line.")
    var apiKeyFile: String?

    func validate() throws {
        let server = resolvedServer()
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw ValidationError("--server must be an http:// or https:// URL")
        }
    }

    func resolvedServer() -> String {
        let value = server ?? ProcessInfo.processInfo.environment["RAMPART_URL"] ?? "http://127.0.0.1:8080"
        return value.hasSuffix("/") ? String(value.dropLast()) : value
    }

    func apiKey() throws -> Secret<String> {
        if let apiKeyFile {
            guard let text = try? String(contentsOfFile: apiKeyFile, encoding: .utf8) else {
                throw ValidationError("cannot read --api-key-file \(apiKeyFile)")
            }
            return Secret(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let key = ProcessInfo.processInfo.environment["RAMPART_API_KEY"], !key.isEmpty else {
            throw ValidationError("set RAMPART_API_KEY or --api-key-file")
        }
        return Secret(key)
    }

    /// Creates `path` for writing with mode 0600 (reports and protected data are not for every
    /// local user), or standard output without one.
    static func output(_ path: String?) throws -> FileHandle {
        guard let path else { return FileHandle.standardOutput }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw RampartError(.badRequest, "cannot create \(path)") }
        return handle
    }
}
