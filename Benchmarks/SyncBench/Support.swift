// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOPosix
import PostgresNIO
import RampartConnectors

/// A failure with the server's message, since a `PSQLError`'s description hides it.
struct BenchError: Error, CustomStringConvertible {
    var description: String
}

/// An administrative connection to the benchmark's PostgreSQL (the URL's superuser).
struct AdminConnection {
    let connection: PostgresConnection
    static let logger = Logger(label: "sync-bench", factory: { _ in SwiftLogNoOpLogHandler() })

    static func open(_ settings: PostgresConnector.Settings, password: String?, database: String) async throws -> AdminConnection {
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(),
                configuration: .init(
                    host: settings.host, port: settings.port, username: settings.username, password: password, database: database, tls: .disable),
                id: 1, logger: logger)
            return AdminConnection(connection: connection)
        } catch {
            throw BenchError(description: "cannot connect to \(settings.host):\(settings.port)/\(database): \(Self.message(error))")
        }
    }

    func run(_ sql: String) async throws { _ = try await rows(sql) }

    func rows(_ sql: String) async throws -> [[String?]] {
        do {
            var out: [[String?]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger) {
                out.append(row.map { cell in cell.bytes.map { String(buffer: $0) } })
            }
            return out
        } catch {
            throw BenchError(description: "\(Self.message(error)) in: \(sql.prefix(200))")
        }
    }

    func close() async { try? await connection.close() }

    static func message(_ error: any Error) -> String {
        if let psql = error as? PSQLError, let message = psql.serverInfo?[.message] {
            return "\(psql.serverInfo?[.sqlState] ?? "?????"): \(message)"
        }
        return String(describing: error)
    }
}

/// How long `body` took; it runs on the caller's actor.
func timed<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await body()
    return (result, clock.now - start)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func formatSeconds(_ duration: Duration) -> String {
    let value = seconds(duration)
    return value < 1 ? String(format: "%.0f ms", value * 1000) : String(format: "%.2f s", value)
}

/// `1234567` → `1,234,567`.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return value < 0 ? "-" + out : out
}

/// Prints a line at once, so a long run shows its progress through a pipe too.
func say(_ line: String) {
    print(line)
    fflush(nil)
}

func verdict(_ met: Bool) -> String { met ? "PASS" : "MISS" }

/// A field of `/proc/self/status` in MiB (`VmHWM`: the peak resident set; `VmRSS`: now).
func memoryMiB(_ field: String) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
        return kilobytes.map { $0 / 1024 }
    }
    return nil
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Memory at a point of the run, when `SYNC_BENCH_TRACE` is set.
func trace(_ point: String) {
    guard ProcessInfo.processInfo.environment["SYNC_BENCH_TRACE"] != nil else { return }
    say(String(format: "    [%@: resident %.0f MiB, peak %.0f MiB]", point, memoryMiB("VmRSS") ?? 0, memoryMiB("VmHWM") ?? 0))
}
