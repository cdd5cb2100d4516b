// SPDX-License-Identifier: Apache-2.0

/// A FIFO async mutex.
///
/// SQLite has one writer and Rampart owns a single connection, so transactions must not
/// interleave on it; an actor alone does not prevent that because it is re-entrant across awaits.
package actor AsyncSerialGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init() {}

    package func withExclusiveAccess<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
