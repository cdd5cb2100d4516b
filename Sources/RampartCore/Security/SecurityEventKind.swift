// SPDX-License-Identifier: Apache-2.0

/// The security signals Rampart records and can alert on.
///
/// Raw values are stable codes: they are stored in the audit log, exported to SIEMs and used in
/// alert rules, so a case may be added but never renamed.
package enum SecurityEventKind: String, Sendable, Codable, CaseIterable {
    // Login
    case loginFailed = "login.failed"
    case loginSucceeded = "login.succeeded"
    /// An attempt refused with a delay by ``LoginThrottle`` before the password was checked.
    case loginThrottled = "login.throttled"
    /// A source address crossed the per-IP failure threshold and is blocked for a while.
    case ipBlocked = "ip.blocked"
    /// A tenant crossed its tenant-wide failure threshold (a spread-out stuffing attack).
    case tenantUnderAttack = "tenant.under_attack"
    /// A signed-in subject gave a wrong current password (changing the password, turning off
    /// two-factor): someone holding the session may be guessing it.
    case passwordRecheckFailed = "password.recheck_failed"

    // Two-factor
    case mfaEnrolled = "mfa.enrolled"
    case mfaDisabled = "mfa.disabled"
    case mfaSucceeded = "mfa.succeeded"
    case mfaFailed = "mfa.failed"
    /// A correct TOTP code submitted again (replay or a shoulder-surfed code).
    case mfaReplayRejected = "mfa.replay_rejected"
    case recoveryUsed = "recovery.used"
    case recoveryRegenerated = "recovery.regenerated"

    // Context
    /// Login from a device fingerprint not seen before for this user.
    case deviceNew = "device.new"
    /// Login from an IP network (/24, /48) not seen before for this user.
    case networkNew = "network.new"
    /// A login from a new device or browser, on a new network and in a new time zone (or one
    /// that reports none) at once, for an account that has signed in before with a reported
    /// time zone: someone else, somewhere else.
    case deviceAnomalous = "device.anomalous"
    /// An API key used from an address it has not been used from before.
    case apiKeyNewIP = "apikey.new_ip"

    // Rate limits and authorization
    case apiKeyRateLimited = "apikey.rate_limited"
    case tenantRateLimited = "tenant.rate_limited"
    /// One principal's denied decisions jumped well above its usual rate (``DenialSpikeDetector``).
    case decisionsDenialSpike = "decisions.denial_spike"

    // Recovery (platform log)
    /// A scheduled backup failed.
    case backupFailed = "backup.failed"
    /// A scheduled backup did not happen when due (the server was down, or a backup was killed).
    case backupMissed = "backup.missed"

    // Enforcement inside PostgreSQL
    /// A datasource's database no longer matches its policies although they did not change:
    /// someone changed grants, views or row security by hand (reverted in `enforce` mode).
    case syncDrift = "sync.drift"
    /// A background sync of a datasource failed (cannot connect, a statement failed).
    case syncFailed = "sync.failed"

    // Access requests
    /// Someone asked for access: approvers hear of it through the alert rules' channels.
    case accessRequested = "access.requested"
    /// A request was decided (active or denied): the requester hears of it the same way.
    case accessDecided = "access.decided"
    /// Someone took break-glass access: active at once, without approval, to be reviewed.
    case accessBreakGlass = "access.break_glass"
    /// Break-glass access was not reviewed within 24 hours.
    case accessBreakGlassUnreviewed = "access.break_glass_unreviewed"
    /// A request went unanswered past its rule's timeout and now waits on the escalation group.
    case accessEscalated = "access.escalated"

    // Four-eyes changes
    /// A policy change waits for a second person (the tenant's `changeApproval` is on).
    case changeRequested = "change.requested"
    /// A change request was applied, rejected or found stale.
    case changeDecided = "change.decided"
    /// A tenant-admin applied a change without a second person; it is to be reviewed.
    case changeEmergency = "change.emergency"
    /// An emergency change was not reviewed within 24 hours.
    case changeEmergencyUnreviewed = "change.emergency_unreviewed"
    /// Someone turned four-eyes changes off for the tenant.
    case changeApprovalDisabled = "change.approval_disabled"

    // Access reviews
    /// A campaign started: its reviewer groups hear of it through the alert rules' channels.
    case reviewStarted = "review.started"
    /// A campaign reached its deadline: how many grants nobody reviewed, revoked or reported.
    case reviewClosed = "review.closed"

    /// The stable code, e.g. `login.failed`.
    package var code: String { rawValue }
}
