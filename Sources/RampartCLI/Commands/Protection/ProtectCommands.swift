// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import AsyncHTTPClient
import Foundation
import RampartCore

/// What `rampart protect` and `rampart unprotect` share: the server connection, the scheme, the
/// columns and the files.
struct ProtectionOptions: ParsableArguments {
    @OptionGroup var connection: ServerConnectionOptions

    @Option(help: "The encryption scheme's name.")
    var scheme: String

    @Option(name: .customLong("column"), help: "A column to transform, by its header name; repeat for several.")
    var columns: [String] = []

    @Option(help: "Values per request, 1 to 10000.")
    var batch: Int = 1000

    @Option(help: "The CSV file to read (default: standard input). Its first record is the header.")
    var input: String?

    @Option(help: "The CSV file to write (default: standard output); created with mode 0600.")
    var output: String?

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    func validate() throws {
        guard !columns.isEmpty else { throw ValidationError("name at least one --column") }
        guard (1...10_000).contains(batch) else { throw ValidationError("--batch must be 1 to 10000") }
    }

    /// Streams the CSV through the server, printing progress to standard error.
    func run(_ operation: ProtectionClient.Operation, masked: Bool) async throws {
        let key = try connection.apiKey()
        let inputPath = input ?? "/dev/stdin"
        let out = try ServerConnectionOptions.output(output)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let client = ProtectionClient(server: connection.resolvedServer(), apiKey: key, http: http)
        let started = Date()
        var lastReport = Date.distantPast
        let quiet = self.quiet
        let scheme = self.scheme
        let name = operation.rawValue
        let transformer = CSVColumnTransformer(
            inputPath: inputPath, columns: columns, batchSize: batch,
            transform: { try await client.call(operation, scheme: scheme, values: $0, masked: masked) },
            write: { try out.write(contentsOf: $0) },
            progress: { rows, values, bytes in
                guard !quiet, Date().timeIntervalSince(lastReport) >= 1 else { return }
                lastReport = Date()
                let seconds = max(Date().timeIntervalSince(started), 0.001)
                FileHandle.standardError.write(
                    Data("\(name): \(rows) rows, \(values) values, \(bytes / 1_048_576) MiB read, \(Int(Double(values) / seconds)) values/s\n".utf8))
            })
        let result: (rows: Int, values: Int)
        do {
            result = try await transformer.run()
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            if let failure = error as? CSVColumnTransformer.Failure { throw RampartError(.badRequest, failure.message) }
            throw error
        }
        if output != nil { try out.close() }
        if !quiet {
            let seconds = Date().timeIntervalSince(started)
            FileHandle.standardError.write(
                Data(
                    "\(name): done: \(result.rows) rows, \(result.values) values in \(String(format: "%.1f", seconds)) s (\(Int(Double(result.values) / max(seconds, 0.001))) values/s)\n"
                        .utf8))
        }
    }
}

/// `rampart protect`: a CSV column through a scheme on the server.
struct ProtectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protect",
        abstract: "Protect CSV columns with an encryption scheme on a Rampart server (streaming, with progress).",
        discussion: "Example: RAMPART_API_KEY=... rampart protect --scheme cards --column card_number < in.csv > out.csv")

    @OptionGroup var options: ProtectionOptions

    func run() async throws { try await options.run(.protect, masked: false) }
}

/// `rampart unprotect`: the reverse, in clear or masked as the tenant's policies allow.
struct UnprotectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unprotect",
        abstract: "Unprotect CSV columns (in clear, or masked where policies allow only that) on a Rampart server.")

    @OptionGroup var options: ProtectionOptions

    @Flag(help: "Ask for the masked form even where the clear one is allowed.")
    var masked = false

    func run() async throws { try await options.run(.unprotect, masked: masked) }
}
