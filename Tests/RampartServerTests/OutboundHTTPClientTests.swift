// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOSSL
import RampartCore
import RampartTesting
import Testing

@testable import RampartApp

/// The one outbound HTTP client connects to the address the outbound policy checked, verifies
/// TLS against the URL's host name all the same, and never follows a redirect.
@Suite(.timeLimit(.minutes(1))) struct OutboundHTTPClientTests {
    static let server = """
        import http.server, os, ssl, sys
        port_file, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/redirect":
                    self.send_response(302); self.send_header("Location", "https://elsewhere.test/"); self.send_header("Content-Length", "0"); self.end_headers()
                else:
                    body = b'{"ok":true}'
                    self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        with open(port_file + ".tmp", "w") as f: f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """

    /// A client whose resolver answers `address` for every name, with loopback allowed, trusting the test CA.
    static func client(resolvingTo address: String, ca: String) throws -> OutboundHTTPClient {
        var destinations = OutboundDestinations(policy: try OutboundAddressPolicy(allowing: ["127.0.0.0/8"]), lookupTimeout: .seconds(5))
        destinations.lookup = { _, port in [try SocketAddress(ipAddress: address, port: port)] }
        var client = OutboundHTTPClient(destinations: destinations)
        // AsyncHTTPClient retries a failed connection until the deadline: failures take this long.
        client.timeout = .seconds(2)
        client.tlsConfiguration.trustRoots = .file(ca)
        return client
    }

    @Test(.enabled(if: TLSCollector.isAvailable, "needs openssl and python3"))
    func connectsToTheCheckedAddressAndVerifiesTheHostName() async throws {
        let certificates = try TLSCollector()
        // A server certificate that names `localhost` only. (The collector's also holds the IP
        // 127.0.0.1, and NIOSSL accepts an IP entry matching the connected address whatever the
        // host name: the name check below would prove nothing with it.)
        try "subjectAltName=DNS:localhost\n".write(toFile: certificates.directory + "/dns-only.ext", atomically: true, encoding: .utf8)
        try TLSCollector.shell(
            [
                "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
                "-days", "2", "-extfile", "dns-only.ext",
            ], in: certificates.directory)
        try Self.server.write(toFile: certificates.directory + "/https.py", atomically: true, encoding: .utf8)
        let process = try ChildProcess(
            "/usr/bin/env",
            [
                "python3", certificates.directory + "/https.py", certificates.portFile, certificates.directory + "/server.pem",
                certificates.directory + "/server.key",
            ])
        defer {
            process.send(SIGKILL)
            process.waitUntilExit()
        }
        var port: Int?
        for _ in 0..<200 where port == nil {
            port = (try? String(contentsOfFile: certificates.portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let listening = try #require(port, "the HTTPS fixture did not start")
        let ca = certificates.directory + "/ca.pem"

        // `localhost` is in the certificate; the resolver's checked answer is where the server listens.
        let answer = try await Self.client(resolvingTo: "127.0.0.1", ca: ca).get("https://localhost:\(listening)/ok")
        #expect(answer.status == 200)
        #expect(String(decoding: answer.body, as: UTF8.self) == #"{"ok":true}"#)

        // A redirect is the answer, not followed.
        let redirect = try await Self.client(resolvingTo: "127.0.0.1", ca: ca).get("https://localhost:\(listening)/redirect")
        #expect(redirect.status == 302)
        #expect(redirect.header("location") == "https://elsewhere.test/")

        // The connection goes to the checked address, not to a second lookup of the name:
        // nothing listens on 127.0.0.2, though `localhost` would resolve to 127.0.0.1.
        await #expect(throws: RampartError.self) {
            _ = try await Self.client(resolvingTo: "127.0.0.2", ca: ca).get("https://localhost:\(listening)/ok")
        }

        // Without the test CA the certificate is not trusted.
        var untrusting = try Self.client(resolvingTo: "127.0.0.1", ca: ca)
        untrusting.tlsConfiguration = .makeClientConfiguration()
        await #expect(throws: RampartError.self) { _ = try await untrusting.get("https://localhost:\(listening)/ok") }

        // TLS is verified against the URL's name even though the connection goes to a checked
        // address: the server's certificate does not name `hooks.test`.
        await #expect(throws: RampartError.self) {
            _ = try await Self.client(resolvingTo: "127.0.0.1", ca: ca).get("https://hooks.test:\(listening)/ok")
        }
    }
}
