// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartTesting

/// The test OpenID provider (`scripts/testing/oidc_test_provider.py`) run as a child process for
/// the duration of a test. It needs `python3` with `cryptography` (`.ci/run` installs it).
struct TestOIDCProvider: Sendable {
    /// `http://127.0.0.1:<port>`: the issuer, and where its endpoints are.
    var base: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/testing/oidc_test_provider.py").path

    static func with<R: Sendable>(
        clientID: String, clientSecret: String, entra: Bool = false, _ body: @Sendable (TestOIDCProvider) async throws -> R
    ) async throws -> R {
        let process = try ChildProcess(
            "/usr/bin/env", ["python3", script, "--client-id", clientID, "--client-secret", clientSecret] + (entra ? ["--entra"] : []),
            stdin: .pipe, stdout: .pipe)
        defer {
            // Closing its stdin stops it; terminate in case it is stuck.
            try? process.input?.close()
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        guard let output = process.output else { throw RampartError(.internalError, "no pipe from the test OpenID provider") }
        var line = ""
        while !line.hasSuffix("\n") {
            let data = output.availableData
            guard !data.isEmpty else {
                throw RampartError(.internalError, "the test OpenID provider did not start (is python3 with `cryptography` installed?)")
            }
            line += String(decoding: data, as: UTF8.self)
        }
        guard line.hasPrefix("PORT "), let port = Int(String(line.dropFirst(5)).trimmingWhitespace()) else {
            throw RampartError(.internalError, "unexpected output from the test OpenID provider: \(line)")
        }
        return try await TestActivity.track("OIDC test provider on port \(port)") {
            try await body(TestOIDCProvider(base: "http://127.0.0.1:\(port)"))
        }
    }
}
