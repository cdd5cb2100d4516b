// SPDX-License-Identifier: Apache-2.0

extension AuditContext {
    /// Runs `body` with this context disarmed, so that writes through `store.recording(self)`
    /// (bookkeeping such as a token's last-used time or a consumed sign-in state) are not taken
    /// for the request's state change and do not carry its audit record. The record is still
    /// written: by the change that follows, or by ``AuditMiddleware`` once the response is known.
    package func unrecorded<R: Sendable>(_ body: () async throws -> R) async rethrows -> R {
        guard current.armed else { return try await body() }
        update { $0.armed = false }
        defer { update { $0.armed = true } }
        return try await body()
    }
}

extension Optional where Wrapped == AuditContext {
    /// ``AuditContext/unrecorded(_:)`` of the context, or just `body` where there is none.
    package func unrecorded<R: Sendable>(_ body: () async throws -> R) async rethrows -> R {
        guard let audit = self else { return try await body() }
        return try await audit.unrecorded(body)
    }
}
