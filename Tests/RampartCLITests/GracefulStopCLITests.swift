// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartTesting
import Testing

/// `rampart serve --drain-seconds`: on SIGTERM `/readyz` turns 503 (the load balancer takes the
/// server out) while requests are still answered, then the server stops and exits 0.
@Suite struct GracefulStopCLITests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3"))
    func sigtermDrainsBeforeTheServerStops() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-drain-\(UUID().uuidString)").path
        let errors = directory + ".err"
        defer {
            for path in [directory, errors] { try? FileManager.default.removeItem(atPath: path) }
        }
        let port = try #require(
            Int(try TracingCLITests.python("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")))
        var environment = ProcessInfo.processInfo.environment
        environment["RAMPART_MASTER_KEY"] = nil
        environment["RAMPART_DATABASE_URL"] = nil
        let server = try ChildProcess(
            RampartBinary.url.path, ["serve", "--data-dir", directory, "--port", String(port), "--drain-seconds", "3"],
            environment: environment, stdout: .null, stderr: .file(errors))
        defer { if server.isRunning { server.send(SIGKILL) } }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<240 where server.isRunning && !ready {
            ready = try TracingCLITests.status("\(base)/readyz") == 200
            if !ready { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(ready, "\((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")")
        server.send(SIGTERM)
        try await Task.sleep(for: .milliseconds(500))
        #expect(try TracingCLITests.status("\(base)/readyz") == 503, "draining: out of the load balancer's rotation")
        #expect(try TracingCLITests.status("\(base)/healthz") == 200, "yet still answering")
        #expect(try TracingCLITests.status("\(base)/v1/me") == 401)
        #expect(server.waitUntilExit() == .exited(0), "\((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")")
    }
}
