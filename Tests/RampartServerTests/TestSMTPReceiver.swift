// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartTesting

/// The test SMTP receiver (`scripts/testing/smtp_test_receiver.py`, python3 stdlib only) run as a
/// child process for the duration of a test, on a loopback port of its choosing.
struct TestSMTPReceiver: Sendable {
    var port: Int
    /// Where the receiver appends one JSON line per DATA transaction.
    var output: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/testing/smtp_test_receiver.py").path

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    /// Runs `body` with a receiver; `tls` is the directory of a ``TLSCollector`` (its
    /// `server.pem`/`server.key` enable STARTTLS, or TLS from connect with `implicitTLS`),
    /// `credentials` make AUTH PLAIN mandatory.
    static func with<R: Sendable>(
        tls: String? = nil, implicitTLS: Bool = false, injectAfterSTARTTLS: Bool = false, credentials: (String, String)? = nil,
        dataReplies: [Int] = [], rejectRecipients: [String] = [],
        _ body: @Sendable (TestSMTPReceiver) async throws -> R
    ) async throws -> R {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString).jsonl").path
        var arguments = ["python3", script, "--out", output]
        if let tls { arguments += ["--cert", tls + "/server.pem", "--key", tls + "/server.key"] + (implicitTLS ? ["--implicit-tls"] : []) }
        if let (username, password) = credentials { arguments += ["--username", username, "--password", password] }
        if injectAfterSTARTTLS { arguments.append("--inject-after-starttls") }
        if !dataReplies.isEmpty { arguments += ["--data-replies", dataReplies.map(String.init).joined(separator: ",")] }
        for address in rejectRecipients { arguments += ["--reject-rcpt", address] }
        let process = try ChildProcess("/usr/bin/env", arguments, stdin: .pipe, stdout: .pipe)
        defer {
            // Closing its stdin stops it; terminate in case it is stuck.
            try? process.input?.close()
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: output)
        }
        guard let stdout = process.output else { throw RampartError(.internalError, "no pipe from the test SMTP receiver") }
        var line = ""
        while !line.hasSuffix("\n") {
            let data = stdout.availableData
            guard !data.isEmpty else { throw RampartError(.internalError, "the test SMTP receiver did not start") }
            line += String(decoding: data, as: UTF8.self)
        }
        guard line.hasPrefix("PORT "), let port = Int(String(line.dropFirst(5)).trimmingWhitespace()) else {
            throw RampartError(.internalError, "unexpected output from the test SMTP receiver: \(line)")
        }
        return try await body(TestSMTPReceiver(port: port, output: output))
    }

    /// Every DATA transaction so far: `tls`, `user`, `mailFrom`, `rcptTo`, `reply`, `raw`, `body`.
    func messages() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: output, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw RampartError(.internalError, "receiver wrote a non-object")
            }
            return object
        }
    }

    /// The header lines of a raw message (folded continuation lines joined), as (name, value).
    static func headers(_ raw: String) -> [(String, String)] {
        let head = raw.components(separatedBy: "\r\n\r\n").first ?? ""
        var fields: [(String, String)] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = fields.popLast() {
                fields.append((last.0, last.1 + line))
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingWhitespace()))
            }
        }
        return fields
    }
}
