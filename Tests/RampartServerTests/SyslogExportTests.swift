// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import RampartTesting
import SQLKit
import Testing

/// A real rsyslog on loopback, writing the structured data of every message it receives to a file.
final class RsyslogCollector: @unchecked Sendable {
    static let binary = "/usr/sbin/rsyslogd"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    let directory: String
    let port: Int
    var output: String { directory + "/received.log" }
    // Only touched from the test's own task.
    private var process: ChildProcess?

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rsyslog-\(UUID().uuidString)").path
        // rsyslogd cannot report a port the system chose; pick one below Linux's ephemeral range
        // (32768–60999), where the suite's own outgoing connections would otherwise take it.
        port = Int.random(in: 20_000...32_000)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // A direct main queue: rsyslogd's input thread writes each message before it reads on, so
        // a connection it has closed (what the exporter takes as delivery) is a batch in the file.
        // With the default in-memory queue, a shutdown under load could drop messages it had read
        // (a full-suite run lost one), which is the collector's loss, not the exporter's.
        let configuration = """
            global(workDirectory="\(directory)")
            main_queue(queue.type="Direct")
            module(load="imtcp")
            input(type="imtcp" port="\(port)" address="127.0.0.1")
            template(name="sd" type="string" string="%structured-data%\\n")
            action(type="omfile" file="\(output)" template="sd")
            """
        try configuration.write(toFile: directory + "/rsyslog.conf", atomically: true, encoding: .utf8)
    }

    func start() async throws {
        // Through Python, which clears the signal mask the test process may have blocked, so
        // that rsyslogd sees SIGTERM and shuts down gracefully (flushing what it has read).
        let process = try ChildProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                Self.binary, "-n", "-f", directory + "/rsyslog.conf", "-i", directory + "/rsyslog.pid",
            ], stdout: .null, stderr: .null)
        self.process = process
        // Wait until it accepts connections.
        for _ in 0..<100 {
            if Self.canConnect(port: port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RampartError(.unavailable, "rsyslogd did not start listening on \(port)")
    }

    /// SIGTERM and wait for the exit without blocking a concurrency thread.
    func stop() async throws {
        guard let process else { return }
        process.terminate()
        await process.waitForExit(killingAfter: .seconds(5))
        try? FileManager.default.removeItem(atPath: directory + "/rsyslog.pid")
        self.process = nil
    }

    /// (tenant, seq) of every received message, in arrival order.
    func received() throws -> [(String, Int64)] {
        guard let text = try? String(contentsOfFile: output, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let tenant = Self.value("tenant", in: line), let seq = Self.value("seq", in: line).flatMap({ Int64($0) }) else { return nil }
            return (tenant, seq)
        }
    }

    static func value(_ name: String, in line: Substring) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    deinit {
        process?.send(SIGKILL)
        process?.waitUntilExit()
    }
}

@Suite(.serialized) struct SyslogExportTests {
    @Test(.enabled(if: RsyslogCollector.isInstalled, "needs rsyslogd (apt-get install rsyslog)"))
    func everyRecordArrivesOnceInOrderAcrossACollectorRestart() async throws {
        let collector = try RsyslogCollector()
        try await collector.start()
        try await TestDatabase.withFresh(.sqlite) { database in
            var configuration = TestServer.configuration(for: database)
            var sink = SyslogSink(transport: .tcp, host: "127.0.0.1", port: collector.port)
            sink.batchSize = 25
            sink.pollInterval = .milliseconds(50)
            sink.maximumBackoff = .milliseconds(400)
            configuration.auditSyslog = sink
            let sinkName = sink.name
            try await TestServer.run(configuration) { client in
                let operatorToken = try await client.loginOperator()
                let (_, one) = try await client.makeTenant("syslog-one", operatorToken: operatorToken)
                let (_, two) = try await client.makeTenant("syslog-two", operatorToken: operatorToken)
                func traffic(_ count: Int) async throws {
                    for index in 0..<count { _ = try await client.send(.get, "/v1/users", token: index.isMultiple(of: 2) ? one : two) }
                }
                try await traffic(80)
                // Stop the collector once it has what was sent so far, keep serving, bring it back.
                // Not mid-delivery: rsyslogd reads and drops what arrives while it shuts down, and
                // plain TCP syslog has no acknowledgement that could tell the exporter (RELP
                // would); two runs lost the one record in flight at the stop that way.
                try await Self.waitForCatchUp(database, sink: sinkName)
                try await collector.stop()
                try await traffic(80)
                try await Task.sleep(for: .milliseconds(500))
                try await collector.start()
                try await traffic(40)
                // Wait until every log's cursor reaches its head.
                try await Self.waitForCatchUp(database, sink: sinkName)
            }
        }
        // The shutdown may have exported a last few records; what was exported is exactly 1...n per tenant.
        try await Task.sleep(for: .milliseconds(300))
        try await collector.stop()
        let received = try collector.received()
        let byTenant = Dictionary(grouping: received, by: \.0).mapValues { $0.map(\.1) }
        #expect(byTenant.count == 3, "platform and two tenants: \(byTenant.keys.sorted())")
        for (tenant, seqs) in byTenant {
            #expect(seqs == Array(1...Int64(seqs.count)), "tenant \(tenant): lost, duplicated or reordered records")
            #expect(seqs.count >= (tenant == TenantID.platform.rawValue ? 3 : 100), "tenant \(tenant): \(seqs.count) records")
        }
    }

