// SPDX-License-Identifier: Apache-2.0

/// Runs `work` to its end even when the calling task is cancelled, and returns its result.
///
/// SQLiteNIO drops a statement whose task is cancelled before it runs. That is right for the
/// statements inside a transaction, but the statement that *ends* one (COMMIT, ROLLBACK) must
/// always run: Rampart owns one SQLite connection, and a transaction left open on it makes
/// every later `BEGIN` fail, wedging every write of the server (the audit log included) until
/// a restart. A new unstructured task does not inherit the caller's cancellation.
func runToCompletion<R: Sendable>(_ work: @escaping @Sendable () async throws -> R) async throws -> R {
    try await Task { try await work() }.value
}
