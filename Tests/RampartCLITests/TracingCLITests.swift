// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartTesting
import Testing

/// `rampart serve --otlp-endpoint` sends OpenTelemetry traces of its requests to an OTLP/HTTP
/// collector (`scripts/testing/otlp_test_collector.py`), and flushes them when it stops.
@Suite struct TracingCLITests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/testing")

    /// Runs a short python3 program and returns what it prints.
    static func python(_ program: String) throws -> String {
        let outcome = try ChildProcess.run("/usr/bin/python3", ["-c", program])
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The HTTP status of GET `url`, or `nil` when nothing answers.
    static func status(_ url: String) throws -> Int? {
        let program = """
            import urllib.request, urllib.error
            try:
                print(urllib.request.urlopen('\(url)', timeout=5).status)
            except urllib.error.HTTPError as e:
                print(e.code)
            except Exception:
                print('none')
            """
        return Int(try python(program))
    }

    @Test func serveSendsRequestTracesToAnOTLPCollector() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            print("note: tracing test skipped: no python3")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-otlp-\(UUID().uuidString)").path
        let received = directory + ".jsonl"
        let errors = directory + ".err"
        defer {
            for path in [directory, received, errors] { try? FileManager.default.removeItem(atPath: path) }
        }
        let collector = try ChildProcess(
            "/usr/bin/python3", [Self.scripts.appendingPathComponent("otlp_test_collector.py").path, "--out", received], stdin: .pipe,
            stdout: .pipe)
        defer {
            try? collector.input?.close()
            if collector.isRunning { collector.terminate() }
            collector.waitUntilExit()
        }
        var line = ""
        while !line.hasSuffix("\n"), let data = collector.output?.availableData, !data.isEmpty { line += String(decoding: data, as: UTF8.self) }
        let collectorPort = try #require(Int(line.replacingOccurrences(of: "PORT ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)))
        let port = try #require(Int(try Self.python("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")))

        var environment = ProcessInfo.processInfo.environment
        environment["RAMPART_MASTER_KEY"] = nil
        environment["RAMPART_DATABASE_URL"] = nil
        let server = try ChildProcess(
            RampartBinary.url.path,
            ["serve", "--data-dir", directory, "--port", String(port), "--otlp-endpoint", "http://127.0.0.1:\(collectorPort)"],
            environment: environment, stdout: .null, stderr: .file(errors))
        defer { if server.isRunning { server.send(SIGKILL) } }
        var ready = false
        for _ in 0..<240 where server.isRunning {
            if try Self.status("http://127.0.0.1:\(port)/healthz") == 200 {
                ready = true
                break
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(ready, "\((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")")
        #expect(try Self.status("http://127.0.0.1:\(port)/v1/me") == 401)
        // A graceful stop flushes the spans still waiting in the batch.
        server.send(SIGTERM)
        #expect(server.waitUntilExit() == .exited(0), "\((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")")

        let exports = ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let traces = exports.filter { $0["path"] as? String == "/v1/traces" }
        #expect(!traces.isEmpty, "no export reached the collector: \(exports.map { $0["path"] ?? "?" })")
        #expect(traces.allSatisfy { ($0["contentType"] as? String)?.contains("protobuf") == true })
        // The protobuf carries strings as UTF-8: the service's name and the routes' spans.
        let bodies = traces.compactMap { ($0["body"] as? String).flatMap { Data(base64Encoded: $0) } }
        let text = bodies.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(text.contains("rampart"))
        #expect(text.contains("/healthz"))
        #expect(text.contains("/v1/me"))
    }
}
