// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
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
    private var process: Process?

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rsyslog-\(UUID().uuidString)").path
        port = Int.random(in: 30_000...60_000)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let configuration = """
            global(workDirectory="\(directory)")
            module(load="imtcp")
            input(type="imtcp" port="\(port)" address="127.0.0.1")
            template(name="sd" type="string" string="%structured-data%\\n")
            action(type="omfile" file="\(output)" template="sd")
            """
        try configuration.write(toFile: directory + "/rsyslog.conf", atomically: true, encoding: .utf8)
    }

    func start() async throws {
        let process = Process()
        // Through Python, which clears the signal mask the test process may have blocked, so
        // that rsyslogd sees SIGTERM and shuts down gracefully (flushing what it has read).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
            Self.binary, "-n", "-f", directory + "/rsyslog.conf", "-i", directory + "/rsyslog.pid",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
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
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(25)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
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

    deinit { if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) } }
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
                // Kill the collector mid-stream, keep serving, bring it back.
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
