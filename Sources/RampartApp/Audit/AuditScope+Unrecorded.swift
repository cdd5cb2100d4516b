// SPDX-License-Identifier: Apache-2.0

extension AuditScope {
    /// Runs `body` with the current request's scope disarmed, so that its writes (bookkeeping such
    /// as a token's last-used time or a consumed sign-in state) are not taken for the request's
    /// state change and do not carry its audit record. The record is still written: by the change
    /// that follows, or by ``AuditMiddleware`` once the response is known.
    package static func unrecorded<R: Sendable>(_ body: () async throws -> R) async rethrows -> R {
        guard let scope = current, scope.current.armed else { return try await body() }
        scope.update { $0.armed = false }
        defer { scope.update { $0.armed = true } }
        return try await body()
    }
}
