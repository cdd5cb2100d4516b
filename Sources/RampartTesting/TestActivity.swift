// SPDX-License-Identifier: Apache-2.0

import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What the tests are waiting for right now: test servers and their requests in flight.
///
/// A hung suite shows no thread doing anything (every task is suspended), so its threads say
/// nothing; this list does. `SIGUSR1` prints it to standard error (`.ci/watch-tests` sends the
/// signal before it stops a hung run).
package enum TestActivity {
    private struct Open: Sendable {
        var label: String
        var started: ContinuousClock.Instant
    }

    private static let open = Mutex<(next: Int, items: [Int: Open])>((0, [:]))

    /// The signal source, kept for the life of the process.
    private nonisolated(unsafe) static let signalSource: (any DispatchSourceSignal)? = {
        #if canImport(Glibc)
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: DispatchQueue(label: "rampart.test-activity"))
        source.setEventHandler { TestActivity.report() }
        source.resume()
        return source
        #else
        return nil
        #endif
    }()

    /// Runs `body`, listed under `label` while it runs.
    package static func track<R>(_ label: @autoclosure () -> String, _ body: () async throws -> R) async rethrows -> R {
        _ = signalSource
        let id = open.withLock { state in
            state.next += 1
            state.items[state.next] = Open(label: label(), started: .now)
            return state.next
        }
        defer { _ = open.withLock { $0.items.removeValue(forKey: id) } }
        return try await body()
    }

    /// Lists `label` until ``close(_:)`` is called with the number returned, for a phase that
    /// does not fit one closure (a server's shutdown, which starts when the test body returns).
    package static func open(_ label: String) -> Int {
        _ = signalSource
        return open.withLock { state in
            state.next += 1
            state.items[state.next] = Open(label: label, started: .now)
            return state.next
        }
    }

    package static func close(_ id: Int) {
        _ = open.withLock { $0.items.removeValue(forKey: id) }
    }

    /// Prints what is open, oldest first.
    static func report() {
        let now = ContinuousClock.now
        let items = open.withLock { $0.items.values.sorted { $0.started < $1.started } }
        var text = "test activity: \(items.count) open\n"
        for item in items {
            text += "  \((now - item.started).components.seconds) s  \(item.label)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
