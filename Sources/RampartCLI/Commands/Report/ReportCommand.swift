// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RampartCore

/// `rampart report`: the compliance reports of a running server, as JSON or CSV, with an API key
/// whose roles may read them (`reports:read`: tenant-admin, security-admin, auditor).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compliance reports from a Rampart server: the data inventory and who accessed tagged data.",
        subcommands: [InventoryReportCommand.self, AccessReportCommand.self])
}

/// What both reports take besides their own filters.
struct ReportOptions: ParsableArguments {
    @OptionGroup var connection: ServerConnectionOptions

    @Option(help: "json or csv.")
    var format: String = "json"

    @Option(help: "The file to write (default: standard output); created with mode 0600.")
    var output: String?

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    func validate() throws {
        guard ["json", "csv"].contains(format) else { throw ValidationError("--format must be json or csv") }
    }

    /// Fetches `path` with `query` and writes the body; a refusal is one line naming the field.
    func fetch(_ name: String, path: String, query: [(String, String)]) async throws {
        let key = try connection.apiKey()
        var components = URLComponents()
        components.queryItems = (query + [("format", format)]).map { URLQueryItem(name: $0.0, value: $0.1) }
        let url = connection.resolvedServer() + path + "?" + (components.percentEncodedQuery ?? "")
        if !quiet { FileHandle.standardError.write(Data("report: asking \(connection.resolvedServer()) for the \(name) report…\n".utf8)) }
        let started = Date()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let bytes: ByteBuffer
        do {
            var request = HTTPClientRequest(url: url)
            key.withValue { request.headers.add(name: "authorization", value: "Bearer \($0)") }
            let response = try await http.execute(request, timeout: .minutes(10))
            bytes = try await response.body.collect(upTo: 1 << 30)
            try await http.shutdown()
            guard response.status == .ok else {
                let problem = try? JSONDecoder().decode(ProtectionClient.Problem.self, from: Data(bytes.readableBytesView))
                let message = problem?.detail ?? problem?.title ?? "HTTP \(response.status.code)"
                throw RampartError(.badRequest, "\(message) (HTTP \(response.status.code)\(problem?.field.map { ", field \($0)" } ?? ""))")
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        let out = try ServerConnectionOptions.output(output)
        try out.write(contentsOf: Data(bytes.readableBytesView))
        if output != nil { try out.close() }
        if !quiet {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            FileHandle.standardError.write(
                Data("report: \(name): \(bytes.readableBytes) bytes in \(seconds) s\(output.map { " to \($0)" } ?? "")\n".utf8))
        }
    }
}

/// `rampart report inventory`.
struct InventoryReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Where each sensitive class lives, which policies decide reading it, and who may read it unmasked.")

    @OptionGroup var options: ReportOptions

    @Option(name: .customLong("class"), help: "One class only (e.g. CREDIT_CARD).")
    var dataClass: String?

    func run() async throws {
        try await options.fetch("inventory", path: "/v1/reports/inventory", query: dataClass.map { [("class", $0)] } ?? [])
    }
}

/// `rampart report access`.
struct AccessReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Who asked for access to data with a tag in a period, with the checkpoint that proves each row.")

    @OptionGroup var options: ReportOptions

    @Option(help: "The tag (e.g. PII).")
    var tag: String

    @Option(help: "Start of the period: RFC 3339 or Unix microseconds.")
    var from: String

    @Option(help: "End of the period (exclusive): RFC 3339 or Unix microseconds; at most 366 days after --from.")
    var to: String

    func run() async throws {
        try await options.fetch("access", path: "/v1/reports/access", query: [("tag", tag), ("from", from), ("to", to)])
    }
}