    static func waitForCatchUp(_ database: TestDatabase, sink: String) async throws {
        for _ in 0..<200 {
            let behind: Int = try await database.withStore { db, _ in
                try await db.transaction { sql in
                    try await sql.raw(
                        """
                        SELECT COUNT(*) AS behind FROM audit_heads h
                        LEFT JOIN audit_export_cursors c ON c.tenant_id = h.tenant_id AND c.sink = \(bind: sink)
                        WHERE COALESCE(c.seq, 0) < h.size
                        """
                    ).first()?.decode(column: "behind", as: Int.self) ?? 1
                }
            }
            if behind == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RampartError(.unavailable, "the syslog export did not catch up")
    }
}

/// A TLS syslog collector (RFC 5425) in Python's `ssl` module, with a throwaway CA made by openssl.
struct TLSCollector {
    let directory: String
    var output: String { directory + "/received.log" }
    /// The collector listens on a port the system chooses and writes it here: a random fixed port
    /// can be taken, since it falls in the ephemeral range other connections use.
    var portFile: String { directory + "/port" }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    }

    static let script = """
        import os, socket, ssl, sys, threading
        port_file, cert, key, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); context.load_cert_chain(cert, key)
        server = socket.create_server(("127.0.0.1", 0))
        with open(port_file + ".tmp", "w") as f: f.write(str(server.getsockname()[1]))
        os.rename(port_file + ".tmp", port_file)
        def serve(conn):
            try:
                tls = context.wrap_socket(conn, server_side=True)
                data = b""
                while True:
                    chunk = tls.recv(65536)
                    if not chunk: break
                    data += chunk
                with open(out, "ab") as f: f.write(data)
                # close_notify back: the sender counts a batch as delivered only on a clean close.
                tls.unwrap().close()
            except Exception as e:
                conn.close()
        while True:
            conn, _ = server.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()
        """

    static func shell(_ arguments: [String], in directory: String) throws {
        let outcome = try ChildProcess.run("/usr/bin/env", arguments, directory: directory)
        guard outcome.status == 0 else { throw RampartError(.internalError, "\(arguments.prefix(3)) failed: \(outcome.stderr)") }
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-collector-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.shell(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=Test Collector CA",
            ], in: directory)
        try Self.shell(
            [
                "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost",
            ], in: directory)
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: directory + "/san.ext", atomically: true, encoding: .utf8)
        try Self.shell(
            [
                "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
                "-days", "2", "-extfile", "san.ext",
            ], in: directory)
        try Self.script.write(toFile: directory + "/collector.py", atomically: true, encoding: .utf8)
    }

    /// Starts the collector and returns it with the port it listens on.
    func start() async throws -> (process: ChildProcess, port: Int) {
        let process = try ChildProcess(
            "/usr/bin/env", ["python3", directory + "/collector.py", portFile, directory + "/server.pem", directory + "/server.key", output])
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text), RsyslogCollector.canConnect(port: port) {
                return (process, port)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.send(SIGKILL)
        process.waitUntilExit()
        throw RampartError(.unavailable, "the TLS collector did not start")
    }
}

extension SyslogExportTests {
    /// Splits an RFC 6587 octet-counted stream: `LEN SP MSG` repeated.
    static func octetCountedFrames(_ stream: String) -> [String] {
        var bytes = Substring(stream).utf8[...]
        var messages: [String] = []
        while let space = bytes.firstIndex(of: UInt8(ascii: " ")), let length = Int(String(decoding: bytes[..<space], as: UTF8.self)) {
            let start = bytes.index(after: space)
            guard let end = bytes.index(start, offsetBy: length, limitedBy: bytes.endIndex) else { break }
            messages.append(String(decoding: bytes[start..<end], as: UTF8.self))
            bytes = bytes[end...]
        }
        return messages
    }

    @Test(.enabled(if: TLSCollector.isAvailable, "needs openssl and python3"), arguments: [true, false])
    func recordsReachATLSCollectorOnlyWhenItsCertificateIsTrusted(_ trusted: Bool) async throws {
        let collector = try TLSCollector()
        let (process, port) = try await collector.start()
        defer {
            process.send(SIGKILL)
            process.waitUntilExit()
        }
        try await TestDatabase.withFresh(.sqlite) { database in
            var configuration = TestServer.configuration(for: database)
            var sink = SyslogSink(transport: .tls, host: "127.0.0.1", port: port, caFile: trusted ? collector.directory + "/ca.pem" : nil)
            sink.pollInterval = .milliseconds(50)
            sink.maximumBackoff = .milliseconds(200)
            configuration.auditSyslog = sink
            let sinkName = sink.name
            try await TestServer.run(configuration) { client in
                let operatorToken = try await client.loginOperator()
                for _ in 0..<10 { _ = try await client.send(.get, "/v1/tenants", token: operatorToken) }
                if trusted {
                    try await SyslogExportTests.waitForCatchUp(database, sink: sinkName)
                } else {
                    try await Task.sleep(for: .seconds(2))
                }
            }
        }
        let messages = Self.octetCountedFrames((try? String(contentsOfFile: collector.output, encoding: .utf8)) ?? "")
        let seqs = messages.compactMap { RsyslogCollector.value("seq", in: $0[...]).flatMap { Int64($0) } }
        if trusted {
            #expect(seqs.count >= 11 && seqs == Array(1...Int64(seqs.count)), "\(seqs)")
            #expect(messages.allSatisfy { $0.hasPrefix("<") && $0.contains(" rampart ") && $0.contains("[rampart@32473 ") })
        } else {
            #expect(seqs.isEmpty, "an untrusted collector received records")
        }
    }
}
