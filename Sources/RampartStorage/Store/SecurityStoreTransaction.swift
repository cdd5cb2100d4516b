// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Two-factor login, known devices and networks, security events, settings and alerting.
package protocol SecurityStoreTransaction: Sendable {
    // MARK: Two-factor login (the operator's rows live under `TenantID.platform`)
    func totpCredential(subjectID: String, in tenant: TenantID) async throws -> TOTPCredential?
    /// Inserts or replaces the subject's authenticator.
    func putTOTPCredential(_ credential: TOTPCredential) async throws
    /// Accepts time step `step` only if it is newer than the last accepted one, atomically, so two
    /// requests racing with the same code cannot both succeed. Returns whether it was accepted.
    func consumeTOTPStep(_ step: Int64, subjectID: String, in tenant: TenantID) async throws -> Bool
    /// Removes the authenticator, recovery codes and open challenges of the subject.
    func deleteMFA(subjectID: String, in tenant: TenantID) async throws -> Bool
    /// Every authenticator sealed under the master key (the operator's), for master-key rewrap.
    func platformTOTPCredentials() async throws -> [TOTPCredential]
    /// Replaces the subject's recovery codes with `hashes` (all keyed by `salt`).
    func replaceRecoveryCodes(subjectID: String, in tenant: TenantID, salt: String, hashes: [String], at now: Int64) async throws
    /// The salt and hashes of the subject's unused recovery codes; `nil` when none are left.
    func recoveryCodes(subjectID: String, in tenant: TenantID) async throws -> (salt: String, hashes: [String])?
    /// Deletes one recovery code; `false` if it was already used (a concurrent request won).
    func consumeRecoveryCode(hash: String, subjectID: String, in tenant: TenantID) async throws -> Bool
    func insertMFAChallenge(_ challenge: MFAChallenge) async throws
    /// Entry point of the second login step: the challenge whose token hashes to `tokenHash`.
    func mfaChallenge(tokenHash: String) async throws -> MFAChallenge?
    /// Counts one wrong code against the challenge; returns the new count.
    func recordMFAChallengeFailure(id: String, in tenant: TenantID) async throws -> Int
    /// Deletes the challenge; `false` if it was gone already (used by a concurrent request).
    func deleteMFAChallenge(id: String, in tenant: TenantID) async throws -> Bool
    func deleteExpiredMFAChallenges(now: Int64) async throws -> Int

    // MARK: Known devices, networks and addresses
    /// Records that `subjectID` was seen with `value`; returns `true` the first time only.
    func rememberSource(_ kind: KnownSourceKind, _ value: String, subjectID: String, in tenant: TenantID, at now: Int64) async throws -> Bool
    func isKnownSource(_ kind: KnownSourceKind, _ value: String, subjectID: String, in tenant: TenantID) async throws -> Bool
    /// Whether `subjectID` has been seen with any value of `kind`.
    func hasKnownSources(_ kind: KnownSourceKind, subjectID: String, in tenant: TenantID) async throws -> Bool

    // MARK: Security events, settings and alerting
    func insertSecurityEvent(_ event: SecurityEvent) async throws
    func securityEvents(in tenant: TenantID, query: SecurityEventQuery) async throws -> [SecurityEvent]
    func securityEvent(id: String, in tenant: TenantID) async throws -> SecurityEvent?
    func tenantSecuritySettings(_ tenant: TenantID) async throws -> TenantSecuritySettings?
    func putTenantSecuritySettings(_ settings: TenantSecuritySettings) async throws
    func insertAlertRule(_ rule: AlertRule) async throws
    func alertRules(in tenant: TenantID) async throws -> [AlertRule]
    func alertRule(id: String, in tenant: TenantID) async throws -> AlertRule?
    /// Deletes the rule and its pending deliveries.
    func deleteAlertRule(id: String, in tenant: TenantID) async throws -> Bool
    func insertAlertDelivery(_ delivery: AlertDelivery) async throws
    /// Platform-wide: pending deliveries due at `now`, oldest first (for the delivery service).
    func dueAlertDeliveries(now: Int64, limit: Int) async throws -> [AlertDelivery]
    /// Takes a due delivery for this server until `leaseUntil`; `false` when another server did.
    func claimAlertDelivery(id: String, dueAt: Int64, leaseUntil: Int64) async throws -> Bool
    func updateAlertDelivery(_ delivery: AlertDelivery) async throws
    func alertDeliveries(ruleID: String, in tenant: TenantID) async throws -> [AlertDelivery]
}
