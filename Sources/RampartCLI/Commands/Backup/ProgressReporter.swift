// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartStorage
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress on stderr: a redrawn bar with MB/s on a terminal, a plain line every few seconds
/// otherwise (logs and CI), nothing with `--quiet`.
final class ProgressReporter: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drewBar = false
    }

    private let interactive: Bool
    private let enabled: Bool
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    init(enabled: Bool) {
        self.enabled = enabled
        interactive = isatty(STDERR_FILENO) == 1
    }

    var handler: BackupProgressHandler { { [self] progress in self.report(progress) } }

    func report(_ progress: BackupProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            let interval: Duration = interactive ? .milliseconds(100) : .seconds(5)
            if let last = state.lastDraw, now - last < interval { return nil }
            state.lastDraw = now
            state.drewBar = interactive
            return render(progress, elapsed: now - started)
        }
        guard let line else { return }
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : "rampart: " + line + "\n").utf8))
    }

    /// Ends the bar's line so the summary starts on a fresh one.
    func finish() {
        let drew = state.withLock { $0.drewBar }
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func render(_ progress: BackupProgress, elapsed: Duration) -> String {
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 0.001)
        let megabytes = Double(progress.fileBytes) / 1_048_576
        let rate = String(format: "%.1f MB/s", megabytes / seconds)
        let rows = "\(progress.rowsDone)" + (progress.rowsTotal > 0 ? "/\(progress.rowsTotal)" : "") + " rows"
        let table = progress.table.map { " \($0)" } ?? ""
        guard let fraction = progress.fraction else {
            return "\(progress.phase.rawValue)\(table): \(rows), \(String(format: "%.1f", megabytes)) MB, \(rate)"
        }
        let percent = Int((fraction * 100).rounded(.down))
        if interactive {
            let width = 24
            let filled = Int(Double(width) * fraction)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            return "[\(bar)] \(percent)% \(progress.phase.rawValue)\(table) \(rows) \(rate)"
        }
        return "\(progress.phase.rawValue)\(table): \(percent)%, \(rows), \(rate)"
    }
}

/// Human sizes for summaries.
enum ByteCount {
    static func describe(_ bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1_048_576 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        if bytes < 1_073_741_824 { return String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        return String(format: "%.2f GiB", Double(bytes) / 1_073_741_824)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
